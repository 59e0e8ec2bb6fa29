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
            // The demo's accounts and released notification are built just after the host starts listening (the PDF's
            // Chromium takes the CPU for a few seconds), so a first request may be slow: a slow answer is retried.
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
            var sw = Stopwatch.StartNew();
            HttpResponseMessage? response = null;
            while (sw.Elapsed < TimeSpan.FromSeconds(60) && !p.HasExited)
            {
                try
                {
                    response = await http.GetAsync(url + "/", TestContext.Current.CancellationToken);
                    break;
                }
                catch (Exception e) when (e is HttpRequestException
                    || (e is TaskCanceledException && !TestContext.Current.CancellationToken.IsCancellationRequested))
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
