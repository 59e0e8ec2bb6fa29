using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RdInvest.Accounts;
using RdInvest.Auditing;
using RdInvest.IntegrationTests.Api;
using Xunit;
using static RdInvest.IntegrationTests.Api.ApiHost;

namespace RdInvest.IntegrationTests.Security;

/// <summary>Refusals and exports are audited by one middleware; the audit log exports as JSON Lines an archive can verify.</summary>
public sealed class AccessAuditTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Refusal_OnApiAndPage_IsAuditedOnce_RepeatsFolded()
    {
        await using var host = await CreateAsync();
        using var county = host.Client(Roles.CountyOfficer);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await county.GetAsync("/api/v1/audit?take=5", Ct)).StatusCode);
        }
        // A scope refusal from the handler side (a write outside the officer's county) counts as well.
        Assert.Equal(HttpStatusCode.Forbidden, (await county.PutAsync($"/api/v1/units/{UnitOut}", System.Net.Http.Json.JsonContent.Create(new { }), Ct)).StatusCode);
        using var page = await PageForms.SessionAsync(host, "finance", TestPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await page.GetAsync("/users", Ct)).StatusCode);

        await using var db = host.Database.Open();
        // The refusal is audited as the response leaves the pipeline: the client may have its answer a moment before.
        var denied = new List<RdInvest.Data.AuditEntry>();
        for (var i = 0; i < 100 && denied.Count < 3; i++)
        {
            await Task.Delay(i == 0 ? 0 : 50, Ct);
            denied = await db.Audit.AsNoTracking().Where(a => a.Action == "access.denied").ToListAsync(Ct);
        }
        denied = [.. denied.OrderBy(a => a.EntityKey, StringComparer.Ordinal)];
        Assert.Equal(["county-officer", "finance", "county-officer"], denied.Select(a => a.Actor));
        Assert.Equal(["GET /api/v1/audit", "GET /users", $"PUT /api/v1/units/{UnitOut}"], denied.Select(a => a.EntityKey));
        Assert.Contains("county_officer", denied[0].NewValues, StringComparison.Ordinal);
        Assert.All(denied, a => Assert.NotNull(a.RequestId));
        Assert.True((await AuditChain.VerifyAsync(db, Ct)).Intact);
    }

    [Fact]
    public async Task Export_OfEnterpriseData_IsAuditedWithWhoAndWhat()
    {
        await using var host = await CreateAsync();
        using var finance = host.Client(Roles.Finance);
        using var r = await finance.GetAsync("/api/v1/subsidy-rounds/1/payments?format=csv", Ct);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        await using var db = host.Database.Open();
        var entry = await db.Audit.SingleAsync(a => a.Action == "data.export", Ct);
        Assert.Equal("finance", entry.Actor);
        Assert.Equal("GET /api/v1/subsidy-rounds/1/payments", entry.EntityKey);
        Assert.Contains("format=csv", entry.NewValues, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditExport_ApiAndCli_EveryLineVerifiesAndLinks_TheExportIsAudited()
    {
        await using var host = await CreateAsync();
        using var auditor = host.Client(Roles.Auditor);
        using var r = await auditor.GetAsync("/api/v1/audit/export?from=2020-01-01", Ct);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("application/x-ndjson", r.Content.Headers.ContentType!.MediaType);
        var lines = (await r.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= Roles.All.Count * 2, $"only {lines.Length} lines");
        Verify(lines);

        var file = Path.Combine(Path.GetTempPath(), $"audit-{Guid.NewGuid():N}.jsonl");
        try
        {
            var cli = await CliRunner.RunAsync(host.Database.DbArgument, "audit", "export", "--from", "2020-01-01", "--to", "2099-12-31", "--out", file);
            Assert.Equal(0, cli.ExitCode);
            var fromCli = await File.ReadAllLinesAsync(file, Ct);
            Verify(fromCli);
            // The API's export was audited, so the CLI's holds one more entry than the API's.
            Assert.Equal(lines.Length + 1, fromCli.Length);
            Assert.Contains("\"action\":\"audit.export\"", fromCli[^1], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
        // Backwards dates: 400 naming the field.
        using var backwards = await auditor.GetAsync("/api/v1/audit/export?from=2024-06-30&to=2024-01-01", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
    }

    /// <summary>What an external archive does: recompute each hash from its canonical text and check each link.</summary>
    private static void Verify(IReadOnlyList<string> lines)
    {
        string? previous = null;
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            var e = doc.RootElement;
            var prev = e.GetProperty("prev_hash").GetString();
            var canonical = e.GetProperty("canonical").GetString()!;
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes((prev ?? "") + "\n" + canonical)));
            Assert.Equal(e.GetProperty("hash").GetString(), hash);
            if (previous is not null)
            {
                Assert.Equal(previous, prev);
            }
            previous = hash;
        }
    }
}
