using System.Net;
using System.Net.Http.Json;
using RdInvest.Accounts;
using Xunit;
using static RdInvest.IntegrationTests.Api.ApiHost;

namespace RdInvest.IntegrationTests.Api;

/// <summary>User names, token names and reasons: length limits and no control or bidi characters, 422 naming the field.</summary>
public sealed class AccountTextTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> BadNames() => [new string('a', AccountText.MaxUserName + 1), new string('a', 1_000_000), "bad\0name", "evil\u202Egnp.exe"];

    [Theory]
    [MemberData(nameof(BadNames))]
    public async Task AddUser_BadName_Is422NamingTheFieldWithoutEcho(string name)
    {
        await using var host = await CreateAsync();
        using var c = host.Client(Roles.SecurityAdmin);
        using var r = await c.PostAsJsonAsync("/api/v1/users", new { name, role = Roles.Auditor }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        Assert.Null(r.Headers.Location);
        var text = await r.Content.ReadAsStringAsync(Ct);
        Assert.True(text.Length < 3000, $"{text.Length} characters");
        Assert.Equal("name", (await ReadAsync(r)).GetProperty("field").GetString());
        var users = await ReadAsync(await c.GetAsync("/api/v1/users", Ct));
        Assert.Equal(Roles.All.Count, users.GetArrayLength());
    }

    [Fact]
    public async Task AddUser_NameAtTheLimit_IsCreatedWithAShortLocation()
    {
        await using var host = await CreateAsync();
        using var c = host.Client(Roles.SecurityAdmin);
        var name = new string('a', AccountText.MaxUserName);
        using var r = await c.PostAsJsonAsync("/api/v1/users", new { name, role = Roles.Auditor }, Ct);
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        Assert.Equal($"/api/v1/users/{name}", r.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData(AccountText.MaxTokenName + 1, "")]
    [InlineData(5, "\u202E")]
    [InlineData(5, "\u0007")]
    public async Task IssueToken_BadName_Is422(int length, string suffix)
    {
        await using var host = await CreateAsync();
        using var c = host.Client(Roles.SecurityAdmin);
        using var r = await c.PostAsJsonAsync("/api/v1/users/auditor/tokens", new { name = new string('t', length) + suffix }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        Assert.Equal("name", (await ReadAsync(r)).GetProperty("field").GetString());
        var tokens = await ReadAsync(await c.GetAsync("/api/v1/users/auditor/tokens", Ct));
        Assert.Equal(1, tokens.GetArrayLength());
    }

    [Theory]
    [InlineData(AccountText.MaxReason + 1, "")]
    [InlineData(5, "\0")]
    public async Task Disable_BadReason_Is422AndTheAccountStaysEnabled(int length, string suffix)
    {
        await using var host = await CreateAsync();
        using var c = host.Client(Roles.SecurityAdmin);
        using var r = await c.PostAsJsonAsync("/api/v1/users/auditor/disable", new { reason = new string('r', length) + suffix }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        var p = await ReadAsync(r);
        Assert.Equal("reason", p.GetProperty("field").GetString());
        Assert.Contains("reason", p.GetProperty("detail_zh").GetString(), StringComparison.Ordinal);
        using var token = host.Client(Roles.Auditor);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/account/me", Ct)).StatusCode);
    }
}
