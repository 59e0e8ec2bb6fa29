using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using RdInvest.Accounts;
using Xunit;
using static RdInvest.IntegrationTests.Api.ApiHost;

namespace RdInvest.IntegrationTests.Api;

public sealed class AuditApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task WriteSomeAsync(ApiHost host)
    {
        using var c = host.Client(Roles.RegionAdmin);
        for (var i = 1; i <= 3; i++)
        {
            using var r = await c.PutAsJsonAsync($"/api/v1/units/{UnitIn}/records/{Year}", new { year = Year, rd_total = 1000m * i, revision = i }, Ct);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }
    }

    private static async Task<(bool Intact, long? BrokenAtId)> VerifyAsync(ApiHost host)
    {
        using var c = host.Client(Roles.Auditor);
        var json = await ReadAsync(await c.GetAsync("/api/v1/audit/verify", Ct));
        return (json.GetProperty("intact").GetBoolean(), json.GetProperty("broken_at_id").ValueKind == System.Text.Json.JsonValueKind.Null ? null : json.GetProperty("broken_at_id").GetInt64());
    }

    [Fact]
    public async Task AuditVerify_UntouchedLog_IsIntactAndRecordsWhoAndWhat()
    {
        await using var host = await CreateAsync();
        await WriteSomeAsync(host);
        Assert.Equal((true, null), await VerifyAsync(host));
        using var c = host.Client(Roles.Auditor);
        var entries = await ReadAsync(await c.GetAsync("/api/v1/audit?entity=rd_record", Ct));
        Assert.Equal(3, entries.GetArrayLength());
        var latest = entries[0];
        Assert.Equal("region-admin", latest.GetProperty("actor").GetString());
        Assert.Equal("rd_record.update", latest.GetProperty("action").GetString());
        Assert.Contains("\"rd_total\":2000", latest.GetProperty("old_values").GetString(), StringComparison.Ordinal);
        Assert.Contains("\"rd_total\":3000", latest.GetProperty("new_values").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(latest.GetProperty("request_id").GetString()));
        var cli = await CliRunner.RunAsync(host.Database.DbArgument, "audit", "verify");
        Assert.Equal(0, cli.ExitCode);
    }

    [Fact]
    public async Task AuditVerify_EditedEntry_ReportsThatEntry()
    {
        await using var host = await CreateAsync();
        await WriteSomeAsync(host);
        long id;
        await using (var db = host.Database.Open())
        {
            var row = await db.Audit.Where(a => a.Entity == "rd_record").OrderBy(a => a.Id).FirstAsync(Ct);
            id = row.Id;
            row.NewValues = row.NewValues!.Replace("1000", "9000", StringComparison.Ordinal);
            await db.SaveChangesAsync(Ct);
        }
        Assert.Equal((false, id), await VerifyAsync(host));
        var cli = await CliRunner.RunAsync(host.Database.DbArgument, "audit", "verify");
        Assert.Equal(1, cli.ExitCode);
    }

    [Fact]
    public async Task AuditVerify_RemovedEntry_ReportsTheNextEntry()
    {
        await using var host = await CreateAsync();
        await WriteSomeAsync(host);
        long next;
        await using (var db = host.Database.Open())
        {
            var rows = await db.Audit.Where(a => a.Entity == "rd_record").OrderBy(a => a.Id).ToListAsync(Ct);
            next = rows[1].Id;
            db.Audit.Remove(rows[0]);
            await db.SaveChangesAsync(Ct);
        }
        Assert.Equal((false, next), await VerifyAsync(host));
    }

    [Fact]
    public async Task AuditVerify_NewestEntriesRemoved_CaughtOnlyWithTheAnchorKeptOutside()
    {
        await using var host = await CreateAsync();
        await WriteSomeAsync(host);
        var head = await CliRunner.RunAsync(host.Database.DbArgument, "audit", "head");
        Assert.Equal(0, head.ExitCode);
        var anchor = head.Stdout.Trim();
        Assert.Matches("^[0-9]+:[0-9a-f]{64}$", anchor);
        Assert.Equal(0, (await CliRunner.RunAsync(host.Database.DbArgument, "audit", "verify", "--anchor", anchor)).ExitCode);

        await using (var db = host.Database.Open())
        {
            // Remove the two newest entries: what remains is a consistent chain.
            var newest = await db.Audit.OrderByDescending(a => a.Seq).Take(2).ToListAsync(Ct);
            db.Audit.RemoveRange(newest);
            await db.SaveChangesAsync(Ct);
        }
        Assert.Equal((true, null), await VerifyAsync(host));
        var cli = await CliRunner.RunAsync(host.Database.DbArgument, "audit", "verify", "--anchor", anchor);
        Assert.Equal(1, cli.ExitCode);
        Assert.Contains("删除", cli.Stderr, StringComparison.Ordinal);
        using var c = host.Client(Roles.Auditor);
        var json = await ReadAsync(await c.GetAsync($"/api/v1/audit/verify?anchor={anchor}", Ct));
        Assert.False(json.GetProperty("intact").GetBoolean());
        Assert.Equal(long.Parse(anchor.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture), json.GetProperty("broken_at_seq").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, (await c.GetAsync("/api/v1/audit/verify?anchor=12:nothex", Ct)).StatusCode);
        Assert.Equal(2, (await CliRunner.RunAsync(host.Database.DbArgument, "audit", "verify", "--anchor", "x")).ExitCode);
    }

    [Fact]
    public async Task AuditApi_NoEndpoint_EditsOrDeletesEntries()
    {
        await using var host = await CreateAsync();
        using var c = host.Client(Roles.RegionAdmin);
        using var del = await c.DeleteAsync("/api/v1/audit", Ct);
        using var put = await c.PutAsJsonAsync("/api/v1/audit", new { }, Ct);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, del.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);
    }
}
