using RdInvest.Plans;
using Xunit;

namespace RdInvest.Tests.Plans;

public sealed class PlanConsistencyTests
{
    private static readonly Plan Im = PlanLoader.BuiltIn("im-rd-2021-2025");

    [Fact]
    public void Check_ImPlanFrom16107Yi_T1ReachesAbout4008YiWhileT2Says370YiAt181Percent()
    {
        // Hand-computed: 161.07亿 × 1.2^5 = 16,107,000,000 × 2.48832 = 40,079,370,240 (400.79亿); (370 / 161.07)^(1/5) − 1 = 18.10 %;
        // |400.79 − 370| / 370 = 8.3 % apart, beyond the 5 % tolerance.
        var r = PlanConsistency.Check(Im, (indicator, scope) => indicator == "rd_total" && scope == "region" ? 16_107_000_000m : null);
        var c = Assert.Single(r.Conflicts);
        Assert.Equal(("T1", "T2", "rd_total"), (c.GrowthTarget, c.LevelTarget, c.Indicator));
        Assert.Equal(40_079_370_240m, c.GrowthEndValue);
        Assert.Equal(18.1m, decimal.Round(c.ImpliedRatePercent, 1));
        Assert.Equal(8.3m, decimal.Round(c.GapPercent, 1));
        Assert.Contains("2025 年约 400.8亿元", c.NoteZh, StringComparison.Ordinal);
        Assert.Contains("370亿元", c.NoteZh, StringComparison.Ordinal);
        Assert.Contains("18.1%", c.NoteZh, StringComparison.Ordinal);
        Assert.Contains("161.07亿元", c.NoteZh, StringComparison.Ordinal);
        // T3/T4 (government funds) have no base value here: listed as unchecked, not as agreeing.
        Assert.Equal(["T3/T4"], r.Unchecked.Select(u => $"{u.GrowthTarget}/{u.LevelTarget}"));
    }

    [Fact]
    public void Check_BaseWhereBothPathsMeet_NoConflict()
    {
        // 370亿 / 1.2^5 = 148.69亿: from there 20 % a year reaches exactly 370亿.
        var r = PlanConsistency.Check(Im, (indicator, _) => indicator == "rd_total" ? 370_0000_0000m / 2.48832m : null);
        Assert.Empty(r.Conflicts);
    }

    [Fact]
    public void Check_WithinTolerance_NoConflict()
    {
        // 155亿 × 2.48832 = 385.69亿, 4.2 % above 370亿: within 5 %.
        var r = PlanConsistency.Check(Im, (indicator, _) => indicator == "rd_total" ? 15_500_000_000m : null);
        Assert.Empty(r.Conflicts);
    }
}
