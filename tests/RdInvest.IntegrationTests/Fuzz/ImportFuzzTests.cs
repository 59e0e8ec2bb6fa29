using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.FSharp.Core;
using RdInvest.Auditing;
using RdInvest.Backup;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Importing;
using Xunit;

namespace RdInvest.IntegrationTests.Fuzz;

/// <summary>
/// Property-based fuzzing of every importer through the real import path into a real database: each generated file
/// (see <see cref="ImportInputs"/>) must end in a clear error in Chinese and English or a correct import — no other
/// exception, nothing past the time bound, and nothing written when the import is refused, a dry run, or unchanged
/// (every such input checked by <see cref="WriteDetector"/>, one in a thousand also by full table checksums; the import
/// log and the audit log aside). The seed is printed in the summary and replayed with <c>RDINVEST_FUZZ_SEED</c>. The number of inputs is
/// <c>RDINVEST_FUZZ_INPUTS</c> (a short run by default; <c>scripts/fuzz.sh</c> runs the long one). Inputs that crash
/// are kept under <c>artifacts/fuzz-crashes/</c>; moved into <c>tests/RdInvest.IntegrationTests/Fuzz/regressions/</c>
/// (named <c>KIND.anything.EXT</c>) they run every time.
/// </summary>
public sealed partial class ImportFuzzTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    static ImportFuzzTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static int Inputs => Env("RDINVEST_FUZZ_INPUTS") ?? (TestDatabase.IsPostgres ? 150 : 400);

    /// <summary>FsCheck's size parameter grows from 1 to this over the run, whatever the number of inputs.</summary>
    private const int EndSize = 100;

    /// <summary>Full table checksums (every table, every row) also compare one input in this many (the first one too, so a
    /// short run has it), as a cross-check of the write detector.</summary>
    private const int ChecksumEvery = 1000;

    private static int? Env(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private sealed class Stats
    {
        public long Inputs;
        public long Written;
        public long NotWritten;
        public long Refused;
        public long Detected;
        public long Checked;
        public TimeSpan Slowest;
        public readonly List<string> Failures = [];
        public readonly Dictionary<string, TimeSpan> Phases = new(StringComparer.Ordinal);
        public readonly Dictionary<string, (long Count, TimeSpan Time)> ByInput = new(StringComparer.Ordinal);

        public void Add(string phase, TimeSpan time) => Phases[phase] = Phases.GetValueOrDefault(phase) + time;
    }

    private sealed record Run(DbTarget Db, WriteDetector Detector, string Dir, Stats Stats, ulong Seed, string Commit, Stopwatch Clock, string? Progress);

    [Fact]
    public async Task Fuzz_EveryImporter_EndsInAClearErrorOrACorrectImport_NeverACrashAHangOrAPartialWrite()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var t = await TestDatabase.CreateAsync();
        await t.InitAsync();
        await using var detector = await WriteDetector.InstallAsync(t, ct);
        var dir = Directory.CreateTempSubdirectory("rdinvest-fuzz-");
        var stats = new Stats();
        var seed = ulong.TryParse(Environment.GetEnvironmentVariable("RDINVEST_FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            ? s : (ulong)Random.Shared.NextInt64(1, int.MaxValue);
        var outDir = Path.Combine(RepoPaths.Root, "artifacts", "fuzz");
        Directory.CreateDirectory(outDir);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        // Pooled connections (the CLI's and the web host's turn pooling off): opening an unpooled SQLite connection parses
        // the whole schema again, a fixed cost larger than most imports. Each import still gets its own context,
        // connection and transaction; the stage table is dropped and recreated by every import.
        var target = TestDatabase.IsPostgres ? t.Target
            : t.Target with { ConnectionString = new SqliteConnectionStringBuilder(t.Target.ConnectionString) { Pooling = true }.ToString() };
        var run = new Run(target, detector, dir.FullName, stats, seed, Commit(), Stopwatch.StartNew(), Path.Combine(outDir, "summary.jsonl.progress"));
        try
        {
            var regressions = Path.Combine(RepoPaths.Root, "tests", "RdInvest.IntegrationTests", "Fuzz", "regressions");
            foreach (var file in (Directory.Exists(regressions) ? Directory.GetFiles(regressions) : []).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                await RunOneAsync(run, new ImportInput(name[..name.IndexOf('.', StringComparison.Ordinal)], Path.GetExtension(file),
                    await File.ReadAllBytesAsync(file, ct), "regression " + name, false));
            }
            var between = Stopwatch.StartNew();
            var property = Prop.ForAll(ImportInputs.Any.ToArbitrary(), input =>
            {
                stats.Add("generate", between.Elapsed);
                RunOneAsync(run, input).GetAwaiter().GetResult();
                between.Restart();
                return true;
            });
            // A fixed seed (printed in the summary; RDINVEST_FUZZ_SEED replays it) makes a run reproducible.
            Check.One(Config.Quick.WithMaxTest(Inputs).WithEndSize(EndSize).WithQuietOnSuccess(true)
                .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed), FSharpOption<int>.None))), property);
            await using (var db = t.Open())
            {
                var verify = await AuditChain.VerifyAsync(db, ct);
                Assert.True(verify.Intact, verify.ReasonEn);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
            // CPU seconds tell the rate a quiet machine would see (one core per worker) when the machine is shared.
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var summary = JsonSerializer.Serialize(new
            {
                provider = TestDatabase.IsPostgres ? "postgresql" : "sqlite",
                worker = Environment.GetEnvironmentVariable("RDINVEST_FUZZ_WORKER") ?? "1",
                inputs = stats.Inputs,
                written = stats.Written,
                not_written = stats.NotWritten,
                refused_with_error = stats.Refused,
                checked_by_write_detector = stats.Detected,
                compared_by_checksum = stats.Checked,
                failures = stats.Failures.Count,
                slowest_seconds = Math.Round(stats.Slowest.TotalSeconds, 2),
                seconds = Math.Round(run.Clock.Elapsed.TotalSeconds, 1),
                inputs_per_second = Math.Round(stats.Inputs / Math.Max(0.001, run.Clock.Elapsed.TotalSeconds), 1),
                cpu_seconds = Math.Round(cpuSeconds, 1),
                inputs_per_cpu_second = Math.Round(stats.Inputs / Math.Max(0.001, cpuSeconds), 1),
                seed = seed.ToString(CultureInfo.InvariantCulture),
                end_size = EndSize,
                commit = run.Commit,
                seconds_by_phase = stats.Phases.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => Math.Round(p.Value.TotalSeconds, 1)),
                seconds_by_input = stats.ByInput.OrderByDescending(p => p.Value.Time).ToDictionary(p => p.Key,
                    p => new { count = p.Value.Count, seconds = Math.Round(p.Value.Time.TotalSeconds, 1) }),
            });
            TestContext.Current.SendDiagnosticMessage("import fuzz: " + summary);
            await File.AppendAllTextAsync(Path.Combine(outDir, "summary.jsonl"), summary + "\n", ct);
        }
        Assert.True(stats.Failures.Count == 0, string.Join("\n", stats.Failures.Take(20)));
        Assert.True(stats.Inputs >= Inputs, $"only {stats.Inputs} inputs ran");
        Assert.True(stats.Detected == stats.NotWritten + stats.Refused, $"{stats.NotWritten + stats.Refused} inputs wrote nothing, {stats.Detected} checked");
    }

    private static async Task RunOneAsync(Run run, ImportInput input)
    {
        var stats = run.Stats;
        var n = Interlocked.Increment(ref stats.Inputs);
        var phase = Stopwatch.StartNew();
        var path = Path.Combine(run.Dir, "input" + input.Extension);
        File.WriteAllBytes(path, input.Bytes);
        stats.Add("write file", phase.Elapsed);
        phase.Restart();
        // Every input that writes nothing is checked by the write detector; one in ChecksumEvery also by full checksums.
        var before = await run.Detector.ReadAsync(CancellationToken.None);
        var full = n % ChecksumEvery == 1 ? await ChecksumsAsync(run.Db) : null;
        stats.Add("check", phase.Elapsed);
        using var cts = new CancellationTokenSource(Bound);
        var sw = Stopwatch.StartNew();
        bool written;
        try
        {
            await using var db = run.Db.CreateContext();
            var result = await new ImportFileHandler(db, TimeProvider.System)
                .HandleAsync(new ImportRequest(input.Kind, path, DryRun: input.DryRun), cts.Token);
            written = result.Written;
            if (written)
            {
                stats.Written++;
            }
            else
            {
                stats.NotWritten++;
            }
            if (result.Errors > 0 && result.Findings.All(f => f.Severity != Severity.Error))
            {
                Fail(stats, input, $"{result.Errors} errors counted but no error finding");
            }
        }
        catch (UserError e)
        {
            written = false;
            stats.Refused++;
            if (string.IsNullOrWhiteSpace(e.MessageZh) || string.IsNullOrWhiteSpace(e.MessageEn) || e.MessageEn.Contains("   at ", StringComparison.Ordinal))
            {
                Fail(stats, input, $"unclear error: {e.MessageZh} / {e.MessageEn}");
            }
        }
        catch (Exception e)
        {
            Fail(stats, input, $"{e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            return;
        }
        var took = sw.Elapsed;
        stats.Add("import", took);
        var key = Digits().Replace(input.How, "N");
        var (count, time) = stats.ByInput.GetValueOrDefault(key);
        stats.ByInput[key] = (count + 1, time + took);
        if (took > stats.Slowest)
        {
            stats.Slowest = took;
        }
        phase.Restart();
        if (written)
        {
            // The detector must see every write an import reports, or its silence after the others would prove nothing.
            var after = await run.Detector.ReadAsync(CancellationToken.None);
            if (after == before)
            {
                Fail(stats, input, $"the import wrote, but the write detector saw nothing ({before})");
            }
        }
        else
        {
            stats.Detected++;
            var after = await run.Detector.ReadAsync(CancellationToken.None);
            if (after != before)
            {
                Fail(stats, input, $"nothing should be written, but the watched tables saw writes (write detector {before} → {after})");
            }
            if (full is not null)
            {
                stats.Checked++;
                var now = await ChecksumsAsync(run.Db);
                var changed = full.Where(kv => !now.TryGetValue(kv.Key, out var a) || a != kv.Value).Select(kv => kv.Key).ToList();
                if (changed.Count > 0)
                {
                    Fail(stats, input, "nothing should be written, but these tables changed: " + string.Join(", ", changed));
                }
            }
        }
        stats.Add("check", phase.Elapsed);
        if (run.Progress is not null && n % (Env("RDINVEST_FUZZ_PROGRESS_EVERY") ?? 10_000) == 0)
        {
            // A long run cut short still leaves how far it came.
            await File.AppendAllTextAsync(run.Progress, JsonSerializer.Serialize(new
            {
                provider = TestDatabase.IsPostgres ? "postgresql" : "sqlite",
                worker = Environment.GetEnvironmentVariable("RDINVEST_FUZZ_WORKER") ?? "1",
                inputs = n,
                failures = stats.Failures.Count,
                seconds = Math.Round(run.Clock.Elapsed.TotalSeconds, 1),
                seed = run.Seed.ToString(CultureInfo.InvariantCulture),
                commit = run.Commit,
            }) + "\n", CancellationToken.None);
        }
    }

    /// <summary>Every table but the import log and the audit log, which record refused and unchanged imports by design.</summary>
    private static async Task<Dictionary<string, TableChecksum>> ChecksumsAsync(DbTarget t)
    {
        await using var db = t.CreateContext();
        return (await TableChecksums.ComputeAsync(db, CancellationToken.None))
            .Where(kv => !kv.Key.StartsWith("import_run", StringComparison.Ordinal) && !kv.Key.StartsWith("audit", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
    }

    /// <summary>The commit under test: RDINVEST_FUZZ_COMMIT (scripts/fuzz.sh sets it), else <c>git rev-parse HEAD</c>.</summary>
    private static string Commit()
    {
        if (Environment.GetEnvironmentVariable("RDINVEST_FUZZ_COMMIT") is { Length: > 0 } c)
        {
            return c;
        }
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse HEAD")
            {
                WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            });
            var head = git!.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? head : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();

    private static void Fail(Stats stats, ImportInput input, string what)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(input.Bytes))[..16];
        var dir = Path.Combine(RepoPaths.Root, "artifacts", "fuzz-crashes");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, $"{input.Kind}.{sha}{input.Extension}");
        File.WriteAllBytes(file, input.Bytes);
        File.WriteAllText(file + ".txt", $"{input.How}, dry run {input.DryRun}\n{what}\n");
        lock (stats.Failures)
        {
            stats.Failures.Add($"{input.Kind} {input.How} → {what.Split('\n')[0]} (kept as {file})");
        }
    }
}
