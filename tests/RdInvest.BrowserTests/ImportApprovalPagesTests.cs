using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RdInvest.Accounts;
using RdInvest.Approval;
using RdInvest.Data;

namespace RdInvest.BrowserTests;

/// <summary>
/// The work pages /imports and /approvals in a real browser, on their own demo database (<see cref="WorkPagesApp"/>):
/// a county officer's dry run shows every error with its row and column and writes nothing, the fixed file commits and
/// the dashboard's figure changes; the county submits, the city approves, the region finalises, and the locked
/// county-year refuses a new upload with the reason; roles that may not use the pages get 403.
/// </summary>
public sealed class ImportApprovalPagesTests(WorkPagesApp work) : IClassFixture<WorkPagesApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private BrowserApp App => work.App;

    private string County => App.Account(Roles.CountyOfficer).Scope!;

    [Fact]
    public async Task Import_FileWithTwoErrors_ShowsBothAndWritesNothing_FixedFileCommitsAndTheDashboardChanges()
    {
        await using var s = await Session.OpenAsync(App, Roles.CountyOfficer);
        await ReopenAsync(2024);
        var (a, b) = await TwoUnitsAsync(2024);
        var runsBefore = await WithDbAsync(db => db.ImportRuns.CountAsync(Ct));
        await s.GoAsync("/?year=2024&status=preliminary");
        var before = await s.Page.Locator("[data-indicator=rd_total] .rd-card-value").InnerTextAsync();

        var bad = await CsvAsync("credit_code,year,rd_total", $"{a.Code},2024,12a", $"{b.Code},2024,-5");
        await DryRunAsync(s, "rd", bad);
        Assert.Contains("未写入任何数据", await s.Page.Locator("[data-testid=import-rejected]").InnerTextAsync());
        Assert.Equal("2", await s.Page.Locator("[data-testid=count-errors]").InnerTextAsync());
        await s.Page.ClickAsync("[data-testid=severity-filter] a[href*='severity=error']");
        var errors = await FindingsAsync(s);
        Assert.Equal(2, errors.Count);
        Assert.Equal(["2", "3"], errors.Select(r => r[1]).Order(StringComparer.Ordinal));
        Assert.All(errors, r => Assert.Equal("rd_total", r[2]));
        Assert.Contains(errors, r => r[3] == "12a");
        Assert.All(errors, r => Assert.Matches(Session.Chinese(), r[5]));
        Assert.Equal(0, await s.Page.Locator("[data-testid=commit]").CountAsync());
        var download = await s.Page.RunAndWaitForDownloadAsync(() => s.Page.ClickAsync("[data-testid=export-findings]"));
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        await s.ShotAsync("imports-dry-run-errors");
        var violations = await s.SeriousViolationsAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        // Nothing was written: the records as they were, and no import run logged for a dry run.
        Assert.Equal(a.Fen, await RdFenAsync(a.Code, 2024));
        Assert.Equal(b.Fen, await RdFenAsync(b.Code, 2024));
        Assert.Equal(runsBefore, await WithDbAsync(db => db.ImportRuns.CountAsync(Ct)));

        // Someone else does not see the job.
        var jobUrl = s.Page.Url;
        await using (var city = await Session.OpenAsync(App, Roles.CityOfficer))
        {
            Assert.Equal(404, (await city.GoAsync(jobUrl))!.Status);
        }

        var newYuan = (a.Fen / 100m) + 10_000_000m;
        var fixedFile = await CsvAsync("credit_code,year,rd_total",
            $"{a.Code},2024,{(newYuan / 10_000m).ToString("0.##", CultureInfo.InvariantCulture)}",
            $"{b.Code},2024,{(b.Fen / 1_000_000m).ToString("0.####", CultureInfo.InvariantCulture)}");
        await DryRunAsync(s, "rd", fixedFile);
        Assert.Equal("0", await s.Page.Locator("[data-testid=count-errors]").InnerTextAsync());
        Assert.Equal("1", await s.Page.Locator("[data-testid=count-updated]").InnerTextAsync());
        Assert.Equal(a.Fen, await RdFenAsync(a.Code, 2024));
        await s.Page.ClickAsync("[data-testid=commit]");
        await s.Page.Locator("[data-testid=import-done]").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        Assert.Equal("1", await s.Page.Locator("[data-testid=count-updated]").InnerTextAsync());
        Assert.Equal((long)(newYuan * 100m), await RdFenAsync(a.Code, 2024));
        await s.ShotAsync("imports-committed");
        await s.Page.ClickAsync("[data-testid=run-link]");
        Assert.Contains(Path.GetFileName(fixedFile), await s.Page.Locator("[data-testid=table-runs] tbody").InnerTextAsync());

        await s.GoAsync("/?year=2024&status=preliminary");
        var after = await s.Page.Locator("[data-indicator=rd_total] .rd-card-value").InnerTextAsync();
        Assert.NotEqual(before, after);
        Assert.Empty(s.Errors);
    }

    [Fact]
    public async Task Approval_CountySubmitsCityApprovesRegionFinalises_LockedAndANewUploadIsRefused()
    {
        Assert.SkipWhen(App.SkipReason is not null, App.SkipReason ?? "");
        const int year = 2023;
        await ReopenAsync(year);
        var row = $"[data-testid=table-waiting] tr[data-county='{County}']";

        await using (var county = await Session.OpenAsync(App, Roles.CountyOfficer))
        {
            Accept(county);
            await county.GoAsync($"/approvals?year={year}");
            Assert.Contains("无上次审核数据", await county.Page.Locator($"[data-testid=baseline-{County}]").InnerTextAsync());
            await county.Page.ClickAsync($"{row} [data-testid=submit-{County}]");
            Assert.Contains("报送", await county.Page.Locator("[data-testid=approval-done]").InnerTextAsync());
            Assert.Equal(DataStatuses.Submitted, await StatusAsync(year));
        }
        await using (var city = await Session.OpenAsync(App, Roles.CityOfficer))
        {
            Accept(city);
            await city.GoAsync($"/approvals?year={year}");
            Assert.Equal(1, await city.Page.Locator(row).CountAsync());
            // A return needs a reason: said next to the field, nothing changes.
            await city.Page.ClickAsync($"{row} [data-testid=return-{County}]");
            Assert.Contains("请填写理由", await city.Page.Locator("[data-testid=reason-error]").InnerTextAsync());
            Assert.Equal(DataStatuses.Submitted, await StatusAsync(year));
            await city.ShotAsync("approvals-city");
            var violations = await city.SeriousViolationsAsync();
            Assert.True(violations.Count == 0, string.Join("\n", violations));
            await city.Page.ClickAsync($"{row} [data-testid=approve-{County}]");
            await city.Page.Locator("[data-testid=approval-done]").WaitForAsync();
            Assert.Equal(DataStatuses.Approved, await StatusAsync(year));
        }
        await using (var region = await Session.OpenAsync(App, Roles.RegionAdmin))
        {
            Accept(region);
            await region.GoAsync($"/approvals?year={year}");
            Assert.Contains("上次审核", await region.Page.Locator($"[data-testid=baseline-{County}]").InnerTextAsync());
            await region.Page.ClickAsync($"{row} [data-testid=finalise-{County}]");
            await region.Page.Locator("[data-testid=approval-done]").WaitForAsync();
            Assert.Equal(DataStatuses.Final, await StatusAsync(year));
            Assert.Equal(1, await region.Page.Locator($"[data-testid=table-others] [data-testid=status-{County}] .rd-locked").CountAsync());
            await region.ShotAsync("approvals-region");
            await region.GoAsync($"/divisions/{County}?year={year}");
            Assert.Equal(1, await region.Page.Locator("[data-testid=locked]").CountAsync());
            var violations = await region.SeriousViolationsAsync();
            Assert.True(violations.Count == 0, string.Join("\n", violations));
        }
        var actions = await WithDbAsync(db => db.Audit.Where(e => e.Entity == "approval" && e.EntityKey == $"{County}/{year}")
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(Ct));
        Assert.Equal(["approval.reopen", "approval.submit", "approval.approve", "approval.finalise"], actions);

        await using var again = await Session.OpenAsync(App, Roles.CountyOfficer);
        await again.GoAsync($"/approvals?year={year}");
        Assert.Contains("锁定", await again.Page.Locator($"[data-testid=status-{County}]").InnerTextAsync());
        var (a, _) = await TwoUnitsAsync(year);
        await DryRunAsync(again, "rd", await CsvAsync("credit_code,year,rd_total", $"{a.Code},{year},1"));
        Assert.Contains("并锁定", await again.Page.Locator("[data-testid=import-locked]").InnerTextAsync());
        Assert.Equal(0, await again.Page.Locator("[data-testid=commit]").CountAsync());
        Assert.Equal(a.Fen, await RdFenAsync(a.Code, year));
        await again.ShotAsync("imports-locked");
        Assert.Empty(again.Errors);
    }

    public static TheoryData<string, string> Pages => new()
    {
        { Roles.CountyOfficer, "/imports" },
        { Roles.RegionAdmin, "/imports" },
        { Roles.CountyOfficer, "/approvals" },
        { Roles.CityOfficer, "/approvals" },
        { Roles.RegionAnalyst, "/approvals" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task WorkPage_AllowedRole_RendersWithoutSeriousAxeViolation(string role, string path)
    {
        await using var s = await Session.OpenAsync(App, role);
        Assert.Equal(200, (await s.GoAsync(path))!.Status);
        Assert.Contains(path == "/imports" ? "Imports" : "Approvals", await s.NavigationAsync());
        Assert.True(await s.Page.Locator("[data-testid=table-runs], [data-testid=table-waiting]").CountAsync() > 0);
        await s.ShotAsync($"work-{role}{path.Replace('/', '-')}");
        var violations = await s.SeriousViolationsAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.Empty(s.Errors);
    }

    [Theory]
    [InlineData(Roles.Enterprise)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Finance)]
    public async Task WorkPages_RoleThatMayNot_Gets403(string role)
    {
        await using var s = await Session.OpenAsync(App, role);
        Assert.Equal(403, (await s.GoAsync("/imports"))!.Status);
        Assert.Equal(403, (await s.GoAsync("/approvals"))!.Status);
        Assert.Equal(403, (await s.Page.APIRequest.GetAsync("/imports?handler=template&kind=rd")).Status);
        var nav = await s.NavigationAsync();
        Assert.DoesNotContain("Imports", nav);
        Assert.DoesNotContain("Approvals", nav);
    }

    [Fact]
    public async Task ParkAdmin_ImportsItsParkKindsOnly_AndHasNoApprovals()
    {
        await using var s = await Session.OpenAsync(App, Roles.ParkAdmin);
        Assert.Equal(200, (await s.GoAsync("/imports"))!.Status);
        Assert.Equal(403, (await s.GoAsync("/approvals"))!.Status);
        Assert.Equal(403, (await s.Page.APIRequest.GetAsync("/imports?handler=template&kind=rd")).Status);
        Assert.Equal(200, (await s.Page.APIRequest.GetAsync("/imports?handler=template&kind=park-figures")).Status);
        await s.GoAsync("/imports");
        Assert.Equal(0, await s.Page.Locator("[data-testid=template-rd]").CountAsync());
        Assert.Equal(1, await s.Page.Locator("[data-testid=template-park-figures]").CountAsync());
    }

    [Fact]
    public async Task Template_CountyOfficer_GetsItsKindsOnly()
    {
        await using var s = await Session.OpenAsync(App, Roles.CountyOfficer);
        var rd = await s.Page.APIRequest.GetAsync("/imports?handler=template&kind=rd");
        Assert.Equal(200, rd.Status);
        Assert.StartsWith("application/vnd.openxmlformats", rd.Headers["content-type"], StringComparison.Ordinal);
        Assert.Equal(403, (await s.Page.APIRequest.GetAsync("/imports?handler=template&kind=parks")).Status);
        await s.GoAsync("/imports");
        Assert.Equal(0, await s.Page.Locator("[data-testid=template-parks]").CountAsync());
        Assert.Equal(1, await s.Page.Locator("[data-testid=template-rd]").CountAsync());
    }

    private static void Accept(Session s) => s.Page.Dialog += (_, d) => _ = d.AcceptAsync();

    private static async Task DryRunAsync(Session s, string kind, string path)
    {
        await s.GoAsync("/imports");
        await s.Page.SelectOptionAsync("#kind", kind);
        await s.Page.SetInputFilesAsync("#file", path);
        await s.Page.ClickAsync("[data-testid=dry-run]");
        await s.Page.Locator("[data-testid=import-job][data-state=done], [data-testid=import-failed]").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        Assert.Equal(0, await s.Page.Locator("[data-testid=import-failed]").CountAsync());
    }

    private static async Task<List<string[]>> FindingsAsync(Session s)
    {
        var rows = s.Page.Locator("[data-testid=table-findings] tbody tr");
        var result = new List<string[]>();
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            result.Add([.. (await rows.Nth(i).Locator("td").AllInnerTextsAsync()).Select(t => t.Trim())]);
        }
        return result;
    }

    private static async Task<string> CsvAsync(params string[] lines)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("rdinvest-upload-test-").FullName, $"rd-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(path, lines, Ct);
        return path;
    }

    private async Task<T> WithDbAsync<T>(Func<RdInvestDb, Task<T>> read)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<RdInvestDb>());
    }

    private Task<long> RdFenAsync(string code, int year) => WithDbAsync(db => db.RdRecords
        .Where(r => r.Year == year && db.Units.Any(u => u.Id == r.UnitId && u.CreditCode == code)).Select(r => r.RdTotalFen).SingleAsync(Ct));

    private Task<string> StatusAsync(int year) => WithDbAsync(db => ApprovalPolicy.StatusAsync(db, County, year, Ct));

    /// <summary>Two units of the demo county with a record of the year: credit code and R&amp;D in fen.</summary>
    private Task<((string Code, long Fen) A, (string Code, long Fen) B)> TwoUnitsAsync(int year) => WithDbAsync(async db =>
    {
        var county = County;
        var two = await db.RdRecords.Where(r => r.Year == year)
            .Join(db.Units.Where(u => u.DivisionCode == county), r => r.UnitId, u => u.Id, (r, u) => new { u.CreditCode, r.RdTotalFen })
            .OrderBy(x => x.CreditCode).Take(2).ToListAsync(Ct);
        return ((two[0].CreditCode, two[0].RdTotalFen), (two[1].CreditCode, two[1].RdTotalFen));
    });

    /// <summary>Opens the demo's final county-year (region admin, the library's handler) so the county can import and submit it.</summary>
    private Task<bool> ReopenAsync(int year) => WithDbAsync(async db =>
    {
        if (await ApprovalPolicy.StatusAsync(db, County, year, Ct) != DataStatuses.Final)
        {
            return false;
        }
        await new ApprovalHandler(db, TimeProvider.System).TransitionAsync(County, year, ApprovalActions.Reopen, "browser test",
            new UserScope("demo-admin", Roles.RegionAdmin, null), new Auditing.Actor("demo-admin"), Ct);
        return true;
    });
}
