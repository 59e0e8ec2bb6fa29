using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using RdInvest.Auditing;
using RdInvest.Backup;
using RdInvest.Common;
using RdInvest.Importing;
using Xunit;

namespace RdInvest.IntegrationTests.Fuzz;

/// <summary>
/// Property-based fuzzing of every importer through the real import path into a real database: each generated file
/// (see <see cref="ImportInputs"/>) must end in a clear error in Chinese and English or a correct import — no other
/// exception, nothing past the time bound, and nothing written when the import is refused, a dry run, or unchanged
/// (every table compared by checksum, the import log and the audit log aside). The number of inputs is
/// <c>RDINVEST_FUZZ_INPUTS</c> (a short run by default; <c>scripts/fuzz.sh</c> runs the long one). Inputs that crash
/// are kept under <c>artifacts/fuzz-crashes/</c>; moved into <c>tests/RdInvest.IntegrationTests/Fuzz/regressions/</c>
/// (named <c>KIND.anything.EXT</c>) they run every time.
/// </summary>
public sealed class ImportFuzzTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    static ImportFuzzTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static int Inputs =>
        int.TryParse(Environment.GetEnvironmentVariable("RDINVEST_FUZZ_INPUTS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n : TestDatabase.IsPostgres ? 150 : 400;

    private sealed class Stats
    {
        public long Inputs;
        public long Written;
        public long NotWritten;
        public long Refused;
        public long Checked;
        public TimeSpan Slowest;
        public readonly List<string> Failures = [];
    }

    [Fact]
    public async Task Fuzz_EveryImporter_EndsInAClearErrorOrACorrectImport_NeverACrashAHangOrAPartialWrite()
    {
        await using var t = await TestDatabase.CreateAsync();
        await t.InitAsync();
        var dir = Directory.CreateTempSubdirectory("rdinvest-fuzz-");
        var stats = new Stats();
        var clock = Stopwatch.StartNew();
        try
        {
            var regressions = Path.Combine(RepoPaths.Root, "tests", "RdInvest.IntegrationTests", "Fuzz", "regressions");
            foreach (var file in (Directory.Exists(regressions) ? Directory.GetFiles(regressions) : []).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                await RunOneAsync(t, dir.FullName, new ImportInput(name[..name.IndexOf('.', StringComparison.Ordinal)], Path.GetExtension(file),
                    await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken), "regression " + name, false), stats);
            }
            var property = Prop.ForAll(ImportInputs.Any.ToArbitrary(), input =>
            {
                RunOneAsync(t, dir.FullName, input, stats).GetAwaiter().GetResult();
                return true;
            });
            Check.One(Config.Quick.WithMaxTest(Inputs).WithQuietOnSuccess(true), property);
            await using (var db = t.Open())
            {
                var verify = await AuditChain.VerifyAsync(db, TestContext.Current.CancellationToken);
                Assert.True(verify.Intact, verify.ReasonEn);
            }
        }
        finally
        {
            dir.Delete(recursive: true);
            var summary = JsonSerializer.Serialize(new
            {
                provider = TestDatabase.IsPostgres ? "postgresql" : "sqlite",
                inputs = stats.Inputs,
                written = stats.Written,
                not_written = stats.NotWritten,
                refused_with_error = stats.Refused,
                compared_by_checksum = stats.Checked,
                failures = stats.Failures.Count,
                slowest_seconds = Math.Round(stats.Slowest.TotalSeconds, 2),
                seconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
            });
            TestContext.Current.SendDiagnosticMessage("import fuzz: " + summary);
            var outDir = Path.Combine(RepoPaths.Root, "artifacts", "fuzz");
            Directory.CreateDirectory(outDir);
            await File.AppendAllTextAsync(Path.Combine(outDir, "summary.jsonl"), summary + "\n", TestContext.Current.CancellationToken);
        }
        Assert.True(stats.Failures.Count == 0, string.Join("\n", stats.Failures.Take(20)));
        Assert.True(stats.Inputs >= Inputs, $"only {stats.Inputs} inputs ran");
    }

    private static async Task RunOneAsync(TestDatabase t, string dir, ImportInput input, Stats stats)
    {
        var n = Interlocked.Increment(ref stats.Inputs);
        var path = Path.Combine(dir, "input" + input.Extension);
        await File.WriteAllBytesAsync(path, input.Bytes, TestContext.Current.CancellationToken);
        // Comparing every table costs more than most imports: one input in five, and every refused one is still checked
        // for a clear message.
        var check = n % 5 == 0;
        var before = check ? await ChecksumsAsync(t) : null;
        using var cts = new CancellationTokenSource(Bound);
        var sw = Stopwatch.StartNew();
        bool written;
        try
        {
            await using var db = t.Open();
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
        if (sw.Elapsed > stats.Slowest)
        {
            stats.Slowest = sw.Elapsed;
        }
        if (before is not null && !written)
        {
            stats.Checked++;
            var after = await ChecksumsAsync(t);
            var changed = before.Where(kv => !after.TryGetValue(kv.Key, out var a) || a != kv.Value).Select(kv => kv.Key).ToList();
            if (changed.Count > 0)
            {
                Fail(stats, input, "nothing should be written, but these tables changed: " + string.Join(", ", changed));
            }
        }
    }

    /// <summary>Every table but the import log and the audit log, which record refused and unchanged imports by design.</summary>
    private static async Task<Dictionary<string, TableChecksum>> ChecksumsAsync(TestDatabase t)
    {
        await using var db = t.Open();
        return (await TableChecksums.ComputeAsync(db, CancellationToken.None))
            .Where(kv => !kv.Key.StartsWith("import_run", StringComparison.Ordinal) && !kv.Key.StartsWith("audit", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
    }

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
