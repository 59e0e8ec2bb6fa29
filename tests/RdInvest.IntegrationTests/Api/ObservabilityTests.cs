using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RdInvest.Common;
using Xunit;

namespace RdInvest.IntegrationTests.Api;

/// <summary>Sign-ins audited and counted, import rows counted, and the web host's JSON log lines carrying the request id.</summary>
public sealed class ObservabilityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_EveryAttempt_IsAudited_AndFailuresAreCounted()
    {
        await using var host = await ApiHost.CreateAsync();
        var failures = new ConcurrentBag<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (i, l) =>
        {
            if (i.Meter.Name == RdMetrics.MeterName && i.Name == "rdinvest.signin.failures")
            {
                l.EnableMeasurementEvents(i);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var t in tags)
            {
                if (t.Key == "outcome")
                {
                    failures.Add((string)t.Value!);
                }
            }
        });
        listener.Start();

        using var client = host.Client(null);
        using var wrong = await client.PostAsJsonAsync("/api/v1/account/login", new { user_name = "auditor", password = "not-it" }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        using var right = await client.PostAsJsonAsync("/api/v1/account/login", new { user_name = "auditor", password = "Correct-horse-battery-9" }, Ct);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);

        Assert.Contains("wrong", failures);
        await using var db = host.Database.Open();
        var entries = await db.Audit.AsNoTracking().Where(a => a.Entity == "account" && a.EntityKey == "auditor").OrderBy(a => a.Id).ToListAsync(Ct);
        Assert.Equal(["account.signin.failed", "account.signin"], entries.Select(e => e.Action));
        Assert.Contains("\"outcome\":\"wrong\"", entries[0].NewValues, StringComparison.Ordinal);
        Assert.All(entries, e => Assert.False(string.IsNullOrEmpty(e.RequestId)));
        Assert.True((await RdInvest.Auditing.AuditChain.VerifyAsync(db, Ct)).Intact);
    }

    [Fact]
    public async Task Import_CountsItsRows()
    {
        await using var host = await ApiHost.CreateAsync();
        var rows = new ConcurrentBag<long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (i, l) =>
        {
            if (i.Meter.Name == RdMetrics.MeterName && i.Name == "rdinvest.import.rows")
            {
                l.EnableMeasurementEvents(i);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var t in tags)
            {
                if (t.Key == "kind" && (string)t.Value! == "division-figures")
                {
                    rows.Add(value);
                }
            }
        });
        listener.Start();
        using var client = host.Client(Accounts.Roles.RegionAnalyst);
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent("division_code,year,rd_total\n150102,2021,123\n150202,2021,456\n"u8.ToArray()), "file", "figures.csv" },
        };
        using var r = await client.PostAsync("/api/v1/imports/division-figures", form, Ct);
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync(Ct));
        Assert.Contains(2L, rows);
    }

    [Fact]
    public async Task Serve_WritesJsonLogLines_CarryingTheRequestIdOfTheProblemResponse()
    {
        await using var t = await TestDatabase.CreateAsync();
        int port;
        using (var l = new TcpListener(IPAddress.Loopback, 0))
        {
            l.Start();
            port = ((IPEndPoint)l.LocalEndpoint).Port;
        }
        var url = $"http://127.0.0.1:{port}";
        var lines = new ConcurrentQueue<string>();
        using var p = new Process { StartInfo = CliRunner.StartInfo(t.DbArgument, "serve", "--urls", url) };
        p.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lines.Enqueue(e.Data);
            }
        };
        p.Start();
        p.BeginOutputReadLine();
        _ = p.StandardError.ReadToEndAsync(Ct);
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var sw = Stopwatch.StartNew();
            HttpResponseMessage? response = null;
            while (response is null && sw.Elapsed < TimeSpan.FromSeconds(90) && !p.HasExited)
            {
                try
                {
                    response = await http.PostAsJsonAsync(url + "/api/v1/account/login", new { user_name = "nobody", password = "x" }, Ct);
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(250, Ct);
                }
            }
            Assert.NotNull(response);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            var requestId = problem.RootElement.GetProperty("request_id").GetString();
            Assert.False(string.IsNullOrEmpty(requestId));
            response.Dispose();

            JsonElement? line = null;
            for (var i = 0; i < 100 && line is null; i++)
            {
                line = lines.Where(x => x.StartsWith('{')).Select(x => JsonDocument.Parse(x).RootElement)
                    .Where(x => x.GetProperty("Message").GetString()!.Contains("sign-in refused", StringComparison.Ordinal))
                    .Select(x => (JsonElement?)x).FirstOrDefault();
                if (line is null)
                {
                    await Task.Delay(100, Ct);
                }
            }
            Assert.True(line is not null, "no JSON log line for the refused sign-in:\n" + string.Join("\n", lines));
            Assert.Equal("Warning", line.Value.GetProperty("LogLevel").GetString());
            var scopes = line.Value.GetProperty("Scopes").EnumerateArray().ToList();
            Assert.Contains(scopes, s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("RequestId", out var id) && id.GetString() == requestId);
        }
        finally
        {
            if (!p.HasExited)
            {
                p.Kill(entireProcessTree: true);
                await p.WaitForExitAsync(Ct);
            }
        }
    }
}
