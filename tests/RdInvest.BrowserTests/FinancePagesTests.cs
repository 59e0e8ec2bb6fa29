using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;
using RdInvest.Accounts;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Importing;

namespace RdInvest.BrowserTests;

/// <summary>
/// The finance pages (institutions, loans, special statistics, special evaluation) over a small finance population imported
/// into the demo database through the import handler: two banks' worth of institutions, six loans to demo units (five to
/// S&amp;T enterprises), one financing event. Each page renders with data, passes axe, filters through htmx and downloads
/// real files; a branch named like a formula must reach the XLSX neutralised.
/// </summary>
public sealed class FinancePagesTests(BrowserApp app)
{
    private static readonly SemaphoreSlim s_gate = new(1, 1);
    private static bool s_imported;

    private static string Inst(int i) => CreditCode.Complete("91150100FB" + i.ToString("D7", CultureInfo.InvariantCulture));

    /// <summary>The branch's name starts like a spreadsheet formula: the export must not run it.</summary>
    private const string FormulaBranch = "=1+2 测试科技支行";

    private async Task EnsureFinanceDataAsync()
    {
        Assert.SkipWhen(app.SkipReason is not null, app.SkipReason ?? "");
        await s_gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (s_imported)
            {
                return;
            }
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RdInvestDb>();
            var day = new DateOnly(2023, 1, 1);
            var certified = await db.Certifications.AsNoTracking()
                .Where(c => c.Kind == CertificationKinds.HighTech && c.Issued <= day && (c.Expires == null || c.Expires >= new DateOnly(2023, 12, 31)))
                .Join(db.Units, c => c.UnitId, u => u.Id, (c, u) => new { u.CreditCode, u.DivisionCode }).ToListAsync(TestContext.Current.CancellationToken);
            var st = certified.GroupBy(u => u.DivisionCode[..4], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.OrderBy(u => u.CreditCode, StringComparer.Ordinal).First().CreditCode).Take(3).ToList();
            Assert.Equal(3, st.Count);
            var plain = await db.Units.AsNoTracking().Where(u => u.Sector == Sectors.Enterprise && !db.Certifications.Any(c => c.UnitId == u.Id))
                .OrderBy(u => u.CreditCode).Select(u => u.CreditCode).FirstAsync(TestContext.Current.CancellationToken);
            var (a, b, c) = (st[0], st[1], st[2]);
            var files = new (string Kind, string Csv)[]
            {
                ("institutions", $"""
                    code,name,kind,parent_code,division_code
                    {Inst(1)},测试银行内蒙古分行,bank,,150100
                    {Inst(2)},{FormulaBranch},tech_branch,{Inst(1)},150102
                    {Inst(3)},测试独立科技支行,tech_branch,,150200
                    {Inst(5)},测试融资担保公司,guarantee,,150100
                    """),
                ("loans", $"""
                    loan_id,lender_code,borrower,kind,guarantor_code,granted_on,matures_on,repaid_on,amount,annual_rate,guarantee_fee,loss_amount
                    F1,{Inst(1)},{a},credit,,2022-03-01,2024-03-01,,1000000,0.04,,
                    F2,{Inst(2)},{a},ip_pledge,,2023-02-01,2024-02-01,,500000,5%,,
                    F3,{Inst(2)},{b},credit,,2023-05-01,2024-05-01,,2000000,3.85%,,
                    F4,{Inst(3)},{c},credit,,2023-06-01,2025-06-01,,800000,4.2%,,
                    F5,{Inst(3)},{plain},credit,,2023-03-01,2024-03-01,,300000,6%,,
                    F6,{Inst(1)},{b},guaranteed,{Inst(5)},2023-08-01,2024-08-01,,600000.55,4.5%,6000,
                    """),
                ("financing", $"""
                    event_id,unit,kind,date,amount_raised,institution_code
                    E1,{a},star_market,2023-08-01,50000000,
                    """),
            };
            var dir = Directory.CreateTempSubdirectory("rdinvest-finance-pages-");
            try
            {
                foreach (var (kind, csv) in files)
                {
                    var path = Path.Combine(dir.FullName, kind + ".csv");
                    await File.WriteAllTextAsync(path, csv + "\n", TestContext.Current.CancellationToken);
                    var result = await new ImportFileHandler(db, TimeProvider.System)
                        .HandleAsync(new ImportRequest(kind, path, MoneyUnit.Yuan, User: "test"), TestContext.Current.CancellationToken);
                    Assert.True(result.Accepted, kind + ": " + string.Join("\n", result.Findings.Select(f => $"{f.Row} {f.Column} {f.MessageEn}")));
                }
            }
            finally
            {
                dir.Delete(recursive: true);
            }
            s_imported = true;
        }
        finally
        {
            s_gate.Release();
        }
    }

    /// <summary>Role, page, a table that must have rows, and how many.</summary>
    public static TheoryData<string, string, string, int> Pages => new()
    {
        { Roles.Finance, "/finance/institutions", "institutions", 4 },
        { Roles.Finance, "/finance/loans", "loans", 6 },
        { Roles.Finance, "/finance/stats", "institutions", 3 },
        { Roles.Finance, "/finance/evaluation", "results", 2 },
        { Roles.RegionAdmin, "/finance/stats/2023", "leagues", 12 },
        { Roles.Auditor, "/finance/loans", "loans", 6 },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task FinancePage_Reader_RendersWithDataAndPassesAxe(string role, string path, string table, int rows)
    {
        await EnsureFinanceDataAsync();
        await using var s = await Session.OpenAsync(app, role);
        var response = await s.GoAsync(path);
        Assert.Equal(200, response!.Status);
        Assert.False(string.IsNullOrWhiteSpace(await s.Page.Locator("h1.rd-title").InnerTextAsync()));
        Assert.Contains("科技金融", await s.Page.Locator(".breadcrumb").InnerTextAsync());
        Assert.Contains("FinanceLoans", await s.NavigationAsync());
        Assert.True(await s.Page.Locator($"[data-testid=table-{table}] tbody tr").CountAsync() >= rows, $"table {table} has {rows} rows");
        if (await s.Page.Locator("[data-chart]").CountAsync() > 0)
        {
            await s.Page.Locator("[data-chart] canvas").First.WaitForAsync();
            var box = await s.Page.Locator("[data-chart] canvas").First.BoundingBoxAsync();
            Assert.True(box is { Width: > 300, Height: > 250 }, "chart of real size");
        }
        await s.ShotAsync($"finance-{role}{path.Replace('/', '-')}");
        var violations = await s.SeriousViolationsAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.True(s.Errors.Count == 0, string.Join("\n", s.Errors));
    }

    [Fact]
    public async Task FinancePages_CityOfficer_Refused()
    {
        await EnsureFinanceDataAsync();
        await using var s = await Session.OpenAsync(app, Roles.CityOfficer);
        Assert.Equal(403, (await s.GoAsync("/finance/loans"))!.Status);
        Assert.DoesNotContain("FinanceLoans", await s.NavigationAsync());
    }

    [Fact]
    public async Task Loans_FilterByKindAndStEnterprise_SwapsTheTableThroughHtmx()
    {
        await EnsureFinanceDataAsync();
        await using var s = await Session.OpenAsync(app, Roles.Finance);
        await s.GoAsync("/finance/loans");
        // A marker on the window survives an htmx swap but not a page load.
        await s.Page.EvaluateAsync("() => { window.rdMarker = 1; }");
        // The demo's synthetic lenders have loans too: each step is narrowed to this test's lenders.
        // The bank's loans include its branch's: F1, F2, F3, F6.
        await SelectAsync(s, "#f-lender", Inst(1));
        await Expect(s, "[data-testid=table-loans] tbody tr", 4);
        await SelectAsync(s, "#f-kind", "ip_pledge");
        await s.Page.Locator("[data-testid=table-loans] tbody tr").Filter(new LocatorFilterOptions { HasText = "F2" }).WaitForAsync();
        await Expect(s, "[data-testid=table-loans] tbody tr", 1);
        Assert.Equal(1, await s.Page.EvaluateAsync<int>("() => window.rdMarker"));

        await SelectAsync(s, "#f-kind", "");
        await SelectAsync(s, "#f-lender", Inst(3));
        await SelectAsync(s, "#f-st", "no");
        await s.Page.Locator("[data-testid=table-loans] tbody tr").Filter(new LocatorFilterOptions { HasText = "F5" }).WaitForAsync();
        await Expect(s, "[data-testid=table-loans] tbody tr", 1);

        await SelectAsync(s, "#f-st", "yes");
        await SelectAsync(s, "#f-outstanding", "2023");
        // Outstanding at the end of 2023 among the standalone branch's S&T loans: F4.
        await Expect(s, "[data-testid=table-loans] tbody tr", 1);
        await SelectAsync(s, "#f-lender", Inst(1));
        // Outstanding at the end of 2023 among the bank's S&T loans: F1, F2, F3, F6 (none repaid or maturing by then).
        await Expect(s, "[data-testid=table-loans] tbody tr", 4);
        Assert.Equal(1, await s.Page.EvaluateAsync<int>("() => window.rdMarker"));
        // The exact yuan on hover beside 万元.
        var f6 = s.Page.Locator("[data-testid=table-loans] tbody tr").Filter(new LocatorFilterOptions { HasText = "F6" });
        Assert.Equal("60.00", (await f6.Locator("td").Nth(9).InnerTextAsync()).Trim());
        Assert.Contains("600,000.55", await f6.Locator("td").Nth(9).Locator("span").GetAttributeAsync("title"));
        await s.ShotAsync("finance-loans-filtered");
        Assert.True(s.Errors.Count == 0, string.Join("\n", s.Errors));
    }

    [Fact]
    public async Task Institutions_FilterByKind_SwapsTheTable()
    {
        await EnsureFinanceDataAsync();
        await using var s = await Session.OpenAsync(app, Roles.Finance);
        await s.GoAsync("/finance/institutions");
        await SelectAsync(s, "#f-kind", "tech_branch");
        // This test's two branches among the demo's synthetic ones (the bank shows only as the branch's parent); the guarantor is filtered out.
        var body = s.Page.Locator("[data-testid=table-institutions] tbody");
        await body.Filter(new LocatorFilterOptions { HasText = "测试独立科技支行" }).WaitForAsync();
        var text = await body.InnerTextAsync();
        Assert.Contains(FormulaBranch, text);
        Assert.DoesNotContain("测试融资担保公司", text);
        Assert.Contains("科技支行/科技金融事业部", text);
        await SelectAsync(s, "#f-division", "150200");
        // 包头市: the standalone branch, not the branch registered in 呼和浩特 (150102).
        await s.Page.WaitForFunctionAsync("() => !document.querySelector('[data-testid=table-institutions] tbody').innerText.includes('测试科技支行')");
        Assert.Contains("测试独立科技支行", await body.InnerTextAsync());
    }

    [Fact]
    public async Task LoansExport_IsARealWorkbook_WithTheFormulaNeutralised()
    {
        await EnsureFinanceDataAsync();
        await using var s = await Session.OpenAsync(app, Roles.Finance);
        // The bank's S&T loans (its branch's included): F1, F2, F3, F6 — the demo's lenders left out.
        await s.GoAsync("/finance/loans?st=yes&lender=" + Inst(1));
        var download = await s.Page.RunAndWaitForDownloadAsync(() => s.Page.Locator("[data-testid=export-loans]").ClickAsync());
        var path = await SavedXlsxAsync(download);
        var rows = MiniExcel.Query(path, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(4, rows.Count);
        var lender = rows.First().Keys.First();
        Assert.Contains(rows, r => (string?)r[lender] == "'" + FormulaBranch);
        Assert.DoesNotContain(rows, r => (string?)r[lender] == FormulaBranch);
        var amount = rows.First().Keys.First(k => k.Contains("贷款金额", StringComparison.Ordinal));
        Assert.Contains(rows, r => Convert.ToDecimal(r[amount], CultureInfo.InvariantCulture) == 60.000055m);
    }

    [Fact]
    public async Task Stats_ChartTablesAndDownload_ShowTheBalancesAndTheNullReasons()
    {
        await EnsureFinanceDataAsync();
        await using var s = await Session.OpenAsync(app, Roles.Finance);
        await s.GoAsync("/finance/stats/2023");
        await s.Page.Locator("#balance-chart canvas").WaitForAsync();
        // Column heads say what each JSON key means.
        var heads = string.Join("|", await s.Page.Locator("[data-testid=table-leagues] thead th").AllInnerTextsAsync());
        Assert.Contains("年末贷款余额（万元）", heads);
        Assert.Contains("首贷率（%）", heads);
        // The bank with its branch: balance of F1, F2, F3, F6 at the end of 2023 = 4,100,000.55 yuan (the region total
        // also holds the demo's synthetic lenders).
        var bankRow = s.Page.Locator("[data-testid=table-institutions] tbody tr").Filter(new LocatorFilterOptions { HasText = "测试银行内蒙古分行" });
        Assert.Contains("410.00", await bankRow.First.InnerTextAsync());
        // No balance at the end of 2022 for the branch: growth is — with its reason.
        var branch = s.Page.Locator("[data-testid=table-institutions] tbody tr").Filter(new LocatorFilterOptions { HasText = FormulaBranch });
        Assert.Contains("上年末余额为 0", await branch.Locator("td.rd-null span[title]").First.GetAttributeAsync("title"));
        var download = await s.Page.RunAndWaitForDownloadAsync(() => s.Page.Locator("[data-testid=stats-download]").ClickAsync());
        var path = await SavedXlsxAsync(download);
        var sheets = MiniExcel.GetSheetNames(path);
        Assert.Contains("机构 institutions", sheets);
        var bank = MiniExcel.Query(path, useHeaderRow: true, sheetName: "机构 institutions").Cast<IDictionary<string, object?>>()
            .Single(r => (string?)r["code"] == Inst(1));
        Assert.Equal(4_100_000.55m, Convert.ToDecimal(bank["balance_year_end"], CultureInfo.InvariantCulture));

        // The year selector moves the year in the path.
        await s.GoAsync("/finance/stats/2023?year=2022");
        Assert.EndsWith("/finance/stats/2022", s.Page.Url, StringComparison.Ordinal);
        Assert.Contains("2022", await s.Page.Locator("h1.rd-title").InnerTextAsync());
        Assert.True(s.Errors.Count == 0, string.Join("\n", s.Errors));
    }

    [Fact]
    public async Task Evaluation_RanksFlagsAndDownloads()
    {
        await EnsureFinanceDataAsync();
        await using var s = await Session.OpenAsync(app, Roles.Finance);
        await s.GoAsync("/finance/evaluation/2023");
        // This test's bank and standalone branch are evaluated beside the demo's synthetic banks and branches.
        var rows = s.Page.Locator("[data-testid=table-results] tbody tr");
        var count = await rows.CountAsync();
        Assert.True(count >= 2, $"{count} institutions evaluated");
        var results = await s.Page.Locator("[data-testid=table-results] tbody").InnerTextAsync();
        Assert.Contains("测试银行内蒙古分行", results);
        Assert.Contains("测试独立科技支行", results);
        Assert.DoesNotContain(FormulaBranch, results); // a branch under a bank is rolled into its bank
        Assert.Equal("1", (await rows.First.Locator("td").First.InnerTextAsync()).Trim());
        var outstanding = await s.Page.Locator("[data-testid=table-results] .rd-outstanding").CountAsync();
        Assert.True(outstanding >= 1 && outstanding <= count, $"{outstanding} outstanding of {count}");
        Assert.Contains("二(三)10", await s.Page.Locator("[data-testid=parameters]").InnerTextAsync());
        Assert.Contains("由主管部门确定", await s.Page.Locator("[data-testid=parameters]").InnerTextAsync());
        Assert.Equal(5, await s.Page.Locator("[data-testid=table-weights] tbody tr").CountAsync());

        var xlsx = await s.Page.RunAndWaitForDownloadAsync(() => s.Page.Locator("[data-testid=evaluation-xlsx]").ClickAsync());
        var table = MiniExcel.Query(await SavedXlsxAsync(xlsx), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(count, table.Count);
        Assert.Contains(table, r => (string?)r["code"] == Inst(1));
        Assert.Contains(table, r => (string?)r["code"] == Inst(3));
        // Competition ranks: in score order, each rank is 1 + the number of institutions scoring higher.
        var ranks = table.Select(r => Convert.ToInt32(r["rank"], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(1, ranks.Min());
        Assert.Equal(ranks.Order().ToList(), ranks);
        var pdf = await s.Page.RunAndWaitForDownloadAsync(() => s.Page.Locator("[data-testid=evaluation-pdf]").ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await pdf.PathAsync())!, TestContext.Current.CancellationToken);
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
        await s.ShotAsync("finance-evaluation");
    }

    [Fact]
    public async Task English_Stats_NoChineseInNavigationAndHeadings()
    {
        await EnsureFinanceDataAsync();
        await using var s = await Session.OpenAsync(app, Roles.Finance);
        await s.GoAsync("/finance/stats/2023");
        await s.Page.Locator("[data-testid=language]").ClickAsync();
        await s.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var texts = await s.Page.Locator("nav.rd-side, h1, h2, thead th, .breadcrumb").AllInnerTextsAsync();
        var chinese = texts.Where(t => Session.Chinese().IsMatch(t)).ToList();
        Assert.True(chinese.Count == 0, "Chinese left in English mode: " + string.Join(" | ", chinese));
        await s.ShotAsync("finance-english-stats");
    }

    /// <summary>Chooses an option of a filter and waits for the table htmx fetches for it.</summary>
    private static async Task SelectAsync(Session s, string select, string value) =>
        await s.Page.RunAndWaitForResponseAsync(() => s.Page.Locator(select).SelectOptionAsync(value),
            r => r.Url.Contains("handler=table", StringComparison.Ordinal));

    /// <summary>A downloaded workbook saved under an .xlsx name (MiniExcel reads by extension).</summary>
    private static async Task<string> SavedXlsxAsync(IDownload download)
    {
        var path = Path.Combine(Path.GetTempPath(), "rdinvest-finance-" + Guid.NewGuid().ToString("N") + ".xlsx");
        await download.SaveAsAsync(path);
        return path;
    }

    private static async Task Expect(Session s, string selector, int count)
    {
        for (var i = 0; i < 50 && await s.Page.Locator(selector).CountAsync() != count; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Assert.Equal(count, await s.Page.Locator(selector).CountAsync());
    }
}
