using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RdInvest.Accounts;
using RdInvest.Auditing;
using RdInvest.Data;
using RdInvest.Importing;
using RdInvest.IntegrationTests.Importing;
using Xunit;

namespace RdInvest.IntegrationTests.Scaling;

/// <summary>
/// A primary and a streaming replica (pg_basebackup -R) on 127.0.0.1: an import written through the primary is
/// replayed on the replica, and the web host's indicator reads are served there with the primary's figures.
/// </summary>
public sealed class ReadReplicaTests
{
    private const string Url = "/api/v1/indicators/150000/2023?status=preliminary";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task IndicatorReads_WithReadDb_AreServedByTheReplica_WithThePrimarysFigures()
    {
        Assert.SkipWhen(!TestDatabase.IsPostgres, "runs with the PostgreSQL suite");
        Assert.SkipWhen(PgCluster.FindBin() is null, "PostgreSQL's server binaries are not installed");
        await using var primary = await PgCluster.StartAsync();
        await primary.CreateDatabaseAsync("rdinvest");
        var target = DbTarget.Parse(primary.ConnectionString("rdinvest"));
        await using (var db = target.CreateContext())
        {
            await new DbInitHandler(db, target, TimeProvider.System).HandleAsync(Ct);
        }
        await using var replica = await StartReplicaAsync(primary);

        // Written through the primary only: parks, units and their 2023 R&D records, by the import handler.
        var dir = Directory.CreateTempSubdirectory("rdinvest-replica-").FullName;
        foreach (var (kind, count) in new[] { ("parks", 2), ("units", 40), ("rd", 40) })
        {
            var file = SampleFiles.WriteCsv(Path.Combine(dir, kind + ".csv"), SampleFiles.Rows(kind, 40));
            await using var db = target.CreateContext();
            Common.Money.TryParseUnit("万元", out var unit);
            var result = await new ImportFileHandler(db, TimeProvider.System).HandleAsync(new ImportRequest(kind, file, unit, null, User: "test"), Ct);
            Assert.True(result.Errors == 0, string.Join("; ", result.Findings.Take(5)));
            Assert.Equal(count, result.Inserted);
        }
        await WaitForReplayAsync(primary, replica);

        var readDb = $"Host=127.0.0.1:{primary.Port.ToString(CultureInfo.InvariantCulture)},127.0.0.1:{replica.Port.ToString(CultureInfo.InvariantCulture)};" +
            "Username=postgres;Password=cluster-test;Database=rdinvest;Timeout=5";
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("db", target.ConnectionString);
            b.UseSetting("read-db", readDb);
            b.UseEnvironment("Production");
        });
        string token;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<RdInvestDb>();
            await new AddUserHandler(sp.GetRequiredService<UserManager<AppUser>>(), db, TimeProvider.System)
                .HandleAsync(new AddUserRequest("analyst", Roles.RegionAnalyst, null, Api.ApiHost.TestPassword), Actor.Cli("test"), Ct);
            token = (await new IssueTokenHandler(db, TimeProvider.System).HandleAsync("analyst", null, Actor.Cli("test"), Ct)).Token;

            // The read context of the host is a connection to the standby, the write context one to the primary.
            Assert.True(await InRecoveryAsync(sp.GetRequiredKeyedService<RdInvestDb>(ReadRouting.Key)));
            Assert.False(await InRecoveryAsync(db));
        }
        await WaitForReplayAsync(primary, replica);

        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var before = await ServerNowAsync(primary);
        using var fromReplica = await client.GetAsync(Url, Ct);
        Assert.Equal(HttpStatusCode.OK, fromReplica.StatusCode);
        var replicaBody = await fromReplica.Content.ReadAsStringAsync(Ct);

        // The request's reads ran on a connection of the host's read pool on the replica; none on the primary was used
        // (finding the standby among the hosts may leave an idle read-pool connection there, untouched since).
        Assert.True(await ReadPoolUsedSinceAsync(replica, before) > 0, "no read-pool connection was used on the replica");
        Assert.Equal(0, await ReadPoolUsedSinceAsync(primary, before));

        // The same request sent to the primary (a browser that has just written reads there) gives the same figures.
        using var onPrimary = new HttpRequestMessage(HttpMethod.Get, Url);
        onPrimary.Headers.Add("Cookie", Web.Routing.ReadReplicas.StickyCookie + "=1");
        using var fromPrimary = await client.SendAsync(onPrimary, Ct);
        Assert.Equal(HttpStatusCode.OK, fromPrimary.StatusCode);
        Assert.Equal(await fromPrimary.Content.ReadAsStringAsync(Ct), replicaBody);

        using var json = JsonDocument.Parse(replicaBody);
        // The 40 imported records (1,001–1,040 万元 each) are in the figures the replica served.
        var rdTotal = json.RootElement.GetProperty("indicators").GetProperty("rd_total").GetProperty("value").GetDecimal();
        Assert.True(rdTotal > 400_000_000m, $"rd_total {rdTotal}");
    }

    private static async Task<PgCluster> StartReplicaAsync(PgCluster primary)
    {
        var dir = Directory.CreateTempSubdirectory("rdinvest-pgreplica-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
                | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        await primary.ChownAsync(dir);
        await primary.RunAsync($"PGPASSWORD=cluster-test {primary.Bin}/pg_basebackup -h 127.0.0.1 -p {primary.Port.ToString(CultureInfo.InvariantCulture)} " +
            $"-U postgres -D {dir}/data -R -X stream -c fast");
        return await PgCluster.StartFromAsync(primary.Bin, dir);
    }

    private static async Task WaitForReplayAsync(PgCluster primary, PgCluster replica)
    {
        string lsn;
        await using (var p = new NpgsqlConnection(primary.ConnectionString("rdinvest")))
        {
            await p.OpenAsync(Ct);
            await using var cmd = new NpgsqlCommand("SELECT pg_current_wal_lsn()::text", p);
            lsn = (string)(await cmd.ExecuteScalarAsync(Ct))!;
        }
        var deadline = DateTime.UtcNow.AddSeconds(60);
        await using var r = new NpgsqlConnection(replica.ConnectionString("postgres"));
        await r.OpenAsync(Ct);
        while (true)
        {
            await using var cmd = new NpgsqlCommand("SELECT pg_is_in_recovery() AND coalesce(pg_last_wal_replay_lsn() >= @lsn::pg_lsn, false)", r);
            cmd.Parameters.AddWithValue("lsn", lsn);
            if ((bool)(await cmd.ExecuteScalarAsync(Ct))!)
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, $"the replica did not replay up to {lsn} within 60 s");
            await Task.Delay(100, Ct);
        }
    }

    private static async Task<bool> InRecoveryAsync(RdInvestDb db) =>
        (await db.Database.SqlQueryRaw<bool>("SELECT pg_is_in_recovery() AS \"Value\"").ToListAsync(Ct)).Single();

    private static async Task<DateTime> ServerNowAsync(PgCluster server)
    {
        await using var c = new NpgsqlConnection(server.ConnectionString("postgres"));
        await c.OpenAsync(Ct);
        await using var cmd = new NpgsqlCommand("SELECT clock_timestamp()", c);
        return (DateTime)(await cmd.ExecuteScalarAsync(Ct))!;
    }

    /// <summary>Connections of the host's read pool on a server that ran a statement since a moment (both servers share this machine's clock).</summary>
    private static async Task<long> ReadPoolUsedSinceAsync(PgCluster server, DateTime since)
    {
        await using var c = new NpgsqlConnection(server.ConnectionString("postgres"));
        await c.OpenAsync(Ct);
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = @a AND query_start >= @t", c);
        cmd.Parameters.AddWithValue("a", ReadRouting.ApplicationName);
        cmd.Parameters.AddWithValue("t", since);
        return (long)(await cmd.ExecuteScalarAsync(Ct))!;
    }
}
