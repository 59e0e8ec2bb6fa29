using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace RdInvest.IntegrationTests.Api;

/// <summary>/health/live and /health/ready: ready only when the database answers and is migrated, with the reason otherwise.</summary>
public sealed class HealthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ready_OnAMigratedDatabase_Answers200_LiveToo()
    {
        await using var host = await ApiHost.CreateAsync();
        using var client = host.Client(null);
        using var ready = await client.GetAsync("/health/ready", Ct);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"healthy\"", await ready.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var live = await client.GetAsync("/health/live", Ct);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Ready_OnADatabaseNotInitialised_Answers503WithTheReason_WhileLiveAnswers200()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("db", database.DbArgument);
            b.UseEnvironment("Production");
        });
        using var client = factory.CreateClient();
        using var ready = await client.GetAsync("/health/ready", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var text = await ready.Content.ReadAsStringAsync(Ct);
        Assert.Contains("rdinvest db init", text, StringComparison.Ordinal);
        Assert.Contains("数据库", text, StringComparison.Ordinal);
        using var live = await client.GetAsync("/health/live", Ct);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
