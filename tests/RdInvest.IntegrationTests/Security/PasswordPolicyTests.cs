using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RdInvest.Accounts;
using RdInvest.Auditing;
using RdInvest.Data;
using RdInvest.IntegrationTests.Api;
using Xunit;
using static RdInvest.IntegrationTests.Api.ApiHost;

namespace RdInvest.IntegrationTests.Security;

/// <summary>The password policy (length, classes, history), expiry forcing a change, and the change-password API.</summary>
public sealed class PasswordPolicyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Short-1a", "12")]
    [InlineData("onlylowercaseletters", "3")]
    [InlineData("lowercase-and-dashes", "3")]
    public async Task AddUser_WeakPassword_Is422NamingThePassword_InBothLanguages_NothingStored(string password, string rule)
    {
        await using var host = await CreateAsync();
        using var c = host.Client(Roles.SecurityAdmin);
        using var r = await c.PostAsJsonAsync("/api/v1/users", new { name = "weak-user", role = Roles.Auditor, password }, Ct);
        Assert.Equal((HttpStatusCode)422, r.StatusCode);
        var problem = await ReadAsync(r);
        Assert.Equal("password", problem.GetProperty("field").GetString());
        Assert.Contains(rule, problem.GetProperty("detail_zh").GetString(), StringComparison.Ordinal);
        Assert.Contains("password", problem.GetProperty("detail_en").GetString(), StringComparison.Ordinal);
        await using var db = host.Database.Open();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "weak-user", Ct));
        // Three classes of twelve characters are enough.
        using var ok = await c.PostAsJsonAsync("/api/v1/users", new { name = "weak-user", role = Roles.Auditor, password = "Strong-enough1" }, Ct);
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
    }

    [Fact]
    public async Task ChangePassword_NoneOfTheLastFive_TheSixthBackIsAllowed()
    {
        await using var host = await CreateAsync();
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<RdInvestDb>();
        var handler = new ChangePasswordHandler(users, db, TimeProvider.System);
        var current = TestPassword;
        async Task<PasswordChangeOutcome> Change(string next)
        {
            var (outcome, _) = await handler.HandleAsync(new ChangePasswordRequest("finance", current, next), new Actor("finance"), Ct);
            current = next;
            return outcome;
        }
        for (var i = 1; i <= 5; i++)
        {
            Assert.Equal(PasswordChangeOutcome.Changed, await Change($"Rotated-pass-{i}"));
        }
        // Passwords 1–5 are the last five (5 is the current one): an older one is refused, naming the new password.
        foreach (var old in new[] { "Rotated-pass-1", "Rotated-pass-4" })
        {
            var e = await Assert.ThrowsAsync<AccountFieldError>(() => handler.HandleAsync(new ChangePasswordRequest("finance", current, old), new Actor("finance"), Ct));
            Assert.Equal("new_password", e.Field);
            Assert.Contains("最近 5 次", e.MessageZh, StringComparison.Ordinal);
        }
        // The original is the sixth back: allowed.
        Assert.Equal(PasswordChangeOutcome.Changed, await Change(TestPassword));
        var financeId = await db.Users.Where(u => u.UserName == "finance").Select(u => u.Id).SingleAsync(Ct);
        Assert.Equal(7, await db.PasswordHistory.CountAsync(h => h.UserId == financeId, Ct));
        Assert.Equal(6, await db.Audit.CountAsync(a => a.Action == "account.password" && a.EntityKey == "finance", Ct));
        Assert.DoesNotContain(await db.Audit.Select(a => a.NewValues ?? "").ToListAsync(Ct), v => v.Contains("Rotated-pass", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExpiredPassword_SignInRefusedWithoutSession_ChangeWithoutSignIn_ThenSignIn()
    {
        await using var host = await CreateAsync();
        await using (var db = host.Database.Open())
        {
            var u = await db.Users.SingleAsync(x => x.UserName == "finance", Ct);
            u.PasswordChangedAt = DateTime.UtcNow.AddDays(-91);
            await db.SaveChangesAsync(Ct);
        }
        using var c = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using (var login = await c.PostAsJsonAsync("/api/v1/account/login", new { user_name = "finance", password = TestPassword }, Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, login.StatusCode);
            Assert.Contains("过期", (await ReadAsync(login)).GetProperty("detail_zh").GetString(), StringComparison.Ordinal);
            Assert.False(login.Headers.TryGetValues("Set-Cookie", out var set) && set.Any(h => h.StartsWith("rdinvest.auth=", StringComparison.Ordinal)));
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await c.GetAsync("/api/v1/account/me", Ct)).StatusCode);
        // The sign-in page sends the user to change it.
        using (var page = await PageForms.PostAsync(c, "/login", "/login", new Dictionary<string, string> { ["UserName"] = "finance", ["Password"] = TestPassword }))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.StartsWith("/account/password?expired=true&user=finance", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        using (var wrong = await c.PostAsJsonAsync("/api/v1/account/password", new { user_name = "finance", current_password = "Wrong-pass-123", new_password = "Renewed-pass-1" }, Ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        using (var change = await c.PostAsJsonAsync("/api/v1/account/password", new { user_name = "finance", current_password = TestPassword, new_password = "Renewed-pass-1" }, Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await c.PostAsJsonAsync("/api/v1/account/login", new { user_name = "finance", password = "Renewed-pass-1" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/api/v1/account/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task DemoAccount_SimpleDocumentedPassword_NeverExpires()
    {
        await using var host = await CreateAsync();
        await using (var db = host.Database.Open())
        {
            var u = await db.Users.SingleAsync(x => x.UserName == "auditor", Ct);
            u.PasswordChangedAt = DateTime.UtcNow.AddDays(-400);
            u.PasswordNeverExpires = true;
            await db.SaveChangesAsync(Ct);
        }
        using var c = host.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await c.PostAsJsonAsync("/api/v1/account/login", new { user_name = "auditor", password = TestPassword }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Lockout_FiveWrongPasswords_ThenEvenTheRightOneIs423_Audited()
    {
        await using var host = await CreateAsync();
        using var c = host.Factory.CreateClient();
        for (var i = 0; i < AccountSetup.MaxFailedAttempts; i++)
        {
            Assert.NotEqual(HttpStatusCode.OK, (await c.PostAsJsonAsync("/api/v1/account/login", new { user_name = "region-analyst", password = $"Wrong-pass-{i}" }, Ct)).StatusCode);
        }
        using var right = await c.PostAsJsonAsync("/api/v1/account/login", new { user_name = "region-analyst", password = TestPassword }, Ct);
        Assert.Equal((HttpStatusCode)423, right.StatusCode);
        await using var db = host.Database.Open();
        Assert.Equal(AccountSetup.MaxFailedAttempts + 1, await db.Audit.CountAsync(a => a.Action == "account.signin.failed" && a.EntityKey == "region-analyst", Ct));
        var end = await db.Users.Where(u => u.UserName == "region-analyst").Select(u => u.LockoutEnd).SingleAsync(Ct);
        Assert.True(end > DateTimeOffset.UtcNow);
    }
}
