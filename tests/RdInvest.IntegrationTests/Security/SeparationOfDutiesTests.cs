using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using RdInvest.Accounts;
using RdInvest.Auditing;
using RdInvest.IntegrationTests.Api;
using Xunit;
using static RdInvest.IntegrationTests.Api.ApiHost;

namespace RdInvest.IntegrationTests.Security;

/// <summary>
/// 三员分立: the system administrator (region admin) manages data but neither accounts nor the audit log; the security
/// administrator manages accounts and roles but no data; the auditor reads the audit log and changes nothing; nobody
/// changes their own role (API, page). The endpoint and page matrices hold every route × role; these name the trio.
/// </summary>
public sealed class SeparationOfDutiesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheThreeAdministrators_EachAreRefusedTheOthersDuties()
    {
        await using var host = await CreateAsync();
        using var system = host.Client(Roles.RegionAdmin);
        using var security = host.Client(Roles.SecurityAdmin);
        using var auditor = host.Client(Roles.Auditor);
        var unit = new { credit_code = UnitNew, name = "新企业", sector = "enterprise", division_code = CountyIn };

        // The system administrator: data yes; the audit log and accounts no.
        Assert.Equal(HttpStatusCode.Forbidden, (await system.GetAsync("/api/v1/audit", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await system.GetAsync("/api/v1/audit/export", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await system.GetAsync("/api/v1/users", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await system.PutAsJsonAsync("/api/v1/users/finance/role", new { role = Roles.RegionAdmin }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await system.GetAsync($"/api/v1/units/{UnitIn}", Ct)).StatusCode);

        // The security administrator: accounts yes; data and the audit log no.
        Assert.Equal(HttpStatusCode.OK, (await security.GetAsync("/api/v1/users", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await security.GetAsync($"/api/v1/units/{UnitIn}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await security.PostAsJsonAsync("/api/v1/units", unit, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await security.GetAsync("/api/v1/audit", Ct)).StatusCode);
        Assert.Equal(0, (await ReadAsync(await security.GetAsync("/api/v1/units", Ct))).GetArrayLength());

        // The auditor: the audit log yes; data writes and accounts no.
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/v1/audit", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync("/api/v1/units", unit, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync("/api/v1/users", new { name = "x-user", role = Roles.Auditor }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.DeleteAsync("/api/v1/users/auditor/tokens/1", Ct)).StatusCode);
    }

    [Fact]
    public async Task ChangeRole_OfAnother_TakesEffectAndIsAudited_OfYourself_Is403AndNothingChanges()
    {
        await using var host = await CreateAsync();
        using var security = host.Client(Roles.SecurityAdmin);
        using var finance = host.Client(Roles.Finance);
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.GetAsync("/api/v1/audit", Ct)).StatusCode);

        using (var change = await security.PutAsJsonAsync("/api/v1/users/finance/role", new { role = Roles.Auditor }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, change.StatusCode);
            Assert.Equal(Roles.Auditor, (await ReadAsync(change)).GetProperty("role").GetString());
        }
        // The account's token carries the new role from the next request.
        Assert.Equal(HttpStatusCode.OK, (await finance.GetAsync("/api/v1/audit", Ct)).StatusCode);

        using (var self = await security.PutAsJsonAsync("/api/v1/users/security-admin/role", new { role = Roles.RegionAdmin }, Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
            var text = await self.Content.ReadAsStringAsync(Ct);
            Assert.Contains("自己的角色", text, StringComparison.Ordinal);
            Assert.Contains("your own role", text, StringComparison.Ordinal);
        }
        // A scope the role does not take, or an unknown role: 400 naming the field.
        using (var bad = await security.PutAsJsonAsync("/api/v1/users/finance/role", new { role = "chief" }, Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("role", (await ReadAsync(bad)).GetProperty("field").GetString());
        }
        await using var db = host.Database.Open();
        Assert.Equal(Roles.SecurityAdmin, await db.Users.Where(u => u.UserName == "security-admin").Select(u => u.Role).SingleAsync(Ct));
        var entry = await db.Audit.SingleAsync(a => a.Action == "user.role", Ct);
        Assert.Equal("finance", entry.EntityKey);
        Assert.Equal("security-admin", entry.Actor);
        Assert.Contains(Roles.Finance, entry.OldValues, StringComparison.Ordinal);
        Assert.True((await AuditChain.VerifyAsync(db, Ct)).Intact);
    }

    [Fact]
    public async Task UsersPage_ShowsNoRoleFormOnYourOwnAccount_AndRefusesTheForgedPost()
    {
        await using var host = await CreateAsync();
        using var c = await PageForms.SessionAsync(host, "security-admin", TestPassword);
        var own = await c.GetStringAsync("/users/security-admin", Ct);
        Assert.DoesNotContain("data-testid=\"role-form\"", own, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"role-self\"", own, StringComparison.Ordinal);
        // The other account's form works…
        using (var other = await PageForms.PostAsync(c, "/users/finance", "/users/finance?handler=role", new Dictionary<string, string> { ["NewRole"] = Roles.RegionAnalyst }))
        {
            Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        }
        // …and the same post forged for one's own account changes nothing.
        using (var forged = await PageForms.PostAsync(c, "/users/finance", "/users/security-admin?handler=role", new Dictionary<string, string> { ["NewRole"] = Roles.RegionAdmin }))
        {
            Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
            Assert.Contains("自己的角色", await forged.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        await using var db = host.Database.Open();
        Assert.Equal(Roles.SecurityAdmin, await db.Users.Where(u => u.UserName == "security-admin").Select(u => u.Role).SingleAsync(Ct));
        Assert.Equal(Roles.RegionAnalyst, await db.Users.Where(u => u.UserName == "finance").Select(u => u.Role).SingleAsync(Ct));
    }

    [Fact]
    public async Task Cli_ChangesARole_AndKeepsTheLastSecurityAdministrator()
    {
        await using var host = await CreateAsync();
        var ok = await CliRunner.RunAsync(host.Database.DbArgument, "user", "role", "finance", "--role", Roles.Auditor);
        Assert.Equal(0, ok.ExitCode);
        var last = await CliRunner.RunAsync(host.Database.DbArgument, "user", "role", "security-admin", "--role", Roles.Auditor);
        Assert.Equal(1, last.ExitCode);
        Assert.Contains("最后一个", last.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", last.Stderr, StringComparison.Ordinal);
    }
}
