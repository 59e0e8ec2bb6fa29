using System.Net;
using RdInvest.Accounts;
using Xunit;
using static RdInvest.IntegrationTests.Api.ApiHost;

namespace RdInvest.IntegrationTests.Api;

/// <summary>Changes a process-wide variable, so it runs alone.</summary>
[CollectionDefinition(nameof(ReportAssetTests), DisableParallelization = true)]
public sealed class ReportAssetCollection;

/// <summary>A report tool missing on the server is a 503 "not installed" problem, not the user's 400.</summary>
[Collection(nameof(ReportAssetTests))]
public sealed class ReportAssetTests
{
    [Fact]
    public async Task DownloadPdf_ChromiumMissing_Is503NotInstalled()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await CreateAsync();
        using var c = host.Client(Roles.RegionAdmin);
        var before = Environment.GetEnvironmentVariable("RDINVEST_CHROMIUM");
        Environment.SetEnvironmentVariable("RDINVEST_CHROMIUM", "/nonexistent/chromium");
        try
        {
            using var r = await c.GetAsync($"/api/v1/notifications/{DraftNotification}/download?format=pdf", ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode);
            var p = await ReadAsync(r);
            Assert.Contains("Chromium", p.GetProperty("detail_en").GetString(), StringComparison.Ordinal);
            Assert.Contains("Chromium", p.GetProperty("detail_zh").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("RDINVEST_CHROMIUM", before);
        }
    }
}
