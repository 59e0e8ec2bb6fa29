using System.Globalization;
using System.Text.Json;
using Xunit;

namespace RdInvest.IntegrationTests.Faults;

/// <summary>
/// The kill harness over every operation and pause point: one kill per point in CI; RDINVEST_KILLS=N for a long run
/// (scripts/kills.sh), its figures appended as JSON to RDINVEST_KILLS_REPORT when set.
/// </summary>
public sealed class KillHarnessTests
{
    [Fact]
    public async Task Kills_InsideEveryOperation_LeaveItWhollyBefore_AuditIntact_ReRunGivesTheSameResult()
    {
        var ct = TestContext.Current.CancellationToken;
        var points = KillScenario.All.Sum(s => s.Points.Count);
        var kills = int.TryParse(Environment.GetEnvironmentVariable("RDINVEST_KILLS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : points;
        var figures = await KillHarness.RunAsync(kills, ct);

        Assert.Equal(kills, figures.Kills);
        Assert.Equal(Math.Min(kills, points), figures.PerPoint.Count);
        Assert.Equal(kills, figures.AuditVerified);
        Assert.Equal(kills, figures.Reruns);
        var json = JsonSerializer.Serialize(figures);
        TestContext.Current.TestOutputHelper?.WriteLine(json);
        if (Environment.GetEnvironmentVariable("RDINVEST_KILLS_REPORT") is { Length: > 0 } report)
        {
            await File.AppendAllTextAsync(report, json + "\n", ct);
        }
    }
}
