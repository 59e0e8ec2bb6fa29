using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RdInvest.Accounts;

namespace RdInvest.BrowserTests;

/// <summary>
/// The subsidy-round and payment pages: a round run, saved and approved in the browser records its payments (read back
/// through the API); a once-only payment recorded twice is refused with a plain message and written once; who may open,
/// run, save, approve and record; axe and screenshots.
/// </summary>
public sealed partial class MoneyPagesTests(BrowserApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> ApiAsync(Session s, string url)
    {
        var r = await s.Page.APIRequest.GetAsync(url);
        Assert.True(r.Status == 200, $"{url}: {r.Status} {await r.TextAsync()}");
        return JsonDocument.Parse(await r.TextAsync()).RootElement.Clone();
    }

    /// <summary>Runs a round in the form (year as offered unless given) and waits for it.</summary>
    private static async Task<int> RunAsync(Session s, string budget, int? year = null)
    {
        await s.GoAsync("/subsidy-rounds");
        if (year is { } y)
        {
            await s.Page.FillAsync("#round-year", y.ToString(CultureInfo.InvariantCulture));
        }
        var chosen = int.Parse(await s.Page.InputValueAsync("#round-year"), CultureInfo.InvariantCulture);
        await s.Page.FillAsync("#round-budget", budget);
        await s.Page.ClickAsync("[data-testid=round-run]");
        await s.Page.Locator("[data-testid=round-summary]").WaitForAsync();
        await s.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return chosen;
    }

    [GeneratedRegex(@"/subsidy-rounds/(\d+)\?saved=true$")]
    private static partial Regex SavedUrl();

    [Fact]
    public async Task Round_RunSaveApproveInTheBrowser_RecordsItsPaymentsReadThroughTheApi()
    {
        await using var s = await Session.OpenAsync(app, Roles.Finance);
        var year = await RunAsync(s, "5,000,000");
        Assert.True(await s.Page.Locator("[data-testid=table-lines] tbody tr").CountAsync() > 0, "the round lists enterprises");
        Assert.True(await s.Page.Locator("[data-testid=table-cities] tfoot tr").CountAsync() == 1, "totals per league/city");
        // A small budget: the claims are scaled, and the factor is shown.
        var factor = decimal.Parse(await s.Page.Locator("[data-testid=scale-factor]").InnerTextAsync(), CultureInfo.InvariantCulture);
        Assert.InRange(factor, 0.0000000001m, 0.9999999999m);

        await s.Page.ClickAsync("[data-testid=round-save]");
        await s.Page.WaitForURLAsync(SavedUrl());
        var id = long.Parse(SavedUrl().Match(s.Page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Contains("草稿", await s.Page.Locator("[data-testid=round-status]").InnerTextAsync());

        // Approval asks once: without the confirmation nothing is recorded.
        await s.Page.ClickAsync("[data-testid=round-approve]");
        await s.Page.Locator("[data-testid=error-confirm]").WaitForAsync();
        bool OfRound(JsonElement p) => p.GetProperty("round_id").ValueKind == JsonValueKind.Number && p.GetProperty("round_id").GetInt64() == id;
        Assert.DoesNotContain((await ApiAsync(s, $"/api/v1/payments?year={year}")).EnumerateArray(), OfRound);

        await s.Page.CheckAsync("#round-confirm");
        await s.Page.ClickAsync("[data-testid=round-approve]");
        await s.Page.Locator("[data-testid=round-approved]").WaitForAsync();
        Assert.Contains("已批准", await s.Page.Locator("[data-testid=round-status]").InnerTextAsync());
        await s.ShotAsync("money-round-approved");

        var round = await ApiAsync(s, $"/api/v1/subsidy-rounds/{id}");
        Assert.Equal("approved", round.GetProperty("round").GetProperty("status").GetString());
        var lines = round.GetProperty("result").GetProperty("lines").EnumerateArray().ToList();
        var paid = (await ApiAsync(s, $"/api/v1/payments?year={year}")).EnumerateArray().Where(OfRound).ToList();
        var r2 = paid.Where(p => p.GetProperty("rule").GetString() == "R2").ToList();
        Assert.Equal(lines.Count(l => l.GetProperty("paid").GetDecimal() > 0m), r2.Count);
        Assert.True(r2.Count > 0, "R2 payments recorded");
        Assert.Equal(round.GetProperty("round").GetProperty("total_paid").GetDecimal(), r2.Sum(p => p.GetProperty("amount").GetDecimal()));
        Assert.Equal(lines.Count(l => l.GetProperty("r1_claim").ValueKind == JsonValueKind.Number && l.GetProperty("r1_claim").GetDecimal() > 0m),
            paid.Count(p => p.GetProperty("rule").GetString() == "R1"));
        Assert.Equal(0, await s.Page.Locator("[data-testid=round-approve-form]").CountAsync());

        // The payment list downloads from the round's page (the API's export).
        var download = await s.Page.RunAndWaitForDownloadAsync(() => s.Page.Locator("[data-testid=export-payments-xlsx]").ClickAsync());
        Assert.Equal("PK"u8.ToArray(), (await File.ReadAllBytesAsync((await download.PathAsync())!, Ct))[..2]);

        // The year is paid: another round of it is refused with the handler's plain message, and the run shows the flags.
        await RunAsync(s, "5,000,000", year);
        Assert.Contains("R2 " + r2.Count.ToString("#,0", CultureInfo.GetCultureInfo("zh-CN")), await s.Page.Locator("[data-testid=round-already-paid]").InnerTextAsync());
        await s.Page.ClickAsync("[data-testid=round-save]");
        var problem = s.Page.Locator("[data-testid=round-problem]");
        await problem.WaitForAsync();
        Assert.Contains("已有批准的补助轮次", await problem.InnerTextAsync());
        Assert.DoesNotContain("Exception", await s.Page.ContentAsync(), StringComparison.Ordinal);
        Assert.True(s.Errors.Count == 0, string.Join("\n", s.Errors));
    }

    [Fact]
    public async Task Payment_OnceOnlyRecordedTwice_SaysSoPlainlyAndWritesNothingTheSecondTime()
    {
        Assert.SkipWhen(app.SkipReason is not null, app.SkipReason ?? "");
        var unit = app.Account(Roles.Enterprise).Scope!;
        var query = $"/api/v1/payments?credit_code={unit}&rule=R2&year=2021";
        await using var s = await Session.OpenAsync(app, Roles.Finance);
        Assert.Equal(0, (await ApiAsync(s, query)).GetArrayLength());
        await s.GoAsync("/payments");

        // Unreadable fields: each error beside its field, what was typed kept, nothing written.
        await s.Page.FillAsync("#pay-credit-code", unit);
        await s.Page.SelectOptionAsync("#pay-rule", "R2");
        await s.Page.FillAsync("#pay-year", "2021");
        await s.Page.FillAsync("#pay-amount", "十五万");
        await s.Page.ClickAsync("[data-testid=payment-submit]");
        await s.Page.Locator("[data-testid=error-amount]").WaitForAsync();
        Assert.Contains("十五万", await s.Page.Locator("[data-testid=error-amount]").InnerTextAsync());
        Assert.Equal(unit, await s.Page.InputValueAsync("#pay-credit-code"));
        Assert.Contains("is-invalid", await s.Page.Locator("#pay-amount").GetAttributeAsync("class") ?? "");
        await s.ShotAsync("money-payments-field-error");

        await s.Page.FillAsync("#pay-amount", "150,000");
        await s.Page.FillAsync("#pay-paid-on", "2021-10-15");
        await s.Page.ClickAsync("[data-testid=payment-submit]");
        await s.Page.Locator("[data-testid=payment-recorded]").WaitForAsync();
        Assert.Contains(unit, await s.Page.Locator("[data-testid=payment-recorded]").InnerTextAsync());
        Assert.Equal(1, await s.Page.Locator("[data-testid=table-payments] tbody tr.rd-own").CountAsync());
        var once = await ApiAsync(s, query);
        Assert.Equal(150_000m, Assert.Single(once.EnumerateArray()).GetProperty("amount").GetDecimal());

        // The same R2 payment of the same year again: refused by the once-only rule, the form kept, nothing written.
        await s.Page.FillAsync("#pay-credit-code", unit);
        await s.Page.SelectOptionAsync("#pay-rule", "R2");
        await s.Page.FillAsync("#pay-year", "2021");
        await s.Page.FillAsync("#pay-amount", "90000");
        await s.Page.ClickAsync("[data-testid=payment-submit]");
        var problem = s.Page.Locator("[data-testid=payment-problem]");
        await problem.WaitForAsync();
        Assert.Contains("每个企业每年只发放一次", await problem.InnerTextAsync());
        Assert.Equal("90000", await s.Page.InputValueAsync("#pay-amount"));
        await s.ShotAsync("money-payments-once-only");
        Assert.Single((await ApiAsync(s, query)).EnumerateArray());
        Assert.True(s.Errors.Count == 0, string.Join("\n", s.Errors));
    }

    [Fact]
    public async Task RoundAndPaymentPages_Axe_Screenshots_AndEnglish()
    {
        await using var s = await Session.OpenAsync(app, Roles.Finance);
        var year = await RunAsync(s, "");
        // A big round's list pages on the server (the shared table, swapped by htmx with the round's year and budget kept).
        var firstCode = await s.Page.Locator("[data-testid=table-lines] tbody tr td").First.InnerTextAsync();
        await s.Page.Locator("[data-testid=table-lines] .pagination li:nth-child(2) a").ClickAsync();
        await s.Page.Locator("[data-testid=table-lines] .pagination li:nth-child(2).active").WaitForAsync();
        Assert.NotEqual(firstCode, await s.Page.Locator("[data-testid=table-lines] tbody tr td").First.InnerTextAsync());
        await s.ShotAsync("money-subsidy-rounds-preview");
        var violations = await s.SeriousViolationsAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        // A draft of the year before (the approval test pays the offered year), kept on its own page.
        await RunAsync(s, "20,000,000", year - 1);
        await s.Page.ClickAsync("[data-testid=round-save]");
        await s.Page.WaitForURLAsync(SavedUrl());
        await s.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await s.ShotAsync("money-subsidy-round-draft");
        violations = await s.SeriousViolationsAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        await s.GoAsync("/payments");
        await s.ShotAsync("money-payments");
        violations = await s.SeriousViolationsAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        await s.Page.Locator("[data-testid=language]").ClickAsync();
        await s.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        foreach (var path in new[] { "/payments", $"/subsidy-rounds?year={year}&budget=&run=true" })
        {
            await s.GoAsync(path);
            var texts = await s.Page.Locator("nav.rd-side, h1, h2, thead th, .breadcrumb, label").AllInnerTextsAsync();
            var chinese = texts.Where(t => Session.Chinese().IsMatch(t)).ToList();
            Assert.True(chinese.Count == 0, $"{path}: Chinese left in English mode: " + string.Join(" | ", chinese));
        }
        await s.ShotAsync("money-subsidy-rounds-english");
        Assert.True(s.Errors.Count == 0, string.Join("\n", s.Errors));
    }

    [Fact]
    public async Task Refusals_CountyOfficer403_ReadersReadOnly_MissingRound404()
    {
        await using (var county = await Session.OpenAsync(app, Roles.CountyOfficer))
        {
            Assert.Equal(403, (await county.GoAsync("/subsidy-rounds"))!.Status);
            Assert.Equal(403, (await county.GoAsync("/subsidy-rounds/1"))!.Status);
            Assert.Equal(403, (await county.GoAsync("/payments"))!.Status);
            Assert.DoesNotContain("SubsidyRounds", await county.NavigationAsync());
        }
        await using (var enterprise = await Session.OpenAsync(app, Roles.Enterprise))
        {
            Assert.Equal(403, (await enterprise.GoAsync("/payments"))!.Status);
        }
        await using (var auditor = await Session.OpenAsync(app, Roles.Auditor))
        {
            Assert.Equal(200, (await auditor.GoAsync("/subsidy-rounds"))!.Status);
            Assert.Equal(0, await auditor.Page.Locator("[data-testid=round-form]").CountAsync());
            Assert.Equal(403, (await auditor.GoAsync("/subsidy-rounds?year=2024&run=true"))!.Status);
            Assert.Equal(200, (await auditor.GoAsync("/payments"))!.Status);
            Assert.Equal(0, await auditor.Page.Locator("[data-testid=payment-form]").CountAsync());
            Assert.Contains("Payments", await auditor.NavigationAsync());
        }
        await using (var analyst = await Session.OpenAsync(app, Roles.RegionAnalyst))
        {
            // The analyst previews (as the API's preview) but does not save or approve.
            await RunAsync(analyst, "");
            Assert.Equal(0, await analyst.Page.Locator("[data-testid=round-save]").CountAsync());
        }
        await using var finance = await Session.OpenAsync(app, Roles.Finance);
        Assert.Equal(404, (await finance.GoAsync("/subsidy-rounds/999999"))!.Status);
        await finance.GoAsync("/subsidy-rounds?year=2024&budget=abc&run=true");
        Assert.Contains("abc", await finance.Page.Locator("[data-testid=error-budget]").InnerTextAsync());
        Assert.Equal(0, await finance.Page.Locator("[data-testid=round-summary]").CountAsync());
    }
}
