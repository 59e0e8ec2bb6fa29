using Microsoft.EntityFrameworkCore;
using RdInvest.Accounts;
using RdInvest.Data;
using RdInvest.Demo;
using RdInvest.Indicators;
using RdInvest.Plans;
using RdInvest.Records;
using RdInvest.Targets;
using Xunit;

namespace RdInvest.IntegrationTests.Pages;

/// <summary>The demo database (reference data, plan, published figures and synthetic population), loaded once.</summary>
public sealed class ReadingDemoFixture : IAsyncLifetime
{
    public TestDatabase Db { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync();
        await Db.InitAsync();
        await using var db = Db.Open();
        await new DemoHandler(db, TimeProvider.System).HandleAsync(new DemoRequest(), CancellationToken.None);
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}

/// <summary>The library handlers behind the reading pages agree with the handlers of the CLI and API on the same data.</summary>
public sealed class ReadingPageHandlersTests(ReadingDemoFixture fixture) : IClassFixture<ReadingDemoFixture>
{
    private const string Baotou = "150200";
    private const int Year = 2024;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DivisionPage_LeagueCity_PathChildrenAndSeriesMatchTheIndicators()
    {
        await using var db = fixture.Db.Open();
        var page = (await new DivisionPageHandler(db).HandleAsync(new DivisionPageRequest(Baotou, Year, PlanResolver.DefaultPlan, false), Ct))!;

        Assert.Equal(["150000", Baotou], page.Path.Select(p => p.Code));
        var counties = await db.Divisions.Where(d => d.ParentCode == Baotou).Select(d => d.Code).ToListAsync(Ct);
        Assert.Equal(counties.Order(StringComparer.Ordinal), page.Children.Select(c => c.Division.Code));
        var official = await new IndicatorsHandler(db).HandleAsync(new IndicatorsRequest(Baotou, Year), Ct);
        Assert.Equal(Year, page.Years[^1]);
        Assert.Equal(IndicatorCalculator.Keys.Count, page.Series.Count);
        foreach (var s in page.Series)
        {
            Assert.Equal(official.Indicators[s.Key].Value, s.Values[^1].Value);
        }
        var progress = await new ProgressHandler(db).HandleAsync(new ProgressRequest(PlanResolver.DefaultPlan, Year, Baotou), Ct);
        Assert.Equal(progress.Targets.Select(t => (t.Id, t.Status, t.Actual)), page.Targets.Select(t => (t.Id, t.Status, t.Actual)));
        // Outliers beneath a league/city are its own units only.
        Assert.All(page.Outliers, o => Assert.Equal(Baotou, o.Observation.LeagueCity));
    }

    [Fact]
    public async Task DivisionPage_County_UnitsAddUpToTheDerivedFigure()
    {
        await using var db = fixture.Db.Open();
        var county = await db.Divisions.Where(d => d.ParentCode == Baotou).OrderBy(d => d.Code).Select(d => d.Code).FirstAsync(Ct);
        var page = (await new DivisionPageHandler(db).HandleAsync(new DivisionPageRequest(county, Year, PlanResolver.DefaultPlan, false), Ct))!;

        var rd = page.Series.Single(s => s.Key == "rd_total").Values[^1];
        Assert.Equal("derived", rd.Provenance);
        Assert.NotEmpty(page.Units);
        Assert.Equal(rd.Value, page.Units.Sum(u => u.RdTotal));
        Assert.Equal(rd.Units, page.Units.Count);
        Assert.Empty(page.Children);
    }

    [Fact]
    public async Task DivisionPage_UnknownCode_IsNull()
    {
        await using var db = fixture.Db.Open();
        Assert.Null(await new DivisionPageHandler(db).HandleAsync(new DivisionPageRequest("159999", Year, PlanResolver.DefaultPlan, false), Ct));
    }

    [Fact]
    public async Task UnitPage_InsideScope_HasRecordsAndCertificates_OutsideScopeIsNull()
    {
        await using var db = fixture.Db.Open();
        var unit = await db.Units.Where(u => u.DivisionCode.StartsWith("1502") && db.Certifications.Any(c => c.UnitId == u.Id))
            .OrderBy(u => u.CreditCode).FirstAsync(Ct);
        var city = new ScopeService(db, new UserScope("c", Roles.CityOfficer, Baotou));
        var page = await new UnitPageHandler(db).HandleAsync(city.Units(db.Units), unit.CreditCode, Ct);

        Assert.NotNull(page);
        Assert.Equal(await db.RdRecords.CountAsync(r => r.UnitId == unit.Id, Ct), page.Records.Count);
        Assert.Equal(await db.Certifications.CountAsync(c => c.UnitId == unit.Id, Ct), page.Certificates.Count);
        Assert.Equal(Baotou, page.LeagueCityCode);
        var hohhot = new ScopeService(db, new UserScope("h", Roles.CityOfficer, "150100"));
        Assert.Null(await new UnitPageHandler(db).HandleAsync(hohhot.Units(db.Units), unit.CreditCode, Ct));
        var list = await new UnitPageHandler(db).ListAsync(hohhot.Units(db.Units), Year, false, Ct);
        Assert.NotEmpty(list);
        Assert.All(list, r => Assert.StartsWith("1501", r.DivisionCode, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TargetsOverview_RegionAndLeagues_SameAsProgressForEach()
    {
        await using var db = fixture.Db.Open();
        var overview = await new TargetsOverviewHandler(db).HandleAsync(new TargetsOverviewRequest(Year, PlanResolver.DefaultPlan, false), Ct);

        Assert.Equal(13, overview.Divisions.Count);
        Assert.Equal(Enumerable.Range(1, 14).Select(i => "T" + i), overview.Definitions.Select(d => d.Id));
        Assert.All(overview.Definitions, d => Assert.False(string.IsNullOrEmpty(d.TitleEn)));
        foreach (var code in new[] { "150000", Baotou, "150600" })
        {
            var expected = await new ProgressHandler(db).HandleAsync(new ProgressRequest(PlanResolver.DefaultPlan, Year, code), Ct);
            var shown = overview.Divisions.Single(d => d.Code == code);
            Assert.Equal(expected.Targets.Select(t => (t.Id, t.Status, t.Actual, t.RequiredGrowth)), shown.Targets.Select(t => (t.Id, t.Status, t.Actual, t.RequiredGrowth)));
        }
    }
}
