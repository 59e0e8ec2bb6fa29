using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RdInvest.Accounts;
using Xunit;
using static RdInvest.IntegrationTests.Api.ApiHost;

namespace RdInvest.IntegrationTests.Api;

/// <summary>
/// The payment register over HTTP (SQLite, and PostgreSQL when configured): finance records, the once-only rules refuse
/// a second payment and write nothing, the register filters by league/city, rule and year, and the CLI lists the same.
/// </summary>
public sealed class PaymentsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Record_OnceOnlyTwice_IsRefusedAndWritesNothing_RegisterFiltersByLeagueCity()
    {
        await using var host = await CreateAsync();
        using var finance = host.Client(Roles.Finance);
        var body = new { credit_code = UnitIn, rule = "R2", year = 2021, amount = 123_456.78m, paid_on = "2021-09-30", note = "手工登记" };
        using var first = await finance.PostAsJsonAsync("/api/v1/payments", body, Ct);
        var created = await ReadAsync(first);
        Assert.True(first.StatusCode == HttpStatusCode.Created, created.ToString());
        Assert.Equal(123_456.78m, created.GetProperty("amount").GetDecimal());
        Assert.Equal("manual", created.GetProperty("source").GetString());
        Assert.Equal("2021-09-30", created.GetProperty("paid_on").GetString());
        using var other = await finance.PostAsJsonAsync("/api/v1/payments", new { credit_code = UnitOut, rule = "R8", year = 2022, amount = 5_000m }, Ct);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);

        using var again = await finance.PostAsJsonAsync("/api/v1/payments", body with { }, Ct);
        var conflict = await ReadAsync(again);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("每个企业每年只发放一次", conflict.GetProperty("detail_zh").GetString(), StringComparison.Ordinal);
        Assert.Equal(created.GetProperty("id").GetInt64(), conflict.GetProperty("current").GetProperty("id").GetInt64());
        await using (var db = host.Database.Open())
        {
            Assert.Equal(2, await db.Payments.CountAsync(Ct));
            Assert.Equal(2, await db.Audit.CountAsync(a => a.Action == "payment.record", Ct));
        }

        using var auditor = host.Client(Roles.Auditor);
        var inside = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/payments?league_city={LeagueIn}", Ct);
        Assert.Equal(1, inside.GetArrayLength());
        Assert.Equal(UnitIn, inside[0].GetProperty("credit_code").GetString());
        Assert.Equal(LeagueIn, inside[0].GetProperty("league_city_code").GetString());
        var outside = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/payments?league_city={LeagueOut}", Ct);
        Assert.Equal("R8", Assert.Single(outside.EnumerateArray()).GetProperty("rule").GetString());
        Assert.Equal(1, (await auditor.GetFromJsonAsync<JsonElement>("/api/v1/payments?rule=R2&year=2021", Ct)).GetArrayLength());
        Assert.Equal(0, (await auditor.GetFromJsonAsync<JsonElement>("/api/v1/payments?rule=R2&year=2022", Ct)).GetArrayLength());

        // One register: the CLI lists the same payments.
        var cli = await CliRunner.RunAsync(host.Database.DbArgument, "payments", "list", "--json");
        Assert.True(cli.ExitCode == 0, cli.Stderr);
        using var listed = JsonDocument.Parse(cli.Stdout);
        Assert.Equal(2, listed.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Record_BadFieldOrWrongRole_NamesTheFieldOrRefuses()
    {
        await using var host = await CreateAsync();
        using var finance = host.Client(Roles.Finance);
        foreach (var (field, body) in new (string, object)[]
        {
            ("amount", new { credit_code = UnitIn, rule = "R8", year = 2022, amount = 0m }),
            ("rule", new { credit_code = UnitIn, rule = "R99", year = 2022, amount = 10m }),
            ("year", new { credit_code = UnitIn, rule = "R8", year = 1800, amount = 10m }),
            ("note", new { credit_code = UnitIn, rule = "R8", year = 2022, amount = 10m, note = new string('x', 501) }),
        })
        {
            using var r = await finance.PostAsJsonAsync("/api/v1/payments", body, Ct);
            var p = await ReadAsync(r);
            Assert.True(r.StatusCode == HttpStatusCode.UnprocessableEntity, $"{field}: {p}");
            Assert.Equal(field, p.GetProperty("field").GetString());
        }
        using var unknown = await finance.PostAsJsonAsync("/api/v1/payments", new { credit_code = "91150102MA9999999X", rule = "R8", year = 2022, amount = 10m }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var auditor = host.Client(Roles.Auditor);
        using var refused = await auditor.PostAsJsonAsync("/api/v1/payments", new { credit_code = UnitIn, rule = "R8", year = 2022, amount = 10m }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var city = host.Client(Roles.CityOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, (await city.GetAsync("/api/v1/payments", Ct)).StatusCode);
        await using var db = host.Database.Open();
        Assert.Equal(0, await db.Payments.CountAsync(Ct));
    }
}
