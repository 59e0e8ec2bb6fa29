using System.Text.Json;
using Microsoft.Playwright;
using RdInvest.Accounts;

namespace RdInvest.BrowserTests;

/// <summary>
/// The calculator (`/calc`, `/calc/{rule}`) and the enterprise's own page (`/me`): the R2 case with its clause and a
/// what-if, a field error beside its field with the typed value kept, the enterprise's pre-filled inputs, its page
/// and its scope, the roles refused — each page with a screenshot and axe.
/// </summary>
public sealed class CalcPagesTests(BrowserApp app)
{
    private static async Task FillAsync(IPage page, string field, string value) =>
        await page.FillAsync($"[name='{field}']", value);

    private static Task SubmitAsync(IPage page) => ClickAndSwapAsync(page, "[data-testid=calc-submit]");

    /// <summary>Clicks a button of the form and waits until htmx has swapped the area (the old button is gone from the document).</summary>
    private static async Task ClickAndSwapAsync(IPage page, string button)
    {
        var old = await page.Locator(button).ElementHandleAsync();
        await page.ClickAsync(button);
        await page.WaitForFunctionAsync("el => !el.isConnected", old);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    private static async Task AssertAxeAsync(Session s)
    {
        var violations = await s.SeriousViolationsAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task Calculator_PostSubsidy2023_ShowsAmountClauseParametersAndWhatIfDifference()
    {
        await using var s = await Session.OpenAsync(app, Roles.CountyOfficer);
        Assert.Equal(200, (await s.GoAsync("/calc"))!.Status);
        var rules = s.Page.Locator("[data-testid=table-rules] tbody tr");
        Assert.Equal(RdInvest.Policy.RuleRegistry.All.Count, await rules.CountAsync());
        Assert.Contains("二(二)6", await s.Page.Locator("[data-testid=table-rules]").InnerTextAsync());
        await s.ShotAsync("calc-index");
        await AssertAxeAsync(s);

        await s.Page.ClickAsync("[data-testid=table-rules] a[href='/calc/post-subsidy']");
        await s.Page.WaitForURLAsync(app.BaseUrl + "/calc/post-subsidy");
        Assert.Contains("R2", await s.Page.Locator("h1.rd-title").InnerTextAsync());
        await FillAsync(s.Page, "in.year", "2023");
        await FillAsync(s.Page, "in.rd_prev", "20000000");
        await FillAsync(s.Page, "in.rd_prev2", "15000000");
        await FillAsync(s.Page, "in.revenue_prev", "500000000");
        await SubmitAsync(s.Page);
        Assert.Equal("1,100,000.00 元", (await s.Page.Locator("[data-testid=amount]").InnerTextAsync()).Trim());
        var steps = await s.Page.Locator("[data-testid=steps] li").AllInnerTextsAsync();
        Assert.Contains(steps, t => t.Contains("〔二(二)6〕", StringComparison.Ordinal) && t.Contains("1,100,000", StringComparison.Ordinal));
        // The tiers and the increment rate are defaults set by the administering department; the cap is the plan's.
        var parameters = s.Page.Locator("[data-testid=parameters] tbody tr");
        Assert.Equal(3, await parameters.CountAsync());
        Assert.Contains("默认值，由主管部门确定", await parameters.Filter(new() { HasText = "post_subsidy.tiers" }).InnerTextAsync());
        Assert.DoesNotContain("默认值", await parameters.Filter(new() { HasText = "post_subsidy.cap" }).InnerTextAsync());
        Assert.Contains("5,000,000.00 元", await parameters.Filter(new() { HasText = "post_subsidy.cap" }).InnerTextAsync());
        // The typed values stay in the form.
        Assert.Equal("20000000", await s.Page.InputValueAsync("[name='in.rd_prev']"));
        await s.ShotAsync("calc-post-subsidy-result");
        await AssertAxeAsync(s);

        // What-if: the cap at 800,000.
        if (!await s.Page.Locator("[name='set.post_subsidy.cap']").IsVisibleAsync())
        {
            await s.Page.ClickAsync("details summary");
        }
        await FillAsync(s.Page, "set.post_subsidy.cap", "800000");
        await SubmitAsync(s.Page);
        Assert.Equal("1,100,000.00 元", (await s.Page.Locator("[data-testid=amount]").InnerTextAsync()).Trim());
        Assert.Equal("800,000.00 元", (await s.Page.Locator("[data-testid=whatif-amount]").InnerTextAsync()).Trim());
        Assert.Equal("−300,000.00 元", (await s.Page.Locator("[data-testid=difference]").InnerTextAsync()).Trim());
        var whatIfSteps = await s.Page.Locator("[data-testid=whatif-steps] li").AllInnerTextsAsync();
        Assert.Contains(whatIfSteps, t => t.Contains("800,000", StringComparison.Ordinal) && t.Contains("封顶", StringComparison.Ordinal));
        Assert.Equal("800000", await s.Page.InputValueAsync("[name='set.post_subsidy.cap']"));
        await s.ShotAsync("calc-post-subsidy-whatif");
        await AssertAxeAsync(s);

        Assert.True(s.Errors.Count == 0, string.Join("\n", s.Errors));
    }

    [Fact]
    public async Task Calculator_BadValue_ErrorBesideTheFieldAndTypedValuesKept()
    {
        await using var s = await Session.OpenAsync(app, Roles.RegionAnalyst);
        await s.GoAsync("/calc/post-subsidy");
        await FillAsync(s.Page, "in.year", "2023");
        await FillAsync(s.Page, "in.rd_prev", "二千万");
        await FillAsync(s.Page, "in.revenue_prev", "500000000");
        await SubmitAsync(s.Page);

        var field = s.Page.Locator("[data-field=rd_prev]");
        await field.Locator("[data-testid=error-rd_prev]").WaitForAsync();
        Assert.Contains("is-invalid", await field.Locator("input").GetAttributeAsync("class"));
        Assert.Equal("true", await field.Locator("input").GetAttributeAsync("aria-invalid"));
        Assert.Contains("二千万", await field.Locator("[data-testid=error-rd_prev]").InnerTextAsync());
        Assert.Contains("金额", await field.Locator("[data-testid=error-rd_prev]").InnerTextAsync());
        Assert.Equal("二千万", await s.Page.InputValueAsync("[name='in.rd_prev']"));
        Assert.Equal("500000000", await s.Page.InputValueAsync("[name='in.revenue_prev']"));
        Assert.Equal(0, await s.Page.Locator("[data-testid=error-revenue_prev]").CountAsync());
        Assert.Equal(0, await s.Page.Locator("[data-testid=calc-result]").CountAsync());
        Assert.Contains("1 处", await s.Page.Locator("[data-testid=calc-errors]").InnerTextAsync());
        await s.ShotAsync("calc-post-subsidy-field-error");
        await AssertAxeAsync(s);

        // A what-if value out of range is shown beside its own field.
        await FillAsync(s.Page, "in.rd_prev", "20000000");
        if (!await s.Page.Locator("[name='set.post_subsidy.cap']").IsVisibleAsync())
        {
            await s.Page.ClickAsync("details summary");
        }
        await FillAsync(s.Page, "set.post_subsidy.cap", "-1");
        await SubmitAsync(s.Page);
        Assert.Contains("post_subsidy.cap", await s.Page.Locator("[data-testid='error-set.post_subsidy.cap']").InnerTextAsync());
        Assert.Equal("-1", await s.Page.InputValueAsync("[name='set.post_subsidy.cap']"));
        Assert.True(s.Errors.Count == 0, string.Join("\n", s.Errors));
    }

    [Fact]
    public async Task Calculator_UnknownRule_Is404_AndWorksWithoutScript()
    {
        await using var s = await Session.OpenAsync(app, Roles.Finance);
        Assert.Equal(404, (await s.GoAsync("/calc/no-such-rule"))!.Status);
        // R7 by a plain form post (no htmx): the whole page comes back with the result.
        await s.GoAsync("/calc/hte-tax-rate");
        await FillAsync(s.Page, "in.taxable_income", "10000000");
        // form.submit() fires no submit event, so htmx stays out of it: the browser posts the form itself.
        await s.Page.EvaluateAsync("() => document.querySelector('[data-testid=calc-form]').submit()");
        await s.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await s.Page.Locator("[data-testid=amount]").WaitForAsync();
        Assert.Contains("1,000,000.00 元", await s.Page.Locator("[data-testid=amount]").InnerTextAsync());
    }

    [Fact]
    public async Task Enterprise_OwnPage_ShowsItsRecordsClaimsAndPayments_AndAnotherUnitIs404()
    {
        Assert.SkipWhen(app.SkipReason is not null, app.SkipReason ?? "");
        var own = app.Account(Roles.Enterprise).Scope!;
        string other;
        await using (var admin = await Session.OpenAsync(app, Roles.RegionAdmin))
        {
            await admin.GoAsync("/units");
            var links = await admin.Page.Locator("[data-testid=table-units] tbody tr td:first-child a").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
            other = links.First(h => !h.Contains(own, StringComparison.Ordinal));
            Assert.Equal(200, (await admin.GoAsync(other))!.Status);
            // Region roles have no page of their own enterprise.
            Assert.Equal(403, (await admin.GoAsync("/me"))!.Status);
        }
        await using var s = await Session.OpenAsync(app, Roles.Enterprise);
        Assert.Contains("Me", await s.NavigationAsync());
        Assert.Equal(200, (await s.GoAsync("/me"))!.Status);
        Assert.Contains(own, await s.Page.Locator("[data-testid=identity]").InnerTextAsync());
        Assert.True(await s.Page.Locator("[data-testid=table-records] tbody tr").CountAsync() > 0, "records");
        var claims = s.Page.Locator("[data-testid=claims] tbody tr");
        Assert.True(await claims.CountAsync() >= 2, "claims");
        Assert.Equal(1, await s.Page.Locator("[data-testid=claims] tbody tr[data-rule=R1]").CountAsync());
        var r2 = s.Page.Locator("[data-testid=claims] tbody tr[data-rule=R2]");
        Assert.True(await r2.CountAsync() > 0, "R2 claims");
        Assert.Matches(@"^\d{1,3}(,\d{3})*\.\d\d$", (await r2.Last.Locator("[data-testid=claim-amount]").InnerTextAsync()).Trim());
        await r2.Last.Locator("summary").ClickAsync();
        Assert.Contains("二(二)6", await r2.Last.Locator("ol").InnerTextAsync());
        Assert.Equal(1, await s.Page.Locator("[data-testid=table-payments]").CountAsync());
        await s.ShotAsync("me-enterprise");
        await AssertAxeAsync(s);
        Assert.True(s.Errors.Count == 0, string.Join("\n", s.Errors));

        Assert.Equal(404, (await s.GoAsync(other))!.Status);
        Assert.Equal(404, (await s.GoAsync("/units/91150100MA0000000X"))!.Status);
        Assert.Equal(200, (await s.GoAsync("/units/" + own))!.Status);
    }

    [Fact]
    public async Task Enterprise_Calculator_PrefilledFromItsOwnRecords()
    {
        Assert.SkipWhen(app.SkipReason is not null, app.SkipReason ?? "");
        var own = app.Account(Roles.Enterprise).Scope!;
        await using var s = await Session.OpenAsync(app, Roles.Enterprise);
        var api = await s.Page.APIRequest.GetAsync($"/api/v1/units/{own}/records");
        Assert.Equal(200, api.Status);
        using var doc = JsonDocument.Parse(await api.TextAsync());
        var records = doc.RootElement.EnumerateArray().Select(r => (Year: r.GetProperty("year").GetInt32(), Rd: r.GetProperty("rd_total").GetDecimal(),
            Revenue: r.TryGetProperty("revenue", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : 0m)).ToList();
        var latest = records.Max(r => r.Year);

        await s.GoAsync("/calc/post-subsidy");
        Assert.Contains("已按本企业的记录预填", await s.Page.Locator("[data-testid=prefill]").InnerTextAsync());
        Assert.Equal((latest + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), await s.Page.InputValueAsync("[name='in.year']"));
        var prev = records.Single(r => r.Year == latest);
        Assert.Equal(prev.Rd, decimal.Parse(await s.Page.InputValueAsync("[name='in.rd_prev']"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(prev.Revenue, decimal.Parse(await s.Page.InputValueAsync("[name='in.revenue_prev']"), System.Globalization.CultureInfo.InvariantCulture));

        // Another year, typed and filled again from the records.
        var year = latest;
        await FillAsync(s.Page, "in.year", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ClickAndSwapAsync(s.Page, "[data-testid=calc-prefill]");
        var before = records.SingleOrDefault(r => r.Year == year - 1);
        if (before.Year != 0)
        {
            Assert.Equal(before.Rd, decimal.Parse(await s.Page.InputValueAsync("[name='in.rd_prev']"), System.Globalization.CultureInfo.InvariantCulture));
        }
        await SubmitAsync(s.Page);
        await s.Page.Locator("[data-testid=amount]").WaitForAsync();
        await s.ShotAsync("calc-post-subsidy-enterprise");
        Assert.True(s.Errors.Count == 0, string.Join("\n", s.Errors));
    }

    [Fact]
    public async Task Calculator_InEnglish_FormAndResultInEnglish()
    {
        await using var s = await Session.OpenAsync(app, Roles.RegionAdmin);
        await s.GoAsync("/calc/post-subsidy");
        await s.Page.Locator("[data-testid=language]").ClickAsync();
        await s.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await FillAsync(s.Page, "in.year", "2023");
        await FillAsync(s.Page, "in.rd_prev", "20000000");
        await FillAsync(s.Page, "in.rd_prev2", "0");
        await FillAsync(s.Page, "in.revenue_prev", "x");
        await SubmitAsync(s.Page);
        Assert.Contains("is not an amount in yuan", await s.Page.Locator("[data-testid=error-revenue_prev]").InnerTextAsync());
        await FillAsync(s.Page, "in.revenue_prev", "500000000");
        await SubmitAsync(s.Page);
        Assert.Equal("2,600,000.00 yuan", (await s.Page.Locator("[data-testid=amount]").InnerTextAsync()).Trim());
        var texts = await s.Page.Locator("main h1, main h2, main h3, main label, main legend, main summary, [data-testid=steps], main th, [data-testid=default-flag]").AllInnerTextsAsync();
        var chinese = texts.Where(t => Session.Chinese().IsMatch(t.Replace("二(二)6", "", StringComparison.Ordinal))).ToList();
        Assert.True(chinese.Count == 0, "Chinese left in English mode: " + string.Join(" | ", chinese));
        await s.ShotAsync("calc-post-subsidy-english");
    }

    public static TheoryData<string> NotEnterprise => [.. Roles.All.Where(r => r != Roles.Enterprise)];

    [Theory]
    [MemberData(nameof(NotEnterprise))]
    public async Task Me_OtherRoles_Are403_CalculatorOpens(string role)
    {
        await using var s = await Session.OpenAsync(app, role);
        Assert.Equal(403, (await s.GoAsync("/me"))!.Status);
        Assert.DoesNotContain("Me", await s.NavigationAsync());
        Assert.Equal(200, (await s.GoAsync("/calc/post-subsidy"))!.Status);
        Assert.Contains("Calc", await s.NavigationAsync());
        Assert.Equal(0, await s.Page.Locator("[data-testid=calc-prefill]").CountAsync());
    }
}
