using System.Net;
using System.Text;
using RdInvest.Accounts;
using Xunit;
using static RdInvest.IntegrationTests.Api.ApiHost;

namespace RdInvest.IntegrationTests.Api;

public sealed class ImportAuditTests
{
    [Fact]
    public async Task Import_ThroughTheApi_IsAuditedWithTheFileHashAndTheChainStaysIntact()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await CreateAsync();
        using var c = host.Client(Roles.RegionAnalyst);
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes($"division_code,year,rd_total\n{CountyIn},2023,12.5\n{CountyOut},2023,7\n")), "file", "figures-2023.csv");
        // ?dry_run=true validates and counts but writes nothing: the figures are still absent afterwards.
        using (var dry = await c.PostAsync("/api/v1/imports/division-figures?dry_run=true", form, ct))
        {
            Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
            var body = await ReadAsync(dry);
            Assert.True(body.GetProperty("dry_run").GetBoolean());
            Assert.False(body.GetProperty("written").GetBoolean());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync($"/api/v1/divisions/{CountyIn}/figures/2023", ct)).StatusCode);
        using var r = await c.PostAsync("/api/v1/imports/division-figures", form, ct);
        var report = await r.Content.ReadAsStringAsync(ct);
        Assert.True(r.StatusCode == HttpStatusCode.OK, report);
        using var auditor = host.Client(Roles.Auditor);
        var entries = await ReadAsync(await auditor.GetAsync("/api/v1/audit?take=50", ct));
        var imported = entries.EnumerateArray().Where(e => e.GetProperty("source_file").GetString() == "figures-2023.csv").ToList();
        Assert.NotEmpty(imported);
        Assert.All(imported, e => Assert.Equal(64, e.GetProperty("source_sha256").GetString()!.Length));
        Assert.All(imported, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("hash").GetString())));
        var verify = await ReadAsync(await auditor.GetAsync("/api/v1/audit/verify", ct));
        Assert.True(verify.GetProperty("intact").GetBoolean(), verify.ToString());
        Assert.Equal(0, verify.GetProperty("unsealed").GetInt64());
    }
}
