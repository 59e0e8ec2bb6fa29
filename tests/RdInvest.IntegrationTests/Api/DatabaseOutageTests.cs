using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RdInvest.Accounts;
using RdInvest.Auditing;
using RdInvest.Data;
using Xunit;

namespace RdInvest.IntegrationTests.Api;

/// <summary>
/// PostgreSQL stopped and started under a running web host: requests fail fast with a 503 problem in Chinese and English
/// (never a 500, never a hang), and succeed again once the server is back, without restarting the host.
/// </summary>
public sealed class DatabaseOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostgresStoppedAndStarted_RequestsGet503ThenSucceed_WithoutRestartingTheHost()
    {
        Assert.SkipWhen(!TestDatabase.IsPostgres, "runs with the PostgreSQL suite");
        await using var cluster = await PgCluster.StartAsync();
        await cluster.CreateDatabaseAsync("rdinvest");
        var target = DbTarget.Parse(cluster.ConnectionString("rdinvest"));
        await using (var db = target.CreateContext())
        {
            await new DbInitHandler(db, target, TimeProvider.System).HandleAsync(Ct);
        }
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("db", target.ConnectionString);
            b.UseEnvironment("Production");
        });
        string token;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<RdInvestDb>();
            await new AddUserHandler(sp.GetRequiredService<UserManager<AppUser>>(), db, TimeProvider.System)
                .HandleAsync(new AddUserRequest("analyst", Roles.RegionAnalyst, null, "Correct-horse-battery-9"), Actor.Cli("test"), Ct);
            token = (await new IssueTokenHandler(db, TimeProvider.System).HandleAsync("analyst", null, Actor.Cli("test"), Ct)).Token;
        }
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.Timeout = TimeSpan.FromSeconds(40);
        const string url = "/api/v1/divisions?level=league_city";

        using (var up = await client.GetAsync(url, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        }

        await cluster.StopServerAsync();
        for (var i = 0; i < 3; i++)
        {
            var sw = Stopwatch.StartNew();
            using var down = await client.GetAsync(url, Ct);
            Assert.True(sw.Elapsed < TimeSpan.FromSeconds(30), $"a request took {sw.Elapsed} with the database down");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.NotNull(down.Headers.RetryAfter);
            using var problem = JsonDocument.Parse(await down.Content.ReadAsStringAsync(Ct));
            Assert.Contains("数据库暂时不可用", problem.RootElement.GetProperty("detail_zh").GetString(), StringComparison.Ordinal);
            Assert.Contains("database is unavailable", problem.RootElement.GetProperty("detail_en").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("request_id").GetString()));
        }
        using (var ready = await client.GetAsync("/health/ready", Ct))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }

        await cluster.StartServerAsync();
        var statuses = new List<HttpStatusCode>();
        var back = Stopwatch.StartNew();
        while (back.Elapsed < TimeSpan.FromSeconds(30))
        {
            using var again = await client.GetAsync(url, Ct);
            statuses.Add(again.StatusCode);
            if (again.StatusCode == HttpStatusCode.OK)
            {
                break;
            }
            await Task.Delay(200, Ct);
        }
        Assert.Equal(HttpStatusCode.OK, statuses[^1]);
        Assert.All(statuses[..^1], s => Assert.Equal(HttpStatusCode.ServiceUnavailable, s));
        using (var ready = await client.GetAsync("/health/ready", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }
    }
}
