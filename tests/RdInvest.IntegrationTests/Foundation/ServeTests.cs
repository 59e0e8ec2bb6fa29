using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace RdInvest.IntegrationTests.Foundation;

public sealed class ServeTests
{
    [Fact]
    public async Task ServeDemo_FreshDatabase_AnswersHomePageWithin60Seconds()
    {
        await using var t = await TestDatabase.CreateAsync();
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        using var p = Process.Start(CliRunner.StartInfo(t.DbArgument, "serve", "--demo", "--urls", url))!;
        var stderr = p.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        _ = p.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var sw = Stopwatch.StartNew();
            HttpResponseMessage? response = null;
            while (sw.Elapsed < TimeSpan.FromSeconds(60) && !p.HasExited)
            {
                try
                {
                    response = await http.GetAsync(url + "/", TestContext.Current.CancellationToken);
                    break;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(250, TestContext.Current.CancellationToken);
                }
            }
            Assert.False(p.HasExited, "serve exited: " + (p.HasExited ? await stderr : ""));
            Assert.NotNull(response);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Contains("研发投入", html, StringComparison.Ordinal);
        }
        finally
        {
            if (!p.HasExited)
            {
                p.Kill(entireProcessTree: true);
                await p.WaitForExitAsync(TestContext.Current.CancellationToken);
            }
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
