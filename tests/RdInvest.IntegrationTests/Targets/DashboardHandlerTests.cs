using RdInvest.Data;
using RdInvest.Demo;
using RdInvest.Indicators;
using RdInvest.Plans;
using RdInvest.Targets;
using Xunit;

namespace RdInvest.IntegrationTests.Targets;

/// <summary>The dashboard's handler and the page frame on the demo data (SQLite, and PostgreSQL under RDINVEST_TEST_PG).</summary>
public sealed class DashboardHandlerTests
{
    [Fact]
    public async Task Dashboard_DemoRegionAndCityScope_CardsTrajectoriesAndScopedLeagues()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var t = await TestDatabase.CreateAsync();
        await t.InitAsync();
        await using var db = t.Open();
        await new DemoHandler(db, TimeProvider.System).HandleAsync(new DemoRequest(), ct);

        var region = await new DashboardHandler(db).HandleAsync(new DashboardRequest("150000", 2023, PlanResolver.DefaultPlan, false), null, ct);
        Assert.Equal(DashboardHandler.CardIndicators, region.Cards.Select(c => c.Indicator));
        var rd = region.Cards.Single(c => c.Indicator == "rd_total");
        Assert.NotNull(rd.Value.Value);
        Assert.NotNull(rd.Change);
        Assert.Equal("T1", rd.TargetId);
        Assert.NotEqual(TargetStatus.NoData, rd.Status);
        // T1/T2 on rd_total, T3/T4 on rd_gov_funds, T13 on hei_rd; each path starts at the base-year actual.
        Assert.Equal(["rd_total", "rd_gov_funds", "hei_rd"], region.Trajectories.Select(x => x.Indicator));
        var t1 = region.Trajectories[0];
        Assert.Equal(["T1", "T2"], t1.Paths.Select(p => p.TargetId));
        Assert.Equal(t1.Actual[0], t1.Paths[0].Values[0]);
        Assert.Null(t1.Actual[^1]);
        Assert.Equal(12, region.Leagues.Count);
        Assert.Equal(12, region.Children.Count);
        Assert.All(region.Leagues, l => Assert.True(l.Visible));
        Assert.Equal(rd.Value.Value, region.Self.RdTotal.Value);

        var visible = new HashSet<string> { "150200" };
        var city = await new DashboardHandler(db).HandleAsync(new DashboardRequest("150200", 2023, PlanResolver.DefaultPlan, false, "rd_growth"), visible, ct);
        Assert.Equal("rd_growth", city.MapIndicator);
        Assert.Single(city.Leagues, l => l.Visible);
        Assert.All(city.Leagues.Where(l => l.Code != "150200"), l => Assert.Null(l.MapValue.Value));
        Assert.NotNull(city.Leagues.Single(l => l.Code == "150200").MapValue.Value);

        var frame = await new PageFrameHandler(db).HandleAsync(2023, null, ct);
        Assert.Contains(2023, frame.Years);
        Assert.NotNull(frame.AsOf);
    }
}
