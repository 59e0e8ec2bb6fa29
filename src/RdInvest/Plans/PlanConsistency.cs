using System.Globalization;

namespace RdInvest.Plans;

/// <summary>
/// Two targets of a plan on the same indicator and scope whose paths disagree: a growth target (average annual growth
/// from the base year) and a level target (a value in the end year). From the base-year value, the growth path reaches
/// <see cref="GrowthEndValue"/>, while the level target implies <see cref="ImpliedRatePercent"/> a year. Money in yuan,
/// rates in percent.
/// </summary>
public sealed record TargetConflict(
    string GrowthTarget, string LevelTarget, string Indicator, string Scope, int BaseYear, int EndYear, decimal BaseValue,
    decimal GrowthRatePercent, decimal GrowthEndValue, decimal LevelValue, decimal ImpliedRatePercent, decimal GapPercent)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private string Amount(decimal v, string format) => Indicator.StartsWith("rd", StringComparison.Ordinal) || Indicator.EndsWith("_rd", StringComparison.Ordinal)
        ? (v / 100_000_000m).ToString(format, Inv) + "亿元"
        : v.ToString(format, Inv);

    private string AmountEn(decimal v, string format) => Indicator.StartsWith("rd", StringComparison.Ordinal) || Indicator.EndsWith("_rd", StringComparison.Ordinal)
        ? (v / 100_000_000m).ToString(format, Inv) + " × 100 million yuan (亿元)"
        : v.ToString(format, Inv);

    /// <summary>One line in Chinese: both paths and the implied rates.</summary>
    public string NoteZh =>
        $"{GrowthTarget} 与 {LevelTarget} 不一致（{Indicator}）：{GrowthTarget} 按 {BaseYear} 年 {Amount(BaseValue, "0.##")} 年均增长 {GrowthRatePercent.ToString("0.#", Inv)}%，"
        + $"{EndYear} 年约 {Amount(GrowthEndValue, "0.0")}；{LevelTarget} 要求 {EndYear} 年约 {Amount(LevelValue, "0.#")}，相当于年均增长 {ImpliedRatePercent.ToString("0.0", Inv)}%（相差 {GapPercent.ToString("0.0", Inv)}%）";

    /// <summary>The same line in English.</summary>
    public string NoteEn =>
        $"{GrowthTarget} and {LevelTarget} disagree ({Indicator}): {GrowthTarget}, {GrowthRatePercent.ToString("0.#", Inv)} % a year from {AmountEn(BaseValue, "0.##")} in {BaseYear}, "
        + $"reaches about {AmountEn(GrowthEndValue, "0.0")} in {EndYear}; {LevelTarget} says about {AmountEn(LevelValue, "0.#")}, i.e. {ImpliedRatePercent.ToString("0.0", Inv)} % a year ({GapPercent.ToString("0.0", Inv)} % apart)";
}

/// <summary>A pair of targets that could not be checked, and why (no base-year value).</summary>
public sealed record UncheckedPair(string GrowthTarget, string LevelTarget, string Indicator, string ReasonZh, string ReasonEn);

public sealed record PlanCheckResult(string Plan, decimal TolerancePercent, IReadOnlyList<TargetConflict> Conflicts, IReadOnlyList<UncheckedPair> Unchecked);

/// <summary>
/// Whether a plan's targets contradict each other, derived from the target definitions alone: every growth target with
/// basis base_year and every level target on the same indicator and scope form a pair; from the base-year value the
/// growth path reaches V_b·(1+g)^(T−b), the level target implies (V_T/V_b)^(1/(T−b)) − 1 a year, and the pair disagrees
/// when the two end values differ by more than the tolerance (default 5 % of the level target: the plan's "about", 左右,
/// allows some play; a plan may set <c>plan_check.tolerance</c>). Pure.
/// </summary>
public static class PlanConsistency
{
    public const decimal DefaultTolerance = 0.05m;

    public static PlanCheckResult Check(Plan plan, Func<string, string, decimal?> baseValue)
    {
        var tolerance = plan.Parameters.ContainsKey("plan_check.tolerance")
            ? plan.ParameterAt("plan_check.tolerance", plan.PeriodEnd).AsDecimal()
            : DefaultTolerance;
        var years = plan.EndYear - plan.BaseYear;
        var conflicts = new List<TargetConflict>();
        var skipped = new List<UncheckedPair>();
        foreach (var growth in plan.Targets.Where(t => t.Kind == TargetKinds.Growth && (t.Basis ?? "base_year") == "base_year" && t.Value is not null))
        {
            foreach (var level in plan.Targets.Where(t => t.Kind == TargetKinds.Level && t.Value is > 0
                         && t.Indicator == growth.Indicator && t.Scope == growth.Scope))
            {
                if (years <= 0 || baseValue(growth.Indicator, growth.Scope) is not { } b || b <= 0)
                {
                    skipped.Add(new UncheckedPair(growth.Id, level.Id, growth.Indicator,
                        $"缺少 {plan.BaseYear} 年 {growth.Indicator} 的基年值，无法核对",
                        $"no {plan.BaseYear} base-year value of {growth.Indicator}: cannot be checked"));
                    continue;
                }
                var rate = growth.Value!.Value / 100m;
                var end = Targets.Trajectory.ExpectedGrowth(b, rate, plan.BaseYear, plan.EndYear);
                var target = level.Value!.Value;
                var gap = Math.Abs(end - target) / target;
                if (gap <= tolerance)
                {
                    continue;
                }
                var implied = Targets.Trajectory.Pow(target / b, 1m / years) - 1m;
                conflicts.Add(new TargetConflict(growth.Id, level.Id, growth.Indicator, growth.Scope, plan.BaseYear, plan.EndYear, b,
                    growth.Value.Value, decimal.Round(end, 2), target, decimal.Round(100m * implied, 4), decimal.Round(100m * gap, 4)));
            }
        }
        return new PlanCheckResult(plan.Id, 100m * tolerance, conflicts, skipped);
    }
}
