using System.Text.Json.Serialization;

namespace RdInvest.Assessment;

// The keys are named on every property: the notification's data fingerprint serializes this view with the serializer's
// default options, so the keys must not depend on the options a caller passes.

/// <summary>One criterion of a league/city's score.</summary>
public sealed record AssessCriterionView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title_zh")] string TitleZh,
    [property: JsonPropertyName("indicator")] string Indicator,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("value")] decimal? Value,
    [property: JsonPropertyName("points")] decimal Points,
    [property: JsonPropertyName("max_points")] decimal MaxPoints,
    [property: JsonPropertyName("source")] string? Source,
    [property: JsonPropertyName("flag")] string? Flag,
    [property: JsonPropertyName("reason")] string? Reason)
{
    public static AssessCriterionView Of(CriterionScore c) =>
        new(c.Id, c.TitleZh, c.Indicator, c.Method, c.Value, c.Points, c.MaxPoints, c.Source, c.Flag, c.Reason);
}

/// <summary>
/// A league/city's score, rank and grade. Reporting quality is shown beside the score, not scored: the reporting rate,
/// and the shares of the league/city's imported rows with errors and with warnings (percent, null without imports).
/// </summary>
public sealed record AssessRowView(
    [property: JsonPropertyName("division")] string Division,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("criteria")] IReadOnlyList<AssessCriterionView> Criteria,
    [property: JsonPropertyName("total")] decimal Total,
    [property: JsonPropertyName("rank")] int Rank,
    [property: JsonPropertyName("grade")] string Grade,
    [property: JsonPropertyName("grade_en")] string? GradeEn,
    [property: JsonPropertyName("reporting_quality")] decimal? ReportingQuality,
    [property: JsonPropertyName("import_error_rate")] decimal? ImportErrorRate,
    [property: JsonPropertyName("import_warning_rate")] decimal? ImportWarningRate)
{
    public static AssessRowView Of(AssessmentRow x) => new(x.Division, x.Name, x.Criteria.Select(AssessCriterionView.Of).ToList(),
        x.Total, x.Rank, x.Grade, x.GradeEn, x.ReportingQuality, x.ImportErrorRate, x.ImportWarningRate);
}

/// <summary>
/// The JSON of `rdinvest assess --json` (contract: year, plan, results[division, name, criteria[id, value,
/// points, max_points, source, flag], total, rank, grade]; extra keys may be added, none renamed).
/// </summary>
public sealed record AssessView(
    [property: JsonPropertyName("year")] int Year,
    [property: JsonPropertyName("plan")] string Plan,
    [property: JsonPropertyName("clause")] string Clause,
    [property: JsonPropertyName("results")] IReadOnlyList<AssessRowView> Results)
{
    public static AssessView Of(AssessResult r) => new(r.Year, r.Plan, r.Clause, r.Results.Select(AssessRowView.Of).ToList());
}
