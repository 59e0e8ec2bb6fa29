using Microsoft.Playwright;
using RdInvest.Accounts;

namespace RdInvest.BrowserTests;

/// <summary>The frame: navigation per role, anonymous access, the language switch, sign-in.</summary>
public sealed class ShellTests(BrowserApp app)
{
    public static TheoryData<string> AllRoles => [.. Roles.All];

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Navigation_EachRole_ShowsOnlyItsPages(string role)
    {
        await using var s = await Session.OpenAsync(app, role);
        var a = app.Account(role);
        var expected = PageAccess.For(new UserScope(a.Name, a.Role, a.Scope)).Select(p => p.Key).ToList();
        Assert.Equal(expected, await s.NavigationAsync());
        Assert.Contains(app.Account(role).Name, await s.Page.Locator("header").InnerTextAsync());
        await s.ShotAsync("home-" + role);
        Assert.Empty(s.Errors);
    }

    [Fact]
    public async Task Anonymous_ReachesOnlyPortalSignInAndNotifications()
    {
        await using var s = await Session.OpenAsync(app);
        await s.GoAsync("/");
        Assert.Equal(["Home", "Notifications"], await s.NavigationAsync());
        foreach (var page in PageAccess.Pages.Where(p => !p.Anonymous))
        {
            await s.GoAsync(page.Path);
            Assert.StartsWith(app.BaseUrl + "/login", s.Page.Url, StringComparison.Ordinal);
        }
        var api = await s.Page.APIRequest.GetAsync("/api/v1/divisions");
        Assert.Equal(401, api.Status);
        Assert.Equal(200, (await s.GoAsync("/notifications"))!.Status);
        Assert.Equal(200, (await s.GoAsync("/login"))!.Status);
        await s.ShotAsync("login");
    }

    [Fact]
    public async Task SignIn_WrongPassword_SaysSoAndStaysSignedOut()
    {
        await using var s = await Session.OpenAsync(app);
        await s.GoAsync("/login");
        await s.Page.FillAsync("#UserName", "demo-auditor");
        await s.Page.FillAsync("#Password", "not-the-password");
        await s.Page.ClickAsync("form button[type=submit].btn-primary");
        Assert.Contains("用户名或密码错误", await s.Page.Locator("[data-testid=login-error]").InnerTextAsync());
        Assert.Equal(["Home", "Notifications"], await s.NavigationAsync());
    }

    [Fact]
    public async Task SignOut_ReturnsToThePublicPortal()
    {
        await using var s = await Session.OpenAsync(app, Roles.RegionAdmin);
        await s.Page.ClickAsync("header form[action='/logout'] button");
        await s.Page.WaitForURLAsync(app.BaseUrl + "/");
        Assert.Equal(["Home", "Notifications"], await s.NavigationAsync());
    }

    [Fact]
    public async Task Language_SwitchToEnglish_NoChineseInNavigationAndHeadings_AndBack()
    {
        await using var s = await Session.OpenAsync(app, Roles.RegionAdmin);
        var lang = s.Page.Locator("[data-testid=language]");
        Assert.Equal("English", (await lang.InnerTextAsync()).Trim());
        await lang.ClickAsync();
        await s.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("中文", (await s.Page.Locator("[data-testid=language]").InnerTextAsync()).Trim());
        var texts = await s.Page.Locator("nav.rd-side, h1, h2, .breadcrumb, .rd-card-label, th").AllInnerTextsAsync();
        var chinese = texts.Where(t => Session.Chinese().IsMatch(t)).ToList();
        Assert.True(chinese.Count == 0, "Chinese left in English mode: " + string.Join(" | ", chinese));
        await s.ShotAsync("home-english");
        // Remembered: a new page load stays in English.
        await s.GoAsync("/notifications");
        Assert.Equal("中文", (await s.Page.Locator("[data-testid=language]").InnerTextAsync()).Trim());
        await s.Page.Locator("[data-testid=language]").ClickAsync();
        await s.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("English", (await s.Page.Locator("[data-testid=language]").InnerTextAsync()).Trim());
        Assert.Contains("通报", await s.Page.Locator("h1.rd-title").InnerTextAsync());
    }
}
