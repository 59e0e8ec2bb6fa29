using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using RdInvest.Accounts;
using RdInvest.Common;
using Xunit;
using static RdInvest.IntegrationTests.Api.ApiHost;

namespace RdInvest.IntegrationTests.Api;

/// <summary>Years outside the plan's window on routes, queries and bodies: 404 for reads, 422 for writes, at once.</summary>
public sealed class YearBoundsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> OutOfWindowReads() =>
    [
        $"/api/v1/indicators/{CountyIn}/10000",
        $"/api/v1/indicators/{CountyIn}/-5",
        "/api/v1/assessment/0",
        "/api/v1/assessment/10000",
        "/api/v1/reconcile/10000",
        "/api/v1/reporting-quality/10000",
        "/api/v1/progress/150000/0",
        "/api/v1/progress/150000/2300",
        "/api/v1/progress/150000/10000",
        $"/api/v1/divisions/{CountyIn}/figures/1999",
        $"/api/v1/approvals?year=99999",
    ];

    [Theory]
    [MemberData(nameof(OutOfWindowReads))]
    public async Task Read_YearOutsideWindow_Is404QuicklyNamingTheYear(string url)
    {
        await using var host = await CreateAsync();
        using var c = host.Client(Roles.RegionAdmin);
        // Warm the host up, so the time measured is the refusal's (before: minutes for 10000).
        (await c.GetAsync("/api/v1/account/me", Ct)).Dispose();
        var sw = Stopwatch.StartNew();
        using var r = await c.GetAsync(url, Ct);
        sw.Stop();
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5), $"{url} took {sw.Elapsed}");
        var p = await ReadAsync(r);
        Assert.Equal("year", p.GetProperty("field").GetString());
        Assert.Contains($"{Bounds.MinYear}–{Bounds.MaxYear}", p.GetProperty("detail_zh").GetString(), StringComparison.Ordinal);
        Assert.Contains("year", p.GetProperty("detail_en").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_YearInsideWindow_StillAnswers()
    {
        await using var host = await CreateAsync();
        using var c = host.Client(Roles.RegionAdmin);
        using var r = await c.GetAsync($"/api/v1/indicators/{CountyIn}/{Year}", Ct);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"year\":99999}")]
    [InlineData("{\"year\":0}")]
    public async Task DraftNotification_YearMissingOrOutsideWindow_Is422WithoutWork(string body)
    {
        await using var host = await CreateAsync();
        using var c = host.Client(Roles.RegionAdmin);
        (await c.GetAsync("/api/v1/account/me", Ct)).Dispose();
        var sw = Stopwatch.StartNew();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var r = await c.PostAsync("/api/v1/notifications", content, Ct);
        sw.Stop();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5), $"took {sw.Elapsed}");
        var p = await ReadAsync(r);
        Assert.Equal("year", p.GetProperty("field").GetString());
        Assert.False(string.IsNullOrEmpty(p.GetProperty("detail_zh").GetString()));
        await using var db = host.Database.Open();
        Assert.Equal(2, await db.Notifications.CountAsync(Ct));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(99999)]
    public async Task ApprovalWrite_YearOutsideWindow_Is422AndCreatesNoRow(int year)
    {
        await using var host = await CreateAsync();
        using var c = host.Client(Roles.CountyOfficer);
        using var r = await c.PostAsync($"/api/v1/approvals/{CountyIn}/{year}/submit", null, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        await using var db = host.Database.Open();
        Assert.False(await db.Approvals.AnyAsync(a => a.Year == year, Ct));
    }

    [Fact]
    public async Task RecordWrite_BodyYearOutsideWindow_Is422()
    {
        await using var host = await CreateAsync();
        using var c = host.Client(Roles.RegionAdmin);
        using var r = await c.PostAsJsonAsync($"/api/v1/units/{UnitIn}/records", new { year = 10000, rd_total = 1m }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        Assert.Equal("year", (await ReadAsync(r)).GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("indicators", "--year", "10000")]
    [InlineData("progress", "--year", "1999")]
    [InlineData("reconcile", "--year", "0")]
    public async Task Cli_YearOutsideWindow_IsUsageErrorInBothLanguages(string command, string option, string year)
    {
        await using var host = await CreateAsync();
        var r = await CliRunner.RunAsync(host.Database.DbArgument, command, option, year);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("年份应在", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("the year must be within", r.Stderr, StringComparison.Ordinal);
    }
}
