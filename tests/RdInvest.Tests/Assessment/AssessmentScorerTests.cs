using RdInvest.Assessment;
using RdInvest.Plans;
using Xunit;

namespace RdInvest.Tests.Assessment;

/// <summary>The league/city assessment (三(三)) against hand-computed points; the arithmetic is in the comments.</summary>
public sealed class AssessmentScorerTests
{
    // The plan's default scheme (plans/im-rd-2021-2025.yaml), written out here so the test does not read the code's copy.
    private static readonly AssessmentScheme Scheme = new()
    {
        Clause = "三(三)",
        Criteria =
        [
            new() { Id = "gov", TitleZh = "政府研发投入刚性增长", Indicator = "rd_gov_funds_growth", Method = "pass_fail", Threshold = 0, MaxPoints = 25 },
            new() { Id = "growth", TitleZh = "研发经费增长", Indicator = "rd_growth", Method = "ratio_to_target", Target = 20, MaxPoints = 35 },
            new() { Id = "intensity", TitleZh = "研发投入强度", Indicator = "rd_intensity", Method = "min_max", MaxPoints = 20 },
            new() { Id = "hte", TitleZh = "高企和科技型中小企业增长", Indicator = "hte_tsme_growth", Method = "min_max", MaxPoints = 20 },
        ],
        Grades = [new(85, "优秀", "excellent"), new(70, "良好", "good"), new(60, "合格", "pass"), new(0, "不合格", "fail")],
    };

    private static AssessmentCriterion C(string id) => Scheme.Criteria.Single(c => c.Id == id);

    private static CriterionInput V(decimal? v) => new(v, v is null ? null : "derived", v is null ? "无数据 / no data" : null);

    [Theory]
    [InlineData(0.5, 25)]   // 0.5 > 0 → full 25
    [InlineData(0, 0)]      // not above the threshold (strict) → 0
    [InlineData(-3, 0)]
    public void PassFail_FullPointsOnlyAboveThreshold(double value, double points) =>
        Assert.Equal((decimal)points, AssessmentScorer.Criterion(C("gov"), V((decimal)value), default).Points);

    [Theory]
    [InlineData(10, 17.5)]  // 35 × 10/20
    [InlineData(13, 22.75)] // 35 × 0.65
    [InlineData(25, 35)]    // capped at 1
    [InlineData(-5, 0)]     // negative growth floors at 0
    [InlineData(7, 12.25)]  // 35 × 0.35
    public void RatioToTarget_IsCappedAndFloored(double value, double points) =>
        Assert.Equal((decimal)points, AssessmentScorer.Criterion(C("growth"), V((decimal)value), default).Points);

    [Theory]
    [InlineData(1.0, 0)]    // the minimum
    [InlineData(2.0, 20)]   // the maximum
    [InlineData(1.5, 10)]   // 20 × 0.5/1.0
    [InlineData(1.3, 6)]    // 20 × 0.3/1.0
    public void MinMax_ScalesBetweenTheLowestAndHighest(double value, double points) =>
        Assert.Equal((decimal)points, AssessmentScorer.Criterion(C("intensity"), V((decimal)value), (1.0m, 2.0m)).Points);

    [Fact]
    public void MinMax_AllEqual_GivesFullPoints() =>
        Assert.Equal(20m, AssessmentScorer.Criterion(C("intensity"), V(1.7m), (1.7m, 1.7m)).Points);

    [Fact]
    public void MissingValue_ScoresZeroAndIsFlagged()
    {
        var s = AssessmentScorer.Criterion(C("growth"), new CriterionInput(null, null, "上年无数据 / no data for the previous year"), default);
        Assert.Equal(0m, s.Points);
        Assert.Equal("no_data", s.Flag);
        Assert.Equal("上年无数据 / no data for the previous year", s.Reason);
        Assert.Equal(35m, s.MaxPoints);
    }

    [Theory]
    [InlineData(85, "优秀")]
    [InlineData(84.99, "良好")]
    [InlineData(70, "良好")]
    [InlineData(60, "合格")]
    [InlineData(59.99, "不合格")]
    [InlineData(0, "不合格")]
    public void Grade_FirstBandReached(double total, string grade) =>
        Assert.Equal(grade, AssessmentScorer.GradeOf(Scheme.Grades, (decimal)total)!.GradeZh);

    [Fact]
    public void Score_ThreeDivisions_TotalsRanksGradesAndFlags()
    {
        // A: gov 5 → 25; growth 10 → 17.5; intensity 1.0 (min of 1.0..2.0) → 0; hte 4 (min of 4..10) → 0      = 42.5 不合格
        // B: gov −1 → 0; growth 30 → 35;   intensity 2.0 → 20;                 hte 10 → 20                    = 75   良好
        // C: gov 2 → 25; growth none → 0 (no_data); intensity 1.5 → 10;         hte 7 → 20 × 3/6 = 10         = 45   不合格
        // D: every value missing → 0 on every criterion, each flagged; D does not enter the min-max ranges    = 0    不合格
        // Ranks by total: B 1, C 2, A 3, D 4.
        var rows = AssessmentScorer.Score(Scheme,
        [
            Div("A", 5, 10, 1.0m, 4),
            Div("B", -1, 30, 2.0m, 10),
            Div("C", 2, null, 1.5m, 7),
            Div("D", null, null, null, null),
        ]);
        Assert.Equal([42.5m, 75m, 45m, 0m], rows.Select(r => r.Total));
        Assert.Equal([3, 1, 2, 4], rows.Select(r => r.Rank));
        Assert.Equal(["不合格", "良好", "不合格", "不合格"], rows.Select(r => r.Grade));
        var c = rows[2].Criteria.Single(x => x.Id == "growth");
        Assert.Equal(("no_data", 0m), (c.Flag, c.Points));
        Assert.All(rows[3].Criteria, x => Assert.Equal("no_data", x.Flag));
        Assert.Equal(4, rows[3].Criteria.Count);
        Assert.Null(rows[0].ReportingQuality);
    }

    [Fact]
    public void Score_EqualTotals_ShareRank()
    {
        // Both: gov 1 → 25; growth 20 → 35; equal intensity → 20 each; equal hte → 20 each = 100, both rank 1.
        var rows = AssessmentScorer.Score(Scheme, [Div("A", 1, 20, 1m, 5), Div("B", 1, 20, 1m, 5)]);
        Assert.Equal([100m, 100m], rows.Select(r => r.Total));
        Assert.Equal([1, 1], rows.Select(r => r.Rank));
    }

    [Fact]
    public void UnknownMethod_IsAPlanError()
    {
        var bad = Scheme with { Criteria = [C("gov") with { Method = "rank" }] };
        Assert.Throws<PlanException>(() => AssessmentScorer.Score(bad, [Div("A", 1, 1, 1, 1)]));
    }

    private static AssessedDivision Div(string code, decimal? gov, decimal? growth, decimal? intensity, decimal? hte) =>
        new(code, code, new Dictionary<string, CriterionInput> { ["gov"] = V(gov), ["growth"] = V(growth), ["intensity"] = V(intensity), ["hte"] = V(hte) });
}
