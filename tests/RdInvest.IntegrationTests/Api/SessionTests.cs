using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using RdInvest.Accounts;
using RdInvest.Web.Security;
using Xunit;
using static RdInvest.IntegrationTests.Api.ApiHost;

namespace RdInvest.IntegrationTests.Api;

/// <summary>Sessions that end on the server, sign-in errors and limits, and cookies behind an HTTPS proxy.</summary>
public sealed class SessionTests
{
    private const string Password = "Correct-horse-battery-9";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpClient Browser(ApiHost host, string baseAddress = "http://localhost") =>
        host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(baseAddress) });

    private static async Task<HttpResponseMessage> LoginAsync(HttpClient c, string name, string password, string? forwardedFor = null)
    {
        using var m = new HttpRequestMessage(HttpMethod.Post, "/api/v1/account/login") { Content = JsonContent.Create(new { user_name = name, password }) };
        if (forwardedFor is not null)
        {
            m.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        return await c.SendAsync(m, Ct);
    }

    private static async Task<HttpResponseMessage> LogoutAsync(HttpClient c)
    {
        var csrf = await ReadAsync(await c.GetAsync("/api/v1/account/csrf", Ct));
        using var m = new HttpRequestMessage(HttpMethod.Post, "/api/v1/account/logout");
        m.Headers.Add(csrf.GetProperty("header_name").GetString()!, csrf.GetProperty("token").GetString());
        return await c.SendAsync(m, Ct);
    }

    [Fact]
    public async Task Logout_OldCookieReplayed_IsRefused()
    {
        await using var host = await CreateAsync();
        using var c = Browser(host);
        string cookie;
        using (var login = await LoginAsync(c, "auditor", Password))
        {
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            // What an attacker who copied the cookie before the sign-out would replay.
            cookie = login.Headers.GetValues("Set-Cookie").Single(h => h.StartsWith("rdinvest.auth=", StringComparison.Ordinal)).Split(';')[0];
        }
        using var replay = host.Client(null);
        using (var before = new HttpRequestMessage(HttpMethod.Get, "/api/v1/account/me"))
        {
            before.Headers.Add("Cookie", cookie);
            Assert.Equal(HttpStatusCode.OK, (await replay.SendAsync(before, Ct)).StatusCode);
        }
        using (var logout = await LogoutAsync(c))
        {
            Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        }
        using var after = new HttpRequestMessage(HttpMethod.Get, "/api/v1/account/me");
        after.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.SendAsync(after, Ct)).StatusCode);
        // The user's API token keeps working.
        using var token = host.Client(Roles.Auditor);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/account/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task Login_EmptyBody_Is400NamingTheMissingFields()
    {
        await using var host = await CreateAsync();
        using var c = Browser(host);
        using var r = await c.PostAsJsonAsync("/api/v1/account/login", new { }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var p = await ReadAsync(r);
        Assert.Contains("user_name", p.GetProperty("detail_en").GetString(), StringComparison.Ordinal);
        Assert.Contains("password", p.GetProperty("detail_en").GetString(), StringComparison.Ordinal);
        Assert.Contains("user_name", p.GetProperty("detail_zh").GetString(), StringComparison.Ordinal);
        using var onlyName = await c.PostAsJsonAsync("/api/v1/account/login", new { user_name = "auditor" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, onlyName.StatusCode);
        Assert.Equal("missing fields: password", (await ReadAsync(onlyName)).GetProperty("detail_en").GetString());
    }

    [Fact]
    public async Task Lockout_AfterFailedSignIns_LeavesApiTokensWorking()
    {
        await using var host = await CreateAsync();
        using var c = Browser(host);
        for (var i = 0; i < AccountSetup.MaxFailedAttempts; i++)
        {
            using var bad = await LoginAsync(c, "auditor", "wrong-password");
        }
        using (var locked = await LoginAsync(c, "auditor", Password))
        {
            Assert.Equal((HttpStatusCode)423, locked.StatusCode);
        }
        using var token = host.Client(Roles.Auditor);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/audit/verify", Ct)).StatusCode);
    }

    [Fact]
    public async Task Login_ManyAttemptsOnOneNameFromManyAddresses_Is429()
    {
        await using var host = await CreateAsync();
        using var c = Browser(host);
        for (var i = 0; i < SignInThrottle.PermitsPerName; i++)
        {
            using var r = await LoginAsync(c, "nobody-" + "x", "wrong-password", forwardedFor: $"203.0.113.{i + 1}");
            Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        }
        using (var limited = await LoginAsync(c, "NOBODY-x", "wrong-password", forwardedFor: "203.0.113.200"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.False(string.IsNullOrEmpty((await ReadAsync(limited)).GetProperty("detail_zh").GetString()));
        }
        // Another name from another address is not held up.
        using var other = await LoginAsync(c, "auditor", Password, forwardedFor: "203.0.113.201");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Login_ManyAttemptsFromOneAddress_Is429()
    {
        await using var host = await CreateAsync();
        using var c = Browser(host);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            using var r = await LoginAsync(c, $"name-{i}", "wrong-password", forwardedFor: "198.51.100.7");
            statuses.Add(r.StatusCode);
        }
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task HttpsBehindProxy_CookieIsSecureAndHstsIsSent()
    {
        await using var host = await CreateAsync();
        using var c = Browser(host, "http://rdinvest.example.cn");
        using var m = new HttpRequestMessage(HttpMethod.Post, "/api/v1/account/login") { Content = JsonContent.Create(new { user_name = "auditor", password = Password }) };
        m.Headers.Add("X-Forwarded-Proto", "https");
        using var r = await c.SendAsync(m, Ct);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var auth = r.Headers.GetValues("Set-Cookie").Single(h => h.StartsWith("rdinvest.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-age=", r.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);

        // Plain HTTP (no proxy saying otherwise): no HSTS, no Secure flag.
        using var plain = await LoginAsync(c, "auditor", Password);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain("secure", plain.Headers.GetValues("Set-Cookie").Single(h => h.StartsWith("rdinvest.auth=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
    }
}
