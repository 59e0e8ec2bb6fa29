using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using RdInvest.IntegrationTests.Api;
using Xunit;

namespace RdInvest.IntegrationTests.Security;

/// <summary>A browser-like cookie session and form posts with the page's antiforgery token, for page write tests.</summary>
internal static partial class PageForms
{
    public static async Task<HttpClient> SessionAsync(ApiHost host, string user, string password)
    {
        var c = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var login = await c.PostAsJsonAsync("/api/v1/account/login", new { user_name = user, password }, TestContext.Current.CancellationToken);
        login.EnsureSuccessStatusCode();
        return c;
    }

    /// <summary>GETs the page, then POSTs the form fields with its antiforgery token to <paramref name="action"/>.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient c, string page, string action, IDictionary<string, string> fields)
    {
        var ct = TestContext.Current.CancellationToken;
        var html = await c.GetStringAsync(page, ct);
        var token = TokenField().Match(html);
        Assert.True(token.Success, $"no antiforgery token on {page}");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token.Groups[1].Value };
        return await c.PostAsync(action, new FormUrlEncodedContent(form), ct);
    }

    /// <summary>The antiforgery token of a page's form.</summary>
    public static string Token(string html)
    {
        var token = TokenField().Match(html);
        Assert.True(token.Success, "no antiforgery token on the page");
        return token.Groups[1].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
