using System.Text.Json.Serialization;

namespace RdInvest.Targets;

// The keys are named on every property: the notification's data fingerprint serializes this view with the serializer's
// default options, so the keys must not depend on the options a caller passes.

/// <summary>One target's progress as <c>rdinvest progress --json</c>, the API and the notification show it.</summary>
public sealed record ProgressTargetView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("clause")] string Clause,
    [property: JsonPropertyName("title_zh")] string TitleZh,
    [property: JsonPropertyName("indicator")] string Indicator,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("base_year")] int BaseYear,
    [property: JsonPropertyName("base_value")] decimal? BaseValue,
    [property: JsonPropertyName("target_value")] decimal? TargetValue,
    [property: JsonPropertyName("target_end_value")] decimal? TargetEndValue,
    [property: JsonPropertyName("actual")] decimal? Actual,
    [property: JsonPropertyName("expected")] decimal? Expected,
    [property: JsonPropertyName("realised_cagr")] decimal? RealisedCagr,
    [property: JsonPropertyName("required_growth")] decimal? RequiredGrowth,
    [property: JsonPropertyName("progress_ratio")] decimal? ProgressRatio,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("status_zh")] string StatusZh,
    [property: JsonPropertyName("reason")] string? Reason)
{
    public static ProgressTargetView Of(TargetProgress t) => new(t.Id, t.Clause, t.TitleZh, t.Indicator, t.Kind, t.Unit,
        t.BaseYear, t.BaseValue, t.TargetValue, t.TargetEndValue, t.Actual, t.Expected, t.RealisedCagr, t.RequiredGrowth, t.ProgressRatio,
        t.Status, TargetStatus.Zh(t.Status), t.Reason);
}

/// <summary>The stable JSON shape of `rdinvest progress --json` (contract keys, plus title, unit and target_end_value).</summary>
public sealed record ProgressView(
    [property: JsonPropertyName("plan")] string Plan,
    [property: JsonPropertyName("year")] int Year,
    [property: JsonPropertyName("division")] string Division,
    [property: JsonPropertyName("division_name")] string DivisionName,
    [property: JsonPropertyName("targets")] IReadOnlyList<ProgressTargetView> Targets)
{
    /// <summary>Where the plan's own targets disagree (e.g. a growth rate and an end-year level): one line each.</summary>
    [JsonPropertyName("notes")]
    public IReadOnlyList<ProgressNoteView> Notes { get; init; } = [];

    public static ProgressView Of(ProgressResult r) =>
        new(r.Plan, r.Year, r.Division, r.DivisionName, r.Targets.Select(ProgressTargetView.Of).ToList())
        {
            Notes = r.Notes.Select(n => new ProgressNoteView(n.Zh, n.En)).ToList(),
        };
}

/// <summary>A note on the plan's targets, Chinese and English.</summary>
public sealed record ProgressNoteView([property: JsonPropertyName("zh")] string Zh, [property: JsonPropertyName("en")] string En);
