using RdInvest.Plans;

namespace RdInvest.Assessment;

/// <summary>A criterion's input for one league/city: the indicator value with its provenance, or null with a reason.</summary>
public sealed record CriterionInput(decimal? Value, string? Provenance, string? Reason);

public sealed record AssessedDivision(string Division, string Name, IReadOnlyDictionary<string, CriterionInput> Inputs);

/// <summary>One criterion's result. <see cref="Flag"/> is "no_data" (scored 0, with <see cref="Reason"/>) or null.</summary>
public sealed record CriterionScore(string Id, string TitleZh, string Indicator, string Method, decimal? Value, decimal Points, decimal MaxPoints,
    string? Source, string? Flag, string? Reason);

/// <summary>A league/city's score; the reporting-quality figures (reporting rate, import error and warning rates, percent) are shown beside it, not scored.</summary>
public sealed record AssessmentRow(string Division, string Name, IReadOnlyList<CriterionScore> Criteria, decimal Total, int Rank,
    string Grade, string? GradeEn, decimal? ReportingQuality, decimal? ImportErrorRate = null, decimal? ImportWarningRate = null);

public static class CriterionMethods
{
    public const string PassFail = "pass_fail";
    public const string RatioToTarget = "ratio_to_target";
    public const string MinMax = "min_max";
    public static readonly IReadOnlyList<string> All = [PassFail, RatioToTarget, MinMax];
}

/// <summary>
/// Scores the leagues/cities on the plan's assessment scheme (三(三)). Pure. For each criterion with maximum M:
/// <list type="bullet">
/// <item>pass_fail: M when value &gt; threshold (default 0), else 0 — e.g. government R&amp;D grew (T14, 二(一)1).</item>
/// <item>ratio_to_target: M × min(1, max(0, value) / target) — e.g. R&amp;D growth against the plan's 20 % (一).</item>
/// <item>min_max: M × (value − min)/(max − min) over the divisions with data; all equal → M.</item>
/// </list>
/// A criterion without data scores 0 and carries flag "no_data" and the reason; it is never skipped. Points are
/// rounded to 2 decimals; the total is the sum of rounded points; rank is competition ranking (1, 1, 3) by total;
/// the grade is the first band (highest minimum first) whose minimum the total reaches.
/// </summary>
public static class AssessmentScorer
{
    public const string NoData = "no_data";

    public static IReadOnlyList<AssessmentRow> Score(AssessmentScheme scheme, IReadOnlyList<AssessedDivision> divisions)
    {
        foreach (var c in scheme.Criteria.Where(c => !CriterionMethods.All.Contains(c.Method)))
        {
            throw new PlanException($"考核指标 {c.Id} 的方法 {c.Method} 不受支持（pass_fail、ratio_to_target、min_max）",
                $"assessment criterion {c.Id} has unsupported method {c.Method} (pass_fail, ratio_to_target, min_max)");
        }
        var ranges = scheme.Criteria.Where(c => c.Method == CriterionMethods.MinMax).ToDictionary(c => c.Id, c =>
        {
            var vals = divisions.Select(d => d.Inputs.GetValueOrDefault(c.Id)?.Value).OfType<decimal>().ToList();
            return vals.Count == 0 ? (Min: 0m, Max: 0m) : (Min: vals.Min(), Max: vals.Max());
        });
        var scored = divisions.Select(d =>
        {
            var criteria = scheme.Criteria.Select(c => Criterion(c, d.Inputs.GetValueOrDefault(c.Id), ranges.GetValueOrDefault(c.Id))).ToList();
            return (d, criteria, total: criteria.Sum(x => x.Points));
        }).ToList();
        var totals = scored.Select(s => s.total).ToList();
        return scored.Select(s =>
        {
            var band = GradeOf(scheme.Grades, s.total);
            return new AssessmentRow(s.d.Division, s.d.Name, s.criteria, s.total, 1 + totals.Count(t => t > s.total),
                band?.GradeZh ?? "", band?.GradeEn, null);
        }).ToList();
    }

    public static CriterionScore Criterion(AssessmentCriterion c, CriterionInput? input, (decimal Min, decimal Max) range)
    {
        var s = new CriterionScore(c.Id, c.TitleZh, c.Indicator, c.Method, input?.Value, 0m, c.MaxPoints, input?.Provenance, null, null);
        if (input?.Value is not { } v)
        {
            return s with { Flag = NoData, Reason = input?.Reason ?? "无数据 / no data" };
        }
        var points = c.Method switch
        {
            CriterionMethods.PassFail => v > (c.Threshold ?? 0m) ? c.MaxPoints : 0m,
            CriterionMethods.RatioToTarget => c.Target is { } t && t > 0
                ? c.MaxPoints * Math.Min(1m, Math.Max(0m, v) / t)
                : throw new PlanException($"考核指标 {c.Id} 缺少正的 target", $"assessment criterion {c.Id} needs a positive target"),
            _ => range.Max == range.Min ? c.MaxPoints : c.MaxPoints * (v - range.Min) / (range.Max - range.Min),
        };
        return s with { Points = decimal.Round(points, 2, MidpointRounding.AwayFromZero) };
    }

    public static GradeBand? GradeOf(IReadOnlyList<GradeBand> bands, decimal total) =>
        bands.OrderByDescending(b => b.Min).FirstOrDefault(b => total >= b.Min);
}
