using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RdInvest.Accounts;
using Xunit;
using static RdInvest.IntegrationTests.Api.ApiHost;

namespace RdInvest.IntegrationTests.Api;

public sealed class SecurityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpClient Browser(ApiHost host) => host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task Anonymous_Units_Is401ProblemInBothLanguages()
    {
        await using var host = await CreateAsync();
        using var c = host.Client(null);
        using var r = await c.GetAsync("/api/v1/units", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        var p = await ReadAsync(r);
        Assert.False(string.IsNullOrEmpty(p.GetProperty("detail_zh").GetString()));
        Assert.False(string.IsNullOrEmpty(p.GetProperty("detail_en").GetString()));
        Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'none'", r.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.True(r.Headers.Contains("Referrer-Policy"));
    }

    [Fact]
    public async Task BadJson_Is400ProblemWithoutStackTrace()
    {
        await using var host = await CreateAsync();
        using var c = host.Client(Roles.RegionAdmin);
        using var body = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json");
        using var r = await c.PostAsync("/api/v1/units", body, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var text = await r.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.Contains("detail_en", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CookieSession_WriteWithoutCsrfToken_Is400AndWithTokenSucceeds()
    {
        await using var host = await CreateAsync();
        using var c = Browser(host);
        using (var login = await c.PostAsJsonAsync("/api/v1/account/login", new { user_name = "region-admin", password = "Correct-horse-battery-9" }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/api/v1/account/me", Ct)).StatusCode);
        var unit = new { credit_code = UnitNew, name = "新企业", sector = "enterprise", division_code = CountyIn };
        using (var noToken = await c.PostAsJsonAsync("/api/v1/units", unit, Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        }
        var csrf = await ReadAsync(await c.GetAsync("/api/v1/account/csrf", Ct));
        using var withToken = new HttpRequestMessage(HttpMethod.Post, "/api/v1/units") { Content = JsonContent.Create(unit) };
        withToken.Headers.Add(csrf.GetProperty("header_name").GetString()!, csrf.GetProperty("token").GetString());
        using var ok = await c.SendAsync(withToken, Ct);
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
    }

    [Fact]
    public async Task SignIn_RepeatedFailures_LocksTheAccount()
    {
        await using var host = await CreateAsync();
        using var c = Browser(host);
        for (var i = 0; i < AccountSetup.MaxFailedAttempts - 1; i++)
        {
            using var bad = await c.PostAsJsonAsync("/api/v1/account/login", new { user_name = "auditor", password = "wrong-password" }, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        }
        using (var last = await c.PostAsJsonAsync("/api/v1/account/login", new { user_name = "auditor", password = "wrong-password" }, Ct))
        {
            Assert.Equal((HttpStatusCode)423, last.StatusCode);
        }
        using var right = await c.PostAsJsonAsync("/api/v1/account/login", new { user_name = "auditor", password = "Correct-horse-battery-9" }, Ct);
        Assert.Equal((HttpStatusCode)423, right.StatusCode);
        // A lockout from failed passwords does not stop the account's API tokens (anyone could otherwise stop them).
        using var token = host.Client(Roles.Auditor);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/audit/verify", Ct)).StatusCode);
    }

    [Fact]
    public async Task OpenApi_Document_ListsEveryApiEndpointWithAuthAndErrors()
    {
        await using var host = await CreateAsync();
        using var c = host.Client(null);
        using var r = await c.GetAsync("/openapi/v1.json", Ct);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var doc = await ReadAsync(r);
        var paths = doc.GetProperty("paths");
        var endpoints = host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(endpoints);
        foreach (var e in endpoints)
        {
            var path = System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!.TrimEnd('/'), ":[a-z]+", "");
            Assert.True(paths.TryGetProperty(path, out var item) || paths.TryGetProperty(path + "/", out item), $"{path} missing from the OpenAPI document");
            foreach (var op in item.EnumerateObject())
            {
                Assert.Contains("权限 / auth", op.Value.GetProperty("description").GetString(), StringComparison.Ordinal);
                Assert.True(op.Value.GetProperty("responses").TryGetProperty("401", out _), $"{op.Name} {path}: 401 not described");
            }
        }
        Assert.True(doc.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _));
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/scalar/v1", Ct)).StatusCode);
    }
}
