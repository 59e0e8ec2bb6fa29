using RdInvest.Plans;
using Xunit;

namespace RdInvest.Tests.Plans;

public sealed class PlanLoaderTests
{
    private static readonly Plan Im = PlanLoader.BuiltIn("im-rd-2021-2025");

    [Fact]
    public void BuiltIn_ImPlan_HasTargetsT1ToT14WithClauseKindAndValue()
    {
        Assert.Equal(Enumerable.Range(1, 14).Select(i => $"T{i}"), Im.Targets.Select(t => t.Id));
        foreach (var t in Im.Targets)
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Clause));
            Assert.Contains(t.Kind, TargetKinds.All);
            Assert.True(t.Value is not null || t.ValuesByCategory is not null, t.Id);
        }
        Assert.Equal(2020, Im.BaseYear);
        Assert.Equal(2025, Im.EndYear);
        Assert.Equal("内政办发〔2021〕35号", Im.DocumentNumber);
    }

    [Theory]
    [InlineData("T1", "一", "growth", "rd_total", "20")]
    [InlineData("T2", "一", "level", "rd_total", "37000000000")]
    [InlineData("T3", "二(一)1", "growth", "rd_gov_funds", "20")]
    [InlineData("T4", "二(一)1", "level", "rd_gov_funds", "5600000000")]
    [InlineData("T5", "二(一)3", "share", "major_project_enterprise_share", "60")]
    [InlineData("T6", "二(二)4", "count", "hte_count", "2000")]
    [InlineData("T7", "二(二)4", "count", "tsme_count", "4000")]
    [InlineData("T8", "二(二)5", "share", "above_scale_rd_active_share", "35")]
    [InlineData("T9", "二(二)5", "share", "enterprise_rd_revenue_ratio", "1.5")]
    [InlineData("T10", "二(四)11", "share", "above_scale_rd_institution_share", "25")]
    [InlineData("T13", "二(四)13", "growth", "hei_rd", "12")]
    public void BuiltIn_Target_MatchesThePlanText(string id, string clause, string kind, string indicator, string value)
    {
        var t = Im.Target(id)!;
        Assert.Equal(clause, t.Clause);
        Assert.Equal(kind, t.Kind);
        Assert.Equal(indicator, t.Indicator);
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), t.Value);
    }

    [Fact]
    public void BuiltIn_T12_HasAFloorPerParkCategory()
    {
        var floors = Im.Target("T12")!.ValuesByCategory!;
        Assert.Equal(2.5m, floors["national_htz"]);
        Assert.Equal(2m, floors["aspiring_htz"]);
        Assert.Equal(1.5m, floors["region_htz"]);
        Assert.Equal(2m, floors["national_agri_demo"]);
        Assert.Equal(1.5m, floors["national_agri_park"]);
        Assert.Equal(1m, floors["region_agri_park"]);
    }

    [Fact]
    public void BuiltIn_T14_IsPerLeagueCityYearOnYear()
    {
        var t = Im.Target("T14")!;
        Assert.Equal("league_city", t.Scope);
        Assert.Equal("previous_year", t.Basis);
    }

    [Fact]
    public void BuiltIn_AssessmentScheme_PointsSumTo100AndGradesDescend()
    {
        var a = Im.Assessment!;
        Assert.Equal(100m, a.Criteria.Sum(c => c.MaxPoints));
        Assert.Equal(["优秀", "良好", "合格", "不合格"], a.Grades.Select(g => g.GradeZh));
    }

    /// <summary>The second plan, kept as a file beside the other test cases.</summary>
    public static readonly string SmallPlan = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Cases", "plans", "test-small-2026-2030.yaml"));

    [Fact]
    public void Parse_SecondPlan_LoadsWithoutCodeChange()
    {
        var p = PlanLoader.Parse(SmallPlan);
        Assert.Equal("test-small-2026-2030", p.Id);
        Assert.Single(p.Targets);
        Assert.Equal("base_year", p.Targets[0].Basis);
        Assert.Null(p.Assessment);
    }

    [Theory]
    [InlineData("2026-01-01", "0.0435", true)]
    [InlineData("2027-12-31", "0.0435", true)]
    [InlineData("2028-01-01", "0.05", false)]
    public void ParameterAt_DatesAroundAChange_UseTheValueInForce(string date, string expected, bool isDefault)
    {
        var p = PlanLoader.Parse(SmallPlan);
        var v = p.ParameterAt("demo.rate", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), v.AsDecimal());
        Assert.Equal(isDefault, v.IsDefault);
        Assert.Equal("二(一)1", v.Clause);
    }

    [Fact]
    public void ParameterAt_BeforeFirstValue_IsABilingualError()
    {
        var p = PlanLoader.Parse(SmallPlan);
        var e = Assert.Throws<PlanException>(() => p.ParameterAt("demo.rate", new DateOnly(2025, 12, 31)));
        Assert.Contains("尚未生效", e.MessageZh, StringComparison.Ordinal);
        Assert.Contains("no value in force", e.MessageEn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kind: growth", "kind: rising", "kind")]
    [InlineData("base_year: 2025", "base_year: 2031", "end_year")]
    [InlineData("value: 10\n", "value: ten\n", "value")]
    public void Parse_BadField_NamesTheFieldAndLine(string from, string to, string field)
    {
        var text = SmallPlan.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(SmallPlan, text);
        var e = Assert.Throws<PlanException>(() => PlanLoader.Parse(text, "bad.yaml"));
        Assert.Contains(field, e.MessageEn, StringComparison.Ordinal);
        Assert.Contains("bad.yaml line", e.MessageEn, StringComparison.Ordinal);
        Assert.Contains("第", e.MessageZh, StringComparison.Ordinal);
    }
}
