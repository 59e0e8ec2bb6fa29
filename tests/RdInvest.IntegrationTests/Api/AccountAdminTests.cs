using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using RdInvest.Accounts;
using RdInvest.Auditing;
using Xunit;
using static RdInvest.IntegrationTests.Api.ApiHost;

namespace RdInvest.IntegrationTests.Api;

/// <summary>Token revocation and account disabling: both take effect at once, are audited, and keep the chain intact.</summary>
public sealed class AccountAdminTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpClient> SignedInAsync(ApiHost host, string user)
    {
        var c = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var login = await c.PostAsJsonAsync("/api/v1/account/login", new { user_name = user, password = "Correct-horse-battery-9" }, Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return c;
    }

    [Fact]
    public async Task RevokedToken_StopsAtOnce_ListedAsRevokedAndAudited()
    {
        await using var host = await CreateAsync();
        using var admin = host.Client(Roles.SecurityAdmin);
        using var auditor = host.Client(Roles.Auditor);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/v1/audit/verify", Ct)).StatusCode);

        var tokens = await ReadAsync(await admin.GetAsync("/api/v1/users/auditor/tokens", Ct));
        var id = tokens.EnumerateArray().Single().GetProperty("id").GetInt64();
        using (var revoke = await admin.DeleteAsync($"/api/v1/users/auditor/tokens/{id}", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
            Assert.False((await ReadAsync(revoke)).GetProperty("active").GetBoolean());
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await auditor.GetAsync("/api/v1/audit/verify", Ct)).StatusCode);
        var after = await ReadAsync(await admin.GetAsync("/api/v1/users/auditor/tokens", Ct));
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, after[0].GetProperty("revoked_at").ValueKind);
        // Revoking again changes nothing; another user's token id is not found under this user.
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/api/v1/users/auditor/tokens/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/users/finance/tokens/{id}", Ct)).StatusCode);

        await using var db = host.Database.Open();
        Assert.Equal(1, await db.Audit.CountAsync(a => a.Action == "user.token.revoke" && a.EntityKey == "auditor", Ct));
        Assert.True((await AuditChain.VerifyAsync(db, Ct)).Intact);
    }

    [Fact]
    public async Task DisabledUser_CannotSignIn_SessionAndTokensEnd_EnableRestoresSignIn()
    {
        await using var host = await CreateAsync();
        using var admin = host.Client(Roles.SecurityAdmin);
        using var browser = await SignedInAsync(host, "finance");
        using var token = host.Client(Roles.Finance);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/account/me", Ct)).StatusCode);

        using (var noReason = await admin.PostAsJsonAsync("/api/v1/users/finance/disable", new { }, Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        }
        using (var disable = await admin.PostAsJsonAsync("/api/v1/users/finance/disable", new { reason = "调离岗位" }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
            Assert.True((await ReadAsync(disable)).GetProperty("disabled").GetBoolean());
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/account/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/account/me", Ct)).StatusCode);
        using (var c = host.Factory.CreateClient())
        using (var login = await c.PostAsJsonAsync("/api/v1/account/login", new { user_name = "finance", password = "Correct-horse-battery-9" }, Ct))
        {
            Assert.Equal((HttpStatusCode)423, login.StatusCode);
            Assert.Contains("停用", await login.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        var listed = await ReadAsync(await admin.GetAsync("/api/v1/users", Ct));
        Assert.True(listed.EnumerateArray().Single(u => u.GetProperty("name").GetString() == "finance").GetProperty("disabled").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/v1/users/finance/enable", new { }, Ct)).StatusCode);
        using var again = await SignedInAsync(host, "finance");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/v1/account/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/account/me", Ct)).StatusCode);

        await using var db = host.Database.Open();
        var entries = await db.Audit.Where(a => a.EntityKey == "finance" && (a.Action == "user.disable" || a.Action == "user.enable"))
            .OrderBy(a => a.Seq).Select(a => new { a.Action, a.NewValues }).ToListAsync(Ct);
        Assert.Equal(["user.disable", "user.enable"], entries.Select(e => e.Action));
        Assert.Contains("调离岗位", entries[0].NewValues, StringComparison.Ordinal);
        Assert.True((await AuditChain.VerifyAsync(db, Ct)).Intact);
    }

    [Fact]
    public async Task Disable_YourselfOrTheLastRegionAdmin_Is409()
    {
        await using var host = await CreateAsync();
        using var admin = host.Client(Roles.SecurityAdmin);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/v1/users/security-admin/disable", new { reason = "测试" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/v1/users/region-admin/disable", new { reason = "测试" }, Ct)).StatusCode);

        // From the command line (another actor) the same account is the last enabled region admin.
        var r = await CliRunner.RunAsync(host.Database.DbArgument, "user", "disable", "region-admin", "--reason", "测试");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("最后一个", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
    }
}
