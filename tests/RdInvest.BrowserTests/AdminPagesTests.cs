using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using RdInvest.Accounts;

namespace RdInvest.BrowserTests;

/// <summary>The users page (the security administrator) and the audit page (the auditor) in Chromium.</summary>
public sealed class AdminPagesTests(BrowserApp app)
{
    private const string NewPassword = "Browser-pass-2024";

    /// <summary>Accepts the one confirmation an irreversible action asks for.</summary>
    private static void AcceptConfirmations(Session s) => s.Page.Dialog += async (_, d) => await d.AcceptAsync();

    private static async Task AddUserAsync(Session s, string name, string role, string? scope, string? password)
    {
        await s.GoAsync("/users");
        await s.Page.FillAsync("#add-name", name);
        await s.Page.SelectOptionAsync("#add-role", role);
        await s.Page.FillAsync("#add-scope", scope ?? "");
        await s.Page.FillAsync("#add-password", password ?? "");
        await s.Page.ClickAsync("[data-testid=add-user] button[type=submit]");
        await s.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    private static void AssertAccessible(IReadOnlyList<string> violations) => Assert.True(violations.Count == 0, string.Join("\n", violations));

    private static async Task SignInAsync(Session s, string name, string password)
    {
        await s.GoAsync("/login");
        await s.Page.FillAsync("#UserName", name);
        await s.Page.FillAsync("#Password", password);
        await s.Page.ClickAsync("form button[type=submit].btn-primary");
        await s.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    private static async Task<IAPIResponse> ApiLoginAsync(Session s, string name, string password) =>
        await s.Page.APIRequest.PostAsync("/api/v1/account/login", new APIRequestContextOptions { DataObject = new { user_name = name, password } });

    [Fact]
    public async Task DisableUser_InTheBrowser_CannotSignInAfterwards_NorThroughTheApi()
    {
        await using var admin = await Session.OpenAsync(app, Roles.SecurityAdmin);
        AcceptConfirmations(admin);
        const string name = "browser-disable-me";
        await AddUserAsync(admin, name, Roles.Auditor, null, NewPassword);
        Assert.EndsWith("/users/" + name + "?done=added", admin.Page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(NewPassword, await admin.Page.ContentAsync(), StringComparison.Ordinal);

        // Before: the account signs in.
        await using (var before = await Session.OpenAsync(app))
        {
            await SignInAsync(before, name, NewPassword);
            Assert.True(before.Page.Url == app.BaseUrl + "/", await before.Page.Locator("main").InnerTextAsync());
        }

        await admin.Page.FillAsync("#reason", "离岗 / left the post");
        await admin.Page.ClickAsync("[data-testid=disable-form] button[type=submit]");
        await admin.Page.WaitForURLAsync("**/users/" + name + "?done=disabled");
        Assert.Equal("已停用", (await admin.Page.Locator("[data-testid=state]").InnerTextAsync()).Trim());
        await admin.ShotAsync("users-disabled");

        await using var after = await Session.OpenAsync(app);
        await SignInAsync(after, name, NewPassword);
        Assert.Contains("账户已停用", await after.Page.Locator("[data-testid=login-error]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(["Home", "Notifications"], await after.NavigationAsync());
        Assert.Equal(423, (await ApiLoginAsync(after, name, NewPassword)).Status);

        // The disabling is in the audit log with its reason, written by the signed-in security administrator; the
        // auditor reads it (三员分立: the security administrator does not read the audit log).
        Assert.Empty(admin.Errors);
        await using var auditor = await Session.OpenAsync(app, Roles.Auditor);
        await auditor.GoAsync($"/audit?action=user.disable&entity=user&key={name}");
        await auditor.Page.ClickAsync("[data-testid=table-audit] tbody a");
        await auditor.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("user.disable", (await auditor.Page.Locator("[data-testid=entry-action]").InnerTextAsync()).Trim());
        Assert.Contains("离岗", await auditor.Page.Locator("[data-testid=changes]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(app.Account(Roles.SecurityAdmin).Name, await auditor.Page.Locator("[data-testid=entry]").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddUser_BadScopeAndMissingReason_ErrorsBesideTheFields_WhatWasTypedKept()
    {
        await using var admin = await Session.OpenAsync(app, Roles.SecurityAdmin);
        await AddUserAsync(admin, "browser-bad-scope", Roles.CountyOfficer, "999999", NewPassword);
        Assert.Contains("999999", await admin.Page.Locator("[data-testid=error-scope]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("browser-bad-scope", await admin.Page.InputValueAsync("#add-name"));
        Assert.Equal("999999", await admin.Page.InputValueAsync("#add-scope"));
        Assert.Equal(Roles.CountyOfficer, await admin.Page.InputValueAsync("#add-role"));
        Assert.Equal("", await admin.Page.InputValueAsync("#add-password"));
        await admin.ShotAsync("users-add-error");
        AssertAccessible(await admin.SeriousViolationsAsync());

        // An existing name is said beside the name.
        await AddUserAsync(admin, app.Account(Roles.Auditor).Name, Roles.Auditor, null, null);
        Assert.Contains("已存在", await admin.Page.Locator("[data-testid=error-name]").InnerTextAsync(), StringComparison.Ordinal);

        // Disabling without a reason is refused beside the reason; the account stays enabled.
        AcceptConfirmations(admin);
        await admin.GoAsync("/users/" + app.Account(Roles.Finance).Name);
        await admin.Page.ClickAsync("[data-testid=disable-form] button[type=submit]");
        await admin.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("原因", await admin.Page.Locator("[data-testid=error-reason]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("启用", (await admin.Page.Locator("[data-testid=state]").InnerTextAsync()).Trim());
        Assert.Empty(admin.Errors);
    }

    [Fact]
    public async Task Token_IssuedInTheBrowser_ShownOnce_WorksUntilRevoked()
    {
        await using var admin = await Session.OpenAsync(app, Roles.SecurityAdmin);
        AcceptConfirmations(admin);
        const string name = "browser-token-user";
        await AddUserAsync(admin, name, Roles.RegionAnalyst, null, null);
        await admin.Page.FillAsync("#token-name", "nightly-script");
        await admin.Page.ClickAsync("[data-testid=token-form] button[type=submit]");
        await admin.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var token = (await admin.Page.Locator("[data-testid=issued-token]").InnerTextAsync()).Trim();
        Assert.StartsWith(IssueTokenHandler.Prefix, token, StringComparison.Ordinal);
        await admin.ShotAsync("users-token-once");
        AssertAccessible(await admin.SeriousViolationsAsync());

        await admin.GoAsync("/users/" + name);
        Assert.DoesNotContain(token, await admin.Page.ContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await admin.Page.Locator("[data-testid=issued-token]").CountAsync());

        var bearer = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token };
        await using var script = await Session.OpenAsync(app);
        var me = await script.Page.APIRequest.GetAsync("/api/v1/account/me", new APIRequestContextOptions { Headers = bearer });
        Assert.Equal(200, me.Status);

        await admin.Page.ClickAsync("[data-testid=tokens] button");
        await admin.Page.WaitForURLAsync("**/users/" + name + "?done=revoked");
        Assert.Contains("已吊销于", await admin.Page.Locator("[data-testid=tokens]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(401, (await script.Page.APIRequest.GetAsync("/api/v1/account/me", new APIRequestContextOptions { Headers = bearer })).Status);
        Assert.Empty(admin.Errors);
    }

    [Fact]
    public async Task Verify_Intact_BrokenAfterAnEntryIsEditedInTheDatabase_IntactWhenRestored()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var s = await Session.OpenAsync(app, Roles.Auditor);
        await s.GoAsync("/audit");
        await s.Page.ClickAsync("[data-testid=verify]");
        await s.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("完整。", (await s.Page.Locator("[data-testid=verify-state]").InnerTextAsync()).Trim());
        var head = (await s.Page.Locator("[data-testid=verify-head]").InnerTextAsync()).Trim();
        Assert.Matches("^[0-9]+:[0-9a-f]{64}$", head);
        await s.ShotAsync("audit-verify-intact");

        // The shared app's database is edited behind its back, and put back however the test ends.
        long id;
        string actor;
        await using (var db = app.Database.CreateContext())
        {
            var first = await db.Audit.AsNoTracking().Where(a => a.Seq == 1).Select(a => new { a.Id, a.Actor }).SingleAsync(ct);
            (id, actor) = (first.Id, first.Actor);
            await db.Audit.Where(a => a.Id == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.Actor, "someone-else"), ct);
        }
        try
        {
            await s.GoAsync("/audit?verify=chain");
            Assert.Equal("已被篡改！", (await s.Page.Locator("[data-testid=verify-state]").InnerTextAsync()).Trim());
            Assert.Contains("记录被修改", await s.Page.Locator("[data-testid=verify-result]").InnerTextAsync(), StringComparison.Ordinal);
            await s.ShotAsync("audit-verify-broken");
            AssertAccessible(await s.SeriousViolationsAsync());
        }
        finally
        {
            await using var db = app.Database.CreateContext();
            await db.Audit.Where(a => a.Id == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.Actor, actor), CancellationToken.None);
        }
        await s.GoAsync("/audit?verify=chain");
        Assert.Equal("完整。", (await s.Page.Locator("[data-testid=verify-state]").InnerTextAsync()).Trim());

        // Against the head kept earlier: intact; a malformed anchor is said beside the field.
        await s.Page.FillAsync("#anchor", head);
        await s.Page.ClickAsync("[data-testid=verify]");
        await s.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("完整。", (await s.Page.Locator("[data-testid=verify-state]").InnerTextAsync()).Trim());
        await s.Page.FillAsync("#anchor", "12:not-a-hash");
        await s.Page.ClickAsync("[data-testid=verify]");
        await s.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("格式无效", await s.Page.Locator("[data-testid=error-anchor]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("12:not-a-hash", await s.Page.InputValueAsync("#anchor"));
        Assert.Equal(0, await s.Page.Locator("[data-testid=verify-result]").CountAsync());
        Assert.Empty(s.Errors);
    }

    [Fact]
    public async Task AuditLog_FilterAndPage_OpensAnEntryWithBeforeAndAfter()
    {
        await using var s = await Session.OpenAsync(app, Roles.Auditor);
        await s.GoAsync("/audit");
        var total = await s.Page.Locator("[data-testid=table-audit] tbody tr").CountAsync();
        Assert.True(total > 0);
        await s.Page.FillAsync("#f-action", "user.add");
        await s.Page.ClickAsync("[data-testid=filter]");
        await s.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var actions = await s.Page.Locator("[data-testid=table-audit] tbody td:nth-child(4)").AllInnerTextsAsync();
        Assert.NotEmpty(actions);
        Assert.All(actions, a => Assert.StartsWith("user.add", a.Trim(), StringComparison.Ordinal));
        // An end before the start is said beside the field.
        await s.GoAsync("/audit?from=2024-06-30&to=2024-01-01");
        Assert.Contains("早于", await s.Page.Locator("[data-testid=error-to]").InnerTextAsync(), StringComparison.Ordinal);
        await s.GoAsync("/audit?action=user.add");
        await s.Page.ClickAsync("[data-testid=table-audit] tbody a");
        await s.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("role", await s.Page.Locator("[data-testid=changes]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(s.Errors);
    }

    public static TheoryData<string, string, int> Refusals => new()
    {
        { Roles.Auditor, "/users", 403 },
        { Roles.Finance, "/audit", 403 },
        { Roles.CountyOfficer, "/audit/1", 403 },
        { Roles.RegionAnalyst, "/users/demo-admin", 403 },
        { Roles.SecurityAdmin, "/users/no-such-user", 404 },
        { Roles.RegionAdmin, "/users", 403 },
        { Roles.RegionAdmin, "/audit", 403 },
        { Roles.SecurityAdmin, "/audit", 403 },
        { Roles.Auditor, "/audit/99999999", 404 },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Page_RoleOrId_Refused(string role, string path, int status)
    {
        await using var s = await Session.OpenAsync(app, role);
        Assert.Equal(status, (await s.GoAsync(path))!.Status);
    }

    public static TheoryData<string, string, string> Pages => new()
    {
        { Roles.SecurityAdmin, "/users", "users" },
        { Roles.SecurityAdmin, "/users/demo-auditor", "users-show" },
        { Roles.Auditor, "/audit", "audit" },
        { Roles.Auditor, "/audit?verify=chain", "audit-verified" },
        { Roles.Auditor, "/audit/1", "audit-show" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Axe_AdminPage_NoSeriousViolation_AndScreenshot(string role, string path, string shot)
    {
        await using var s = await Session.OpenAsync(app, role);
        Assert.Equal(200, (await s.GoAsync(path))!.Status);
        await s.ShotAsync(shot);
        var violations = await s.SeriousViolationsAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.Empty(s.Errors);
    }

    [Theory]
    [InlineData("/users")]
    [InlineData("/users/demo-auditor")]
    [InlineData("/audit?verify=chain")]
    [InlineData("/audit/1")]
    public async Task English_AdminPage_NoChineseInHeadingsLabelsAndHeaders(string path)
    {
        await using var s = await Session.OpenAsync(app, path.StartsWith("/users", StringComparison.Ordinal) ? Roles.SecurityAdmin : Roles.Auditor);
        await s.GoAsync(path);
        await s.Page.Locator("[data-testid=language]").ClickAsync();
        await s.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var texts = await s.Page.Locator("main h1, main h2, main label, main th, main button, main .form-hint, main [data-testid=verify-result]").AllInnerTextsAsync();
        var chinese = texts.Where(t => Session.Chinese().IsMatch(t)).ToList();
        Assert.True(chinese.Count == 0, "Chinese left in English mode: " + string.Join(" | ", chinese));
        await s.ShotAsync("english" + path.Replace('/', '-').Replace('?', '-').Replace('=', '-'));
    }
}
