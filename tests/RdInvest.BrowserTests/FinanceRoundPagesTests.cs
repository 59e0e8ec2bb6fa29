using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RdInvest.Accounts;

namespace RdInvest.BrowserTests;

/// <summary>The finance round pages over the demo's finance population: run, save, approve; axe and screenshots.</summary>
public sealed partial class FinanceRoundPagesTests(BrowserApp app)
{
    [GeneratedRegex(@"/finance-rounds/(\d+)\?saved=true$")]
    private static partial Regex SavedUrl();

    [Fact]
    public async Task FinanceRound_RunSaveApprove_Axe_Screenshots()
    {
        await using var s = await Session.OpenAsync(app, Roles.Finance);
        await s.GoAsync("/finance-rounds");
        await s.Page.FillAsync("#round-year", "2021");
        await s.Page.FillAsync("#round-budget", "3,000,000");
        await s.Page.ClickAsync("[data-testid=round-run]");
        await s.Page.Locator("[data-testid=round-summary]").WaitForAsync();
        await s.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.True(await s.Page.Locator("[data-testid=table-lines] tbody tr").CountAsync() > 0, "the round lists its claims");
        Assert.Equal(5, await s.Page.Locator("[data-testid=table-rules] tbody tr").CountAsync());
        await s.ShotAsync("finance-rounds-preview");
        var violations = await s.SeriousViolationsAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        await s.Page.ClickAsync("[data-testid=round-save]");
        await s.Page.WaitForURLAsync(SavedUrl());
        Assert.Contains("草稿", await s.Page.Locator("[data-testid=round-status]").InnerTextAsync());
        // Approval asks once: without the confirmation nothing is recorded.
        await s.Page.ClickAsync("[data-testid=round-approve]");
        await s.Page.Locator("[data-testid=error-confirm]").WaitForAsync();
        await s.Page.CheckAsync("#round-confirm");
        await s.Page.ClickAsync("[data-testid=round-approve]");
        await s.Page.Locator("[data-testid=round-approved]").WaitForAsync();
        await s.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await s.ShotAsync("finance-round-approved");
        violations = await s.SeriousViolationsAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.True(s.Errors.Count == 0, string.Join("\n", s.Errors));
    }
}
