using System.Globalization;
using System.Text.Json.Nodes;
using RdInvest.Common;

namespace RdInvest.Plans;

/// <summary>
/// A plan as data: its targets, assessment scheme, park index and dated rule parameters. Nothing about a
/// particular plan is in code; the next plan is another file (docs/plan-format.md).
/// </summary>
public sealed record Plan
{
    public required string Id { get; init; }
    public required string TitleZh { get; init; }
    public string? TitleEn { get; init; }
    public required string DocumentNumber { get; init; }
    public DateOnly? Issued { get; init; }
    public required DateOnly PeriodStart { get; init; }
    public required DateOnly PeriodEnd { get; init; }
    public required int BaseYear { get; init; }
    public required int EndYear { get; init; }
    public string? Source { get; init; }
    public required IReadOnlyList<PlanTarget> Targets { get; init; }
    public AssessmentScheme? Assessment { get; init; }
    public ParkIndexScheme? ParkIndex { get; init; }
    public required IReadOnlyDictionary<string, PlanParameter> Parameters { get; init; }

    public PlanTarget? Target(string id) => Targets.FirstOrDefault(t => t.Id == id);

    /// <summary>The parameter in force on <paramref name="date"/>; throws when the plan lacks it.</summary>
    public ParameterValue ParameterAt(string name, DateOnly date) =>
        Parameters.TryGetValue(name, out var p)
            ? p.At(date) ?? throw new PlanException($"参数 {name} 在 {date:yyyy-MM-dd} 尚未生效", $"parameter {name} has no value in force on {date:yyyy-MM-dd}")
            : throw new PlanException($"方案 {Id} 没有参数 {name}", $"plan {Id} has no parameter {name}");
}

public static class TargetKinds
{
    public const string Growth = "growth";
    public const string Level = "level";
    public const string Share = "share";
    public const string Count = "count";
    public const string Threshold = "threshold";
    public static readonly IReadOnlyList<string> All = [Growth, Level, Share, Count, Threshold];
}

/// <summary>A target of the plan, e.g. T2: rd_total level 37,000,000,000 yuan in the end year.</summary>
public sealed record PlanTarget
{
    public required string Id { get; init; }
    public required string Clause { get; init; }
    public required string TitleZh { get; init; }
    public string? TitleEn { get; init; }
    public required string Indicator { get; init; }
    /// <summary>region, league_city (each league/city), or park (each park by category).</summary>
    public required string Scope { get; init; }
    public required string Kind { get; init; }
    /// <summary>The value in <see cref="Unit"/>: percent for growth and share, yuan for money, a count for counts.</summary>
    public decimal? Value { get; init; }
    public required string Unit { get; init; }
    /// <summary>growth targets: "base_year" (average annual growth since the base year) or "previous_year".</summary>
    public string? Basis { get; init; }
    /// <summary>Used where the indicator has no data, e.g. fiscal S&amp;T spending for government R&amp;D funds (T14).</summary>
    public string? FallbackIndicator { get; init; }
    /// <summary>Per-category values (T12's park floors), keyed by category.</summary>
    public IReadOnlyDictionary<string, decimal>? ValuesByCategory { get; init; }
    /// <summary>Per league/city values where the plan sets them; otherwise level targets split by base-year share.</summary>
    public IReadOnlyDictionary<string, decimal>? ValuesByDivision { get; init; }
}

public sealed record AssessmentScheme
{
    public required string Clause { get; init; }
    public required IReadOnlyList<AssessmentCriterion> Criteria { get; init; }
    /// <summary>Grades from the highest threshold down; the first whose minimum the total reaches applies.</summary>
    public required IReadOnlyList<GradeBand> Grades { get; init; }
}

public sealed record AssessmentCriterion
{
    public required string Id { get; init; }
    public required string TitleZh { get; init; }
    public string? TitleEn { get; init; }
    public required string Indicator { get; init; }
    /// <summary>pass_fail (value &gt; threshold), ratio_to_target (min(1, max(0,v)/target)), min_max (over the leagues/cities).</summary>
    public required string Method { get; init; }
    public required decimal MaxPoints { get; init; }
    public decimal? Target { get; init; }
    public decimal? Threshold { get; init; }
    public string? Clause { get; init; }
}

public sealed record GradeBand(decimal Min, string GradeZh, string? GradeEn);

public sealed record ParkIndexScheme
{
    public required string Clause { get; init; }
    /// <summary>min_max or z_score.</summary>
    public required string Normalisation { get; init; }
    public required IReadOnlyDictionary<string, decimal> Weights { get; init; }
    /// <summary>Relative weight change for the sensitivity runs (0.5 = ±50 %).</summary>
    public decimal SensitivityShift { get; init; } = 0.5m;
}

/// <summary>A parameter with OpenFisca-style dated values; each value names the clause it comes from.</summary>
public sealed record PlanParameter
{
    public required string Name { get; init; }
    public string? Unit { get; init; }
    public string? DescriptionZh { get; init; }
    public string? DescriptionEn { get; init; }
    /// <summary>Sorted by <see cref="ParameterValue.EffectiveFrom"/>.</summary>
    public required IReadOnlyList<ParameterValue> Values { get; init; }

    public ParameterValue? At(DateOnly date)
    {
        ParameterValue? found = null;
        foreach (var v in Values)
        {
            if (v.EffectiveFrom <= date)
            {
                found = v;
            }
        }
        return found;
    }
}

/// <summary>
/// One dated value. <see cref="Value"/> is a number, a string, a list or a table; <see cref="IsDefault"/> marks
/// values the plan does not fix ("default, set by the administering department").
/// </summary>
public sealed record ParameterValue(string Name, DateOnly EffectiveFrom, JsonNode Value, string Clause, bool IsDefault)
{
    public decimal AsDecimal() => ToDecimal(Value);

    public static decimal ToDecimal(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<decimal>(out var d) => d,
        JsonValue v when v.TryGetValue<string>(out var s) && TryParseNumber(s, out var p) => p,
        _ => throw new PlanException($"参数值不是数字：{node?.ToJsonString()}", $"parameter value is not a number: {node?.ToJsonString()}"),
    };

    /// <summary>Accepts 0.0435, 4.35% and 4.35 % (percent means divided by 100).</summary>
    public static bool TryParseNumber(string text, out decimal value)
    {
        var t = text.Trim().Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        var percent = t.EndsWith('%');
        if (percent)
        {
            t = t[..^1].TrimEnd();
        }
        if (decimal.TryParse(t, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value))
        {
            if (percent)
            {
                value /= 100m;
            }
            return true;
        }
        return false;
    }
}

/// <summary>A plan file or plan lookup that cannot be used; the message is bilingual.</summary>
public sealed class PlanException(string messageZh, string messageEn) : UserError(messageZh, messageEn);
