using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Xunit;

namespace RdInvest.IntegrationTests.Api;

public sealed class ServeOpenApiTests
{
    [Fact]
    public async Task Serve_OpenApiDocument_ListsEveryApiEndpointAndUnitsNeedSignIn()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var t = await TestDatabase.CreateAsync();
        int port;
        using (var l = new TcpListener(IPAddress.Loopback, 0))
        {
            l.Start();
            port = ((IPEndPoint)l.LocalEndpoint).Port;
        }
        var url = $"http://127.0.0.1:{port}";
        using var p = Process.Start(CliRunner.StartInfo(t.DbArgument, "serve", "--urls", url))!;
        _ = p.StandardOutput.ReadToEndAsync(ct);
        var stderr = p.StandardError.ReadToEndAsync(ct);
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            string? json = null;
            var sw = Stopwatch.StartNew();
            while (json is null && sw.Elapsed < TimeSpan.FromSeconds(60) && !p.HasExited)
            {
                try
                {
                    json = await http.GetStringAsync(url + "/openapi/v1.json", ct);
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(250, ct);
                }
            }
            Assert.False(p.HasExited, "serve exited: " + (p.HasExited ? await stderr : ""));
            Assert.NotNull(json);
            var paths = JsonDocument.Parse(json).RootElement.GetProperty("paths").EnumerateObject().Select(x => x.Name).ToList();
            foreach (var expected in new[]
            {
                "/api/v1/units", "/api/v1/units/{creditCode}/records/{year}", "/api/v1/divisions/{code}/figures/{year}",
                "/api/v1/indicators/{code}/{year}", "/api/v1/progress/{code}/{year}", "/api/v1/reconcile/{year}",
                "/api/v1/rules/{rule}/calc", "/api/v1/subsidy-rounds/preview/{year}", "/api/v1/subsidy-rounds/{id}/approve", "/api/v1/rules/{rule}/batch", "/api/v1/approvals/{county}/{year}/finalise",
                "/api/v1/approvals/league-cities/{code}/{year}/approve", "/api/v1/users/{name}/tokens", "/api/v1/audit/verify",
                "/api/v1/imports/{kind}", "/api/v1/parks/evaluation/{year}", "/api/v1/assessment/{year}", "/api/v1/notifications/{id}/download",
            })
            {
                Assert.Contains(paths, x => x.TrimEnd('/') == expected);
            }
            using var units = await http.GetAsync(url + "/api/v1/units", ct);
            Assert.Equal(HttpStatusCode.Unauthorized, units.StatusCode);
        }
        finally
        {
            if (!p.HasExited)
            {
                p.Kill(entireProcessTree: true);
                await p.WaitForExitAsync(ct);
            }
        }
    }
}
