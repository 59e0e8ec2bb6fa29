using Microsoft.Playwright;
using RdInvest.Accounts;

namespace RdInvest.BrowserTests;

/// <summary>The dashboard: charts and the map drawn with data, the drill-down, scope.</summary>
public sealed class DashboardTests(BrowserApp app)
{
    private static async Task<(double W, double H)> CanvasSizeAsync(IPage page, string id)
    {
        var box = await page.Locator($"#{id} canvas").First.BoundingBoxAsync();
        return box is null ? (0, 0) : (box.Width, box.Height);
    }

    [Fact]
    public async Task Dashboard_RegionAdmin_DrawsCardsTrajectoriesMapAndRanking()
    {
        await using var s = await Session.OpenAsync(app, Roles.RegionAdmin);
        await s.Page.Locator("#map[data-ready=true]").WaitForAsync();
        Assert.Equal(5, await s.Page.Locator("[data-testid=cards] .rd-card").CountAsync());
        Assert.Contains("亿元", await s.Page.Locator("[data-indicator=rd_total] .rd-card-value").InnerTextAsync());
        foreach (var id in new[] { "trajectory-0", "trajectory-1", "trajectory-2", "map", "ranking" })
        {
            var (w, h) = await CanvasSizeAsync(s.Page, id);
            Assert.True(w > 300 && h > 250, $"{id} is {w}×{h}");
        }
        // The twelve leagues/cities are in the area table with figures.
        Assert.Equal(12, await s.Page.Locator("[data-testid=table-areas] tbody tr").CountAsync());
        await s.ShotAsync("dashboard-region");
        Assert.True(s.Errors.Count == 0, string.Join("\n", s.Errors));
    }

    [Fact]
    public async Task Map_ClickOnBaotou_OpensItsDivisionPage()
    {
        await using var s = await Session.OpenAsync(app, Roles.RegionAdmin);
        var map = s.Page.Locator("#map[data-ready=true]");
        await map.WaitForAsync();
        // A point inside 包头市 (达尔罕茂明安联合旗), converted to pixels by the chart itself.
        var xy = await s.Page.EvaluateAsync<double[]>("() => echarts.getInstanceByDom(document.getElementById('map')).convertToPixel({ seriesIndex: 0 }, [110.2, 41.6])");
        var href = await s.Page.EvaluateAsync<string>("() => echarts.getInstanceByDom(document.getElementById('map')).getOption().series[0].data.find(d => d.name === '包头市').href");
        Assert.Equal("/divisions/150200", href);
        await map.ClickAsync(new LocatorClickOptions { Position = new Position { X = (float)xy[0], Y = (float)xy[1] } });
        await s.Page.WaitForURLAsync(u => u.Contains("/divisions/150200", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CityOfficer_SeesOnlyTheirLeagueCity_AndOtherDivisionsAre404()
    {
        await using var s = await Session.OpenAsync(app, Roles.CityOfficer);
        Assert.Contains("包头市", await s.Page.Locator("h1").InnerTextAsync());
        // The map's data table: Baotou has a figure, every other league/city none.
        var rows = (await s.Page.Locator("#map ~ details tbody tr").EvaluateAllAsync<string[]>("rs => rs.map(r => [...r.cells].map(c => c.textContent.trim()).join('|'))")).ToList();
        Assert.Equal(12, rows.Count);
        Assert.All(rows.Where(r => !r.Contains("包头市", StringComparison.Ordinal)), r => Assert.EndsWith("—", r.Trim(), StringComparison.Ordinal));
        Assert.False(rows.Single(r => r.Contains("包头市", StringComparison.Ordinal)).Trim().EndsWith("—", StringComparison.Ordinal), "包头市 has a figure");
        // Its counties are the area table.
        Assert.True(await s.Page.Locator("[data-testid=table-areas] tbody tr").CountAsync() >= 5);
        var other = await s.GoAsync("/divisions/150100");
        Assert.Equal(404, other!.Status);
        await s.GoAsync("/");
        await s.ShotAsync("dashboard-city");
    }

    [Fact]
    public async Task AreaTable_SortAndExport_UseTheServer()
    {
        await using var s = await Session.OpenAsync(app, Roles.RegionAnalyst);
        var table = s.Page.Locator("[data-testid=table-areas]");
        await table.Locator("th a", new LocatorLocatorOptions { HasText = "全社会R&D经费" }).ClickAsync();
        // htmx swaps the table after the response: wait for the swapped header, not for the network.
        await s.Page.Locator("[data-testid=table-areas] th[aria-sort=descending]").WaitForAsync();
        await s.Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("sort=rd_total"));
        Assert.Equal(1, await s.Page.Locator("[data-testid=table-areas] th[aria-sort=descending]").CountAsync());
        var values = (await s.Page.Locator("[data-testid=table-areas] tbody tr td:nth-child(2)").AllTextContentsAsync())
            .Select(t => decimal.Parse(t.Trim(), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(12, values.Count);
        Assert.Equal(values.OrderDescending(), values);
        var download = await s.Page.RunAndWaitForDownloadAsync(() => s.Page.Locator("[data-testid=export-areas]").ClickAsync());
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path!, TestContext.Current.CancellationToken);
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
    }

    [Fact]
    public async Task Dashboard_CountyOfficer_ShowsTheCounty()
    {
        await using var s = await Session.OpenAsync(app, Roles.CountyOfficer);
        await s.Page.Locator("#trajectory-0 canvas").WaitForAsync();
        Assert.Equal(5, await s.Page.Locator("[data-testid=cards] .rd-card").CountAsync());
        Assert.Equal(3, await s.Page.Locator("[data-chart=trajectory]").CountAsync());
        Assert.Equal(0, await s.Page.Locator("#map").CountAsync());
        Assert.Contains("旗县用户", await s.Page.Locator("[data-testid=scope]").InnerTextAsync());
        await s.ShotAsync("dashboard-county");
        Assert.True(s.Errors.Count == 0, string.Join("\n", s.Errors));
    }

    [Fact]
    public async Task Dashboard_YearAndPreliminary_AreHonoured()
    {
        await using var s = await Session.OpenAsync(app, Roles.RegionAdmin);
        await s.GoAsync("/?year=2022");
        Assert.Equal("2022", await s.Page.Locator("#rd-year").InputValueAsync());
        Assert.Contains("2022", await s.Page.Locator("#map ~ details summary").TextContentAsync());
        var final2022 = await s.Page.Locator("[data-indicator=rd_total] .rd-card-value").InnerTextAsync();
        Assert.Equal(0, await s.Page.Locator(".rd-badge.prov-preliminary").CountAsync());
        await s.Page.SelectOptionAsync("#rd-status", "preliminary");
        await s.Page.WaitForURLAsync(u => u.Contains("status=preliminary", StringComparison.Ordinal) && u.Contains("year=2022", StringComparison.Ordinal));
        Assert.True(await s.Page.Locator(".rd-badge.prov-preliminary").CountAsync() >= 4);
        Assert.Equal(final2022, await s.Page.Locator("[data-indicator=rd_total] .rd-card-value").InnerTextAsync());
        // The navigation keeps the year and the status.
        Assert.Contains("year=2022", await s.Page.Locator("nav.rd-side a[data-nav=Notifications]").GetAttributeAsync("href") ?? "", StringComparison.Ordinal);
    }
}
