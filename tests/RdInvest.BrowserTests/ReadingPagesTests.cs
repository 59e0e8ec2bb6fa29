using Microsoft.Playwright;
using RdInvest.Accounts;

namespace RdInvest.BrowserTests;

/// <summary>
/// The reading pages — divisions, units, targets, parks, assessment — for each role that may open them: rendered
/// with data, drilled into from the dashboard's map, scoped (404 outside the reader's scope), in English.
/// </summary>
public sealed class ReadingPagesTests(BrowserApp app)
{
    private const string Baotou = "150200";
    private const string Hohhot = "150100";

    /// <summary>Role, page ("{county}" and "{unit}" stand for the demo county officer's county and enterprise's unit), and a table that must have rows.</summary>
    public static TheoryData<string, string, string> Pages => new()
    {
        { Roles.RegionAdmin, "/divisions", "children" },
        { Roles.RegionAdmin, "/divisions/" + Baotou, "children" },
        { Roles.RegionAdmin, "/divisions/{county}", "units" },
        { Roles.RegionAdmin, "/units", "units" },
        { Roles.RegionAdmin, "/units/{unit}", "records" },
        { Roles.RegionAdmin, "/targets", "region" },
        { Roles.RegionAdmin, "/parks", "parks" },
        { Roles.RegionAdmin, "/assessment", "scores" },
        { Roles.RegionAnalyst, "/divisions", "children" },
        { Roles.RegionAnalyst, "/targets", "divisions" },
        { Roles.RegionAnalyst, "/assessment", "scores" },
        { Roles.Finance, "/parks", "parks" },
        { Roles.Finance, "/divisions/" + Baotou, "series" },
        { Roles.Auditor, "/assessment", "scores" },
        { Roles.Auditor, "/units/{unit}", "records" },
        { Roles.CityOfficer, "/divisions", "children" },
        { Roles.CityOfficer, "/targets", "divisions" },
        { Roles.CityOfficer, "/assessment", "scores" },
        { Roles.CityOfficer, "/units", "units" },
        { Roles.CountyOfficer, "/divisions", "units" },
        { Roles.CountyOfficer, "/targets", "region" },
        { Roles.CountyOfficer, "/units/{unit}", "records" },
        { Roles.ParkAdmin, "/parks", "parks" },
        { Roles.ParkAdmin, "/units", "units" },
        { Roles.Enterprise, "/units", "units" },
        { Roles.Enterprise, "/units/{unit}", "records" },
    };

    private string Resolve(string path) => path
        .Replace("{county}", app.Account(Roles.CountyOfficer).Scope, StringComparison.Ordinal)
        .Replace("{unit}", app.Account(Roles.Enterprise).Scope, StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task ReadingPage_AllowedRole_RendersWithData(string role, string path, string table)
    {
        await using var s = await Session.OpenAsync(app, role);
        var response = await s.GoAsync(Resolve(path));
        Assert.Equal(200, response!.Status);
        Assert.False(string.IsNullOrWhiteSpace(await s.Page.Locator("h1.rd-title").InnerTextAsync()));
        Assert.Contains("数据截至", await s.Page.Locator("[data-testid=as-of]").InnerTextAsync());
        Assert.True(await s.Page.Locator(".breadcrumb li").CountAsync() >= 2, "breadcrumb");
        var rows = s.Page.Locator($"[data-testid=table-{table}] tbody tr");
        Assert.True(await rows.CountAsync() > 0, $"table {table} has rows");
        Assert.DoesNotContain("没有符合条件的行", await rows.First.InnerTextAsync());
        if (await s.Page.Locator("[data-chart]").CountAsync() > 0)
        {
            await s.Page.Locator("[data-chart] canvas").First.WaitForAsync();
            var box = await s.Page.Locator("[data-chart] canvas").First.BoundingBoxAsync();
            Assert.True(box is { Width: > 300, Height: > 250 }, "chart of real size");
        }
        await s.ShotAsync($"reading-{role}{path.Replace('/', '-').Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal)}");
        Assert.True(s.Errors.Count == 0, string.Join("\n", s.Errors));
    }

    [Fact]
    public async Task MapClick_OnBaotou_OpensItsDivisionPageWithItsCounties()
    {
        await using var s = await Session.OpenAsync(app, Roles.RegionAdmin);
        var map = s.Page.Locator("#map[data-ready=true]");
        await map.WaitForAsync();
        var xy = await s.Page.EvaluateAsync<double[]>("() => echarts.getInstanceByDom(document.getElementById('map')).convertToPixel({ seriesIndex: 0 }, [110.2, 41.6])");
        await map.ClickAsync(new LocatorClickOptions { Position = new Position { X = (float)xy[0], Y = (float)xy[1] } });
        await s.Page.WaitForURLAsync(u => u.Contains("/divisions/" + Baotou, StringComparison.Ordinal));
        await s.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("包头市", await s.Page.Locator("h1.rd-title").InnerTextAsync());
        var counties = await s.Page.Locator("[data-testid=table-children] tbody tr td:first-child a").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
        Assert.True(counties.Length >= 5, $"{counties.Length} counties");
        Assert.All(counties, href => Assert.StartsWith("/divisions/1502", href, StringComparison.Ordinal));
        // A county opens with the units behind its derived figures.
        await s.Page.Locator("[data-testid=table-children] tbody tr td:first-child a").First.ClickAsync();
        await s.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.True(await s.Page.Locator("[data-testid=table-units] tbody tr").CountAsync() > 0);
        Assert.Equal(3, await s.Page.Locator(".breadcrumb li").CountAsync() - 1);
        await s.ShotAsync("reading-drill-county");
        Assert.True(s.Errors.Count == 0, string.Join("\n", s.Errors));
    }

    [Fact]
    public async Task CityOfficer_OtherDivisionOrOtherLeaguesUnit_Is404()
    {
        string otherUnit;
        await using (var admin = await Session.OpenAsync(app, Roles.RegionAdmin))
        {
            await admin.GoAsync("/divisions/" + Hohhot);
            var county = await admin.Page.Locator("[data-testid=table-children] tbody tr td:first-child a").First.GetAttributeAsync("href");
            await admin.GoAsync(county!);
            otherUnit = (await admin.Page.Locator("[data-testid=table-units] tbody tr td:first-child a").First.GetAttributeAsync("href"))!;
            Assert.Equal(200, (await admin.GoAsync(otherUnit))!.Status);
        }
        await using var s = await Session.OpenAsync(app, Roles.CityOfficer);
        Assert.Equal(404, (await s.GoAsync("/divisions/" + Hohhot))!.Status);
        Assert.Equal(404, (await s.GoAsync("/divisions/150102"))!.Status);
        Assert.Equal(404, (await s.GoAsync("/divisions/150000"))!.Status);
        Assert.Equal(404, (await s.GoAsync(otherUnit))!.Status);
        Assert.Equal(404, (await s.GoAsync("/units/" + "91150100MA0000000X"))!.Status);
        // Their own league/city and its units open.
        Assert.Equal(200, (await s.GoAsync("/divisions/" + Baotou))!.Status);
        Assert.Equal(200, (await s.GoAsync("/units/" + app.Account(Roles.Enterprise).Scope))!.Status);
        // The county officer: not the league/city above them.
        await using var c = await Session.OpenAsync(app, Roles.CountyOfficer);
        Assert.Equal(404, (await c.GoAsync("/divisions/" + Baotou))!.Status);
    }

    [Fact]
    public async Task Assessment_CityOfficer_SeesEveryLeagueWithTheirOwnRowHighlighted()
    {
        await using var s = await Session.OpenAsync(app, Roles.CityOfficer);
        await s.GoAsync("/assessment");
        Assert.Equal(12, await s.Page.Locator("[data-testid=table-scores] tbody tr").CountAsync());
        var own = s.Page.Locator("[data-testid=table-scores] tbody tr.rd-own");
        Assert.Equal(1, await own.CountAsync());
        Assert.Contains("包头市", await own.InnerTextAsync());
        await s.ShotAsync("reading-assessment-city");
    }

    [Fact]
    public async Task Targets_ShowEveryTargetWithStatusAndClause()
    {
        await using var s = await Session.OpenAsync(app, Roles.RegionAnalyst);
        await s.GoAsync("/targets");
        var ids = await s.Page.Locator("[data-testid=table-region] tbody tr td:first-child").AllInnerTextsAsync();
        Assert.Equal(Enumerable.Range(1, 14).Select(i => "T" + i), ids.Select(t => t.Trim()));
        Assert.True(await s.Page.Locator("[data-testid=table-region] td.rd-st").CountAsync() == 14);
        Assert.Equal(12, await s.Page.Locator("[data-testid=table-divisions] tbody tr").CountAsync());
        Assert.Contains("二(四)12", await s.Page.Locator(".rd-clauses").InnerTextAsync());
    }

    [Fact]
    public async Task UnitsTable_SortsOnTheServer_AndExportsWhatItShows()
    {
        await using var s = await Session.OpenAsync(app, Roles.CityOfficer);
        await s.GoAsync("/units");
        var table = s.Page.Locator("[data-testid=table-units]");
        await table.Locator("th a", new LocatorLocatorOptions { HasText = "全社会R&D经费" }).ClickAsync();
        await s.Page.Locator("[data-testid=table-units] th[aria-sort=descending]").WaitForAsync();
        var first = await s.Page.Locator("[data-testid=table-units] tbody tr").First.Locator("td").Nth(5).InnerTextAsync();
        var second = await s.Page.Locator("[data-testid=table-units] tbody tr").Nth(1).Locator("td").Nth(5).InnerTextAsync();
        Assert.True(decimal.Parse(first, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture)
            >= decimal.Parse(second, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(await s.Page.Locator("[data-testid=table-units] .pagination").CountAsync() == 1, "paged on the server");
        var download = await s.Page.RunAndWaitForDownloadAsync(() => s.Page.Locator("[data-testid=export-units]").ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
    }

    public static TheoryData<string> PrintPages => ["/divisions/" + Baotou, "/assessment", "/targets"];

    [Theory]
    [MemberData(nameof(PrintPages))]
    public async Task Print_ReportLikePage_HasNoNavigationAndFitsA4Portrait(string path)
    {
        await using var s = await Session.OpenAsync(app, Roles.RegionAdmin);
        await s.GoAsync(path);
        await s.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await s.Page.Locator("nav.rd-side").IsVisibleAsync());
        Assert.False(await s.Page.Locator("header.rd-topbar").IsVisibleAsync());
        Assert.False(await s.Page.Locator(".rd-tablebox form").First.IsVisibleAsync());
        Assert.True(await s.Page.Locator("h1.rd-title").IsVisibleAsync());
        var pdf = await s.Page.PdfAsync(new PagePdfOptions { Format = "A4", PreferCSSPageSize = true, PrintBackground = true });
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        await s.Page.SetViewportSizeAsync(794, 1123);
        await s.ShotAsync($"reading-print{path.Replace('/', '-')}");
    }

    public static TheoryData<string> EnglishPages => ["/divisions", "/divisions/" + Baotou, "/units", "/targets", "/parks", "/assessment", "/units/{unit}"];

    [Theory]
    [MemberData(nameof(EnglishPages))]
    public async Task English_ReadingPage_NoChineseInNavigationAndHeadings(string path)
    {
        await using var s = await Session.OpenAsync(app, Roles.RegionAdmin);
        await s.GoAsync(Resolve(path));
        await s.Page.Locator("[data-testid=language]").ClickAsync();
        await s.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("中文", (await s.Page.Locator("[data-testid=language]").InnerTextAsync()).Trim());
        // A unit's own name has no English; its page heading is the name, so only the section headings are checked there.
        var selector = path.StartsWith("/units/", StringComparison.Ordinal) ? "nav.rd-side, h2, thead th" : "nav.rd-side, h1, h2, thead th, .breadcrumb";
        var texts = await s.Page.Locator(selector).AllInnerTextsAsync();
        var chinese = texts.Where(t => Session.Chinese().IsMatch(t)).ToList();
        Assert.True(chinese.Count == 0, "Chinese left in English mode: " + string.Join(" | ", chinese));
        await s.ShotAsync($"reading-english{path.Replace('/', '-').Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal)}");
    }

    public static TheoryData<string, string> AxePages => new()
    {
        { Roles.RegionAdmin, "/divisions" },
        { Roles.RegionAdmin, "/divisions/" + Baotou },
        { Roles.RegionAdmin, "/divisions/{county}" },
        { Roles.RegionAdmin, "/units" },
        { Roles.RegionAdmin, "/units/{unit}" },
        { Roles.RegionAdmin, "/targets" },
        { Roles.RegionAdmin, "/parks" },
        { Roles.RegionAdmin, "/assessment" },
        { Roles.CityOfficer, "/assessment" },
        { Roles.ParkAdmin, "/parks" },
    };

    [Theory]
    [MemberData(nameof(AxePages))]
    public async Task Axe_ReadingPage_NoSeriousOrCriticalViolation(string role, string path)
    {
        await using var s = await Session.OpenAsync(app, role);
        await s.GoAsync(Resolve(path));
        var violations = await s.SeriousViolationsAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
