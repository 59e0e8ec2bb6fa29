using Microsoft.EntityFrameworkCore;
using System.Diagnostics;
using System.Globalization;
using RdInvest.Data;
using RdInvest.Importing;

namespace RdInvest.Bench;

/// <param name="Units">Units to generate (default 250,000).</param>
/// <param name="Years">Years of rd records per unit (default 4).</param>
/// <param name="Runs">Runs per figure; the median is reported.</param>
/// <param name="Data">Folder of the generated CSV (reused when it holds the same N × Y).</param>
/// <param name="PgAdmin">PostgreSQL admin connection string; null runs SQLite only.</param>
/// <param name="Phases">Also time one import in process, split into read+validate+stage and merge+audit+commit.</param>
/// <param name="Quick">A smoke run: whatever the sizes, every step once, no goals judged.</param>
/// <param name="Import">Time the import (else the rd file is loaded once, untimed, for the round).</param>
/// <param name="Round">Time the subsidy round.</param>
/// <param name="Only">sqlite or postgres: run on that database only.</param>
/// <param name="Notification">Time the annual notification PDF (every league/city) on the loaded database.</param>
public sealed record ScaleOptions(int Units, int Years, int Runs, string Data, string? PgAdmin, bool Phases, bool Quick, bool Import = true, bool Round = true,
    string? Only = null, bool Notification = true);

/// <summary>
/// `scale`: the national-scale figures in one run. Generates N units × Y years (<see cref="Generator"/>), then for each
/// database: the database's own load of the rd CSV into a bare table of the same columns (<c>sqlite3 .import --csv</c>,
/// <c>psql \copy … csv</c>), <c>rdinvest import rd</c> of the same file as a user runs it (a new process, wall time and
/// peak RSS from GNU time), the same file again (0 changed), and <c>rdinvest subsidy-round</c> over every enterprise.
/// </summary>
public static class ScaleBench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(ScaleOptions o)
    {
        var data = await GenerateAsync(o.Data, o.Units, o.Years);
        var cli = CliPath();
        Console.WriteLine(string.Create(Inv, $"machine: {Environment.ProcessorCount} cores, {MemoryGiB():F0} GiB, load average {LoadAverage()}"));
        Console.WriteLine(string.Create(Inv, $"data: {data.UnitCount:N0} units ({data.Enterprises:N0} enterprises) × {o.Years} years = {data.RdRows:N0} rd rows, " +
            $"{new FileInfo(data.Rd).Length / 1_000_000.0:F1} MB ({data.Rd})"));
        var providers = o.PgAdmin is null ? new[] { "sqlite" } : ["sqlite", "postgres"];
        foreach (var provider in providers.Where(p => o.Only is null || p == o.Only))
        {
            var work = Directory.CreateTempSubdirectory($"rdinvest-scale-{provider}-").FullName;
            await using var target = new ScaleTarget(provider, work, o.PgAdmin);
            Console.WriteLine();
            Console.WriteLine($"## {provider}");
            var baseline = new List<ProcessRun>();
            var first = new List<ProcessRun>();
            var again = new List<ProcessRun>();
            var units = new List<double>();
            DbTarget? last = null;
            for (var run = 0; o.Import && run < o.Runs; run++)
            {
                var (file, args, env) = await target.BaselineAsync(data);
                baseline.Add(await TimedProcess.RunCheckedAsync(file, args, env: env));
                last = await target.FreshAsync();
                units.Add(await ScaleTarget.PrepareAsync(last, data));
                first.Add(await TimedProcess.RunCheckedAsync("dotnet", [cli, "import", "rd", data.Rd, "--db", last.ConnectionString]));
                again.Add(await TimedProcess.RunCheckedAsync("dotnet", [cli, "import", "rd", data.Rd, "--db", last.ConnectionString]));
                Console.WriteLine(string.Create(Inv,
                    $"run {run + 1}: own load {baseline[^1].Seconds:F1} s, import {first[^1].Seconds:F1} s ({first[^1].PeakMb:F0} MB), again {again[^1].Seconds:F1} s, load average {LoadAverage()}"));
            }
            if (last is null)
            {
                last = await target.FreshAsync();
                await ScaleTarget.PrepareAsync(last, data);
                await TimedProcess.RunCheckedAsync("dotnet", [cli, "import", "rd", data.Rd, "--db", last.ConnectionString]);
            }
            var round = new List<ProcessRun>();
            for (var run = 0; o.Round && run < Math.Max(o.Runs, 3); run++)
            {
                var output = Path.Combine(work, "round.json");
                round.Add(await TimedProcess.RunCheckedAsync("dotnet",
                    [cli, "subsidy-round", "--year", (data.LastYear + 1).ToString(Inv), "--json", "--db", last.ConnectionString], output));
            }
            var notification = new List<ProcessRun>();
            for (var run = 0; o.Notification && run < Math.Max(o.Runs, 3); run++)
            {
                // Each run builds the document anew: the draft of the run before is removed, so nothing is reused.
                await using (var db = last.CreateContext())
                {
                    await db.Database.ExecuteSqlRawAsync("DELETE FROM notifications");
                }
                var pdf = Path.Combine(work, $"notification-{run}.pdf");
                notification.Add(await TimedProcess.RunCheckedAsync("dotnet",
                    [cli, "report", "notification", "--year", data.LastYear.ToString(Inv), "--out", pdf, "--force", "--db", last.ConnectionString]));
            }
            Console.WriteLine();
            if (o.Import)
            {
                PrintImport(o, data, provider, baseline, first, again, units);
            }
            if (notification.Count > 0)
            {
                var ns = TimedProcess.Median(notification.Select(r => r.Seconds));
                Console.WriteLine(string.Create(Inv, $"| `rdinvest report notification --year {data.LastYear} --out n.pdf` (12 leagues/cities, {data.RdRows:N0} rd rows), process start to exit, median of {notification.Count} | {ns:F2} s | CPU {TimedProcess.Median(notification.Select(r => r.CpuSeconds)):F2} s | peak {notification.Max(r => r.PeakMb):F0} MB | goal < 5 s: {(o.Quick ? "not judged (quick)" : ns < 5 ? "met" : $"missed by {ns - 5:F2} s")} |"));
            }
            if (o.Round)
            {
                var rs = TimedProcess.Median(round.Select(r => r.Seconds));
                Console.WriteLine(string.Create(Inv, $"| `rdinvest subsidy-round --year {data.LastYear + 1} --json` over {data.Enterprises:N0} enterprises ({data.RdRows:N0} rd rows), process start to exit, median of {round.Count} | {rs:F2} s | peak {round.Max(r => r.PeakMb):F0} MB | goal < 2 s: {(o.Quick ? "not judged (quick)" : rs < 2 ? "met" : $"missed by {rs - 2:F2} s")} |"));
            }
            if (o.Phases)
            {
                await PhasesAsync(target, data);
            }
            Directory.Delete(work, true);
        }
        return 0;
    }

    private static void PrintImport(ScaleOptions o, GeneratedData data, string provider, List<ProcessRun> baseline, List<ProcessRun> first, List<ProcessRun> again, List<double> units)
    {
            var b = TimedProcess.Median(baseline.Select(r => r.Seconds));
            var f = TimedProcess.Median(first.Select(r => r.Seconds));
            var a = TimedProcess.Median(again.Select(r => r.Seconds));
            var bc = TimedProcess.Median(baseline.Select(r => r.CpuSeconds));
            var fc = TimedProcess.Median(first.Select(r => r.CpuSeconds));
            var ac = TimedProcess.Median(again.Select(r => r.CpuSeconds));
            var own = provider == "sqlite" ? "`sqlite3 .import --csv` into a bare table" : "`psql \\copy … csv` into a bare table (client + server)";
            Console.WriteLine(string.Create(Inv, $"| {provider}, {data.RdRows:N0} rd rows, median of {o.Runs} | wall s | ratio | CPU s (client) | peak RSS MB |"));
            Console.WriteLine("|---|---:|---:|---:|---:|");
            Console.WriteLine(string.Create(Inv, $"| {own} | {b:F2} | 1.0 | {bc:F2} | {baseline.Max(r => r.PeakMb):F0} |"));
            Console.WriteLine(string.Create(Inv, $"| `rdinvest import rd`, first load | {f:F2} | {f / b:F2} | {fc:F2} | {first.Max(r => r.PeakMb):F0} |"));
            Console.WriteLine(string.Create(Inv, $"| `rdinvest import rd` again (0 changed) | {a:F2} | {a / b:F2} | {ac:F2} | {again.Max(r => r.PeakMb):F0} |"));
            Console.WriteLine(string.Create(Inv, $"| `rdinvest import units` ({data.UnitCount:N0} rows, in process, not compared) | {TimedProcess.Median(units):F2} | | | |"));
            if (!o.Quick)
            {
                Console.WriteLine(string.Create(Inv, $"goals: import ≤ 1.5× — {(f / b <= 1.5 ? "met" : $"missed by {f / b / 1.5:F2}×")}; " +
                    $"peak < 1 GiB — {(first.Max(r => r.PeakMb) < 1024 ? "met" : "missed")}"));
            }
    }

    /// <summary>One import in process, told its stages: when the last row is staged, and when it is committed.</summary>
    private static async Task PhasesAsync(ScaleTarget target, GeneratedData data)
    {
        var db = await target.FreshAsync();
        await ScaleTarget.PrepareAsync(db, data);
        await using var ctx = db.CreateContext();
        var sw = Stopwatch.StartNew();
        var staged = 0.0;
        var progress = new Recorder(p =>
        {
            if (p.Stage == ImportStages.Writing)
            {
                staged = sw.Elapsed.TotalSeconds;
            }
        });
        await new ImportFileHandler(ctx, TimeProvider.System).HandleAsync(new ImportRequest("rd", data.Rd) { Progress = progress }, CancellationToken.None);
        var total = sw.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(Inv,
            $"phases (in process): read + validate + stage {staged:F2} s, merge + audit + commit {total - staged:F2} s, total {total:F2} s"));
    }

    public static async Task<GeneratedData> GenerateAsync(string dir, int units, int years)
    {
        var marker = Path.Combine(dir, "generated.txt");
        var expected = string.Create(Inv, $"{units} {years} {Generator.LastYear}");
        if (File.Exists(marker) && (await File.ReadAllTextAsync(marker)).Trim() == expected)
        {
            return GeneratedData.In(dir, units, years);
        }
        var sw = Stopwatch.StartNew();
        var data = await Generator.WriteAsync(dir, units, years);
        await File.WriteAllTextAsync(marker, expected);
        Console.WriteLine(string.Create(Inv, $"generated {units:N0} units × {years} years in {sw.Elapsed.TotalSeconds:F1} s into {dir}"));
        return data;
    }

    /// <summary>The rdinvest CLI built next to the bench (same configuration).</summary>
    private static string CliPath()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(here.Parent!.Parent!.FullName, "RdInvest.Cli", here.Name, "rdinvest.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"build the CLI first: {path} is missing");
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static double MemoryGiB()
    {
        var line = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) : null;
        return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], Inv) / 1024 / 1024;
    }

    private sealed class Recorder(Action<ImportProgress> on) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => on(value);
    }
}
