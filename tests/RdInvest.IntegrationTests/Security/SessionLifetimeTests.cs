using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RdInvest.IntegrationTests.Api;
using Xunit;
using static RdInvest.IntegrationTests.Api.ApiHost;

namespace RdInvest.IntegrationTests.Security;

/// <summary>Cookie sessions: the idle timeout (30 minutes), the absolute lifetime (8 hours) and the cookie's attributes.</summary>
public sealed class SessionLifetimeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (WebApplicationFactory<Program> Factory, FakeTimeProvider Clock) WithClock(ApiHost host)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var factory = host.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        return (factory, clock);
    }

    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> factory, string baseAddress = "http://localhost")
    {
        var c = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(baseAddress) });
        using var login = await c.PostAsJsonAsync("/api/v1/account/login", new { user_name = "finance", password = TestPassword }, Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return c;
    }

    [Fact]
    public async Task IdleSession_EndsAfter30Minutes_AnActiveOneStays()
    {
        await using var host = await CreateAsync();
        var (factory, clock) = WithClock(host);
        using var c = await SignInAsync(factory);
        clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/api/v1/account/me", Ct)).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/api/v1/account/me", Ct)).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Unauthorized, (await c.GetAsync("/api/v1/account/me", Ct)).StatusCode);
        await factory.DisposeAsync();
    }

    [Fact]
    public async Task ActiveSession_EndsAtTheAbsoluteLifetimeOf8Hours()
    {
        await using var host = await CreateAsync();
        var (factory, clock) = WithClock(host);
        using var c = await SignInAsync(factory);
        for (var minutes = 0; minutes < 7 * 60 + 50; minutes += 20)
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/api/v1/account/me", Ct)).StatusCode);
        }
        clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.Unauthorized, (await c.GetAsync("/api/v1/account/me", Ct)).StatusCode);
        await factory.DisposeAsync();
    }

    [Theory]
    [InlineData("http://localhost", false)]
    [InlineData("https://localhost", true)]
    public async Task SessionCookie_IsHttpOnlyAndSameSiteStrict_SecureOverHttps(string baseAddress, bool secure)
    {
        await using var host = await CreateAsync();
        using var c = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri(baseAddress) });
        using var login = await c.PostAsJsonAsync("/api/v1/account/login", new { user_name = "finance", password = TestPassword }, Ct);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(h => h.StartsWith("rdinvest.auth=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie, StringComparison.Ordinal);
        Assert.Equal(secure, cookie.Contains("secure", StringComparison.Ordinal));
        // A session cookie: gone with the browser (no persistent expiry date).
        Assert.DoesNotContain("expires=", cookie, StringComparison.Ordinal);
    }
}
