using System.Diagnostics;
using System.Globalization;
using RdInvest.Backup;
using RdInvest.Common;
using RdInvest.Data;
using Xunit;

namespace RdInvest.IntegrationTests.Faults;

/// <summary>What a kill run did: kills per scenario and point, the checks that ran after each, and how long it took.</summary>
public sealed record KillFigures(string Provider, int Kills, IReadOnlyDictionary<string, int> PerPoint, int AuditVerified, int AuditVerifiedByCommand, int AnalyticsChecked,
    bool AnalyticsAvailable, int Reruns, TimeSpan Elapsed, TimeSpan SlowestPause);

/// <summary>
/// SIGKILLs the real `rdinvest` process at pause points proven to be inside each operation (the process writes a marker
/// file when it reaches the point and waits; only then is it killed). After each kill: every table's checksum equals
/// the database before the operation, the audit chain verifies (the check `rdinvest audit verify` makes; the command
/// itself every tenth kill), `rdinvest analytics check` passes when the command
/// exists, and the operation run again finishes with the same outcome as the same operation never killed.
/// </summary>
public static class KillHarness
{
    public static async Task<KillFigures> RunAsync(int kills, CancellationToken ct)
    {
        var pairs = KillScenario.All.SelectMany(s => s.Points.Select(p => (Scenario: s, Point: p))).ToList();
        var clock = Stopwatch.StartNew();
        await using var template = await KillTemplate.CreateAsync(ct);
        var probe = await template.CloneAsync(ct);
        // `rdinvest analytics check` (the analytics tables equal a rebuild) counts once the command exists.
        var check = await CliRunner.RunAsync(probe, "analytics", "check");
        var analytics = !check.Stderr.Contains("'analytics'", StringComparison.Ordinal);
        Assert.True(!analytics || check.ExitCode == 0, "analytics check on the seed: " + check.Stderr);
        await template.DropAsync(probe);

        // The outcome of each operation never killed: what every re-run after a kill must reach.
        var reference = new Dictionary<string, (string Outcome, string Audit)>();
        foreach (var s in KillScenario.All)
        {
            var db = await template.CloneAsync(ct);
            string before;
            await using (var context = DbTarget.Parse(db).CreateContext())
            {
                before = await s.Outcome(context, ct);
            }
            await Ok(db, s.Args(template));
            await using (var context = DbTarget.Parse(db).CreateContext())
            {
                var outcome = await s.Outcome(context, ct);
                Assert.NotEqual(before, outcome);
                reference[s.Name] = (outcome, await KillScenario.AuditActions(context, ct));
            }
            await template.DropAsync(db);
        }

        var perPoint = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int verified = 0, cliVerified = 0, analysed = 0, reruns = 0;
        var slowest = TimeSpan.Zero;
        for (var k = 0; k < kills; k++)
        {
            var (scenario, point) = pairs[k % pairs.Count];
            var db = await template.CloneAsync(ct);
            var before = await ChecksumsAsync(db, ct);
            slowest = Max(slowest, await KillAtAsync(db, scenario.Args(template), point, Path.Combine(template.Dir, $"pause-{k}"), ct));

            var after = await ChecksumsAsync(db, ct);
            var changed = before.Keys.Where(t => !Equals(before[t], after.GetValueOrDefault(t))).ToList();
            Assert.True(changed.Count == 0, $"kill {k} of {scenario.Name} at {point} left tables changed: {string.Join(", ", changed)}");
            // The chain check `rdinvest audit verify` runs, in this process; the command itself on every tenth kill.
            await using (var context = DbTarget.Parse(db).CreateContext())
            {
                var chain = await Auditing.AuditChain.VerifyAsync(context, ct);
                Assert.True(chain.Intact, $"kill {k} of {scenario.Name} at {point}: audit chain broken: {chain.ReasonEn}");
            }
            if (k % 10 == 0)
            {
                await Ok(db, "audit", "verify");
                cliVerified++;
            }
            verified++;
            if (analytics)
            {
                await Ok(db, "analytics", "check");
                analysed++;
            }

            await Ok(db, scenario.Args(template));
            reruns++;
            await using (var context = DbTarget.Parse(db).CreateContext())
            {
                Assert.Equal(reference[scenario.Name].Outcome, await scenario.Outcome(context, ct));
                Assert.Equal(reference[scenario.Name].Audit, await KillScenario.AuditActions(context, ct));
            }
            await template.DropAsync(db);
            var key = scenario.Name + " @ " + point;
            perPoint[key] = perPoint.GetValueOrDefault(key) + 1;
            // A long run cut short still leaves how far it came: one line per kill that passed every check.
            if (Environment.GetEnvironmentVariable("RDINVEST_KILLS_REPORT") is { Length: > 0 } report)
            {
                await File.AppendAllTextAsync(report + ".progress",
                    $"{(TestDatabase.IsPostgres ? "PostgreSQL" : "SQLite")} kill {(k + 1).ToString(CultureInfo.InvariantCulture)} {key} passed at {clock.Elapsed:hh\\:mm\\:ss}\n", ct);
            }
        }
        return new KillFigures(TestDatabase.IsPostgres ? "PostgreSQL" : "SQLite", kills, perPoint, verified, cliVerified, analysed, analytics, reruns, clock.Elapsed, slowest);
    }

    /// <summary>Starts the command paused at the point, waits until the process says it is there, and SIGKILLs it.</summary>
    private static async Task<TimeSpan> KillAtAsync(string db, string[] args, string point, string marker, CancellationToken ct)
    {
        var start = CliRunner.StartInfo(db, args);
        start.Environment[PausePoints.AtVariable] = point;
        start.Environment[PausePoints.FileVariable] = marker;
        var waited = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        try
        {
            while (!File.Exists(marker) && !process.HasExited && waited.Elapsed < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(20, ct);
            }
            if (!File.Exists(marker) || process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"`rdinvest {string.Join(' ', args)}` never paused at {point} (exited: {process.HasExited}): {await Drain(stdout)}{await Drain(stderr)}");
            }
            var reached = waited.Elapsed;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(ct);
            Assert.NotEqual(0, process.ExitCode);
            File.Delete(marker);
            return reached;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task<string> Drain(Task<string> output) =>
        await Task.WhenAny(output, Task.Delay(TimeSpan.FromSeconds(1))) == output ? await output : "";

    private static async Task Ok(string db, params string[] args)
    {
        var r = await CliRunner.RunAsync(db, args);
        Assert.True(r.ExitCode == 0, $"rdinvest {string.Join(' ', args)} → {r.ExitCode.ToString(CultureInfo.InvariantCulture)}\n{r.Stdout}\n{r.Stderr}");
    }

    private static async Task<IReadOnlyDictionary<string, TableChecksum>> ChecksumsAsync(string db, CancellationToken ct)
    {
        await using var context = DbTarget.Parse(db).CreateContext();
        return await TableChecksums.ComputeAsync(context, ct);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
