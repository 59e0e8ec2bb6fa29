using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RdInvest.Analytics;
using RdInvest.Data;
using RdInvest.Demo;
using RdInvest.Indicators;

namespace RdInvest.Bench;

/// <summary>
/// `analytics`: on each database given — the demo size (<c>--db</c>; an empty one gets the demo population first) and a
/// large one (<c>--big</c>, loaded beforehand with <c>rdinvest import</c>, e.g. the 1,000,000-row population of
/// <c>generate</c>) — the analytics rebuild of every division × year against one hand-written GROUP BY over the same rows
/// (the database's own aggregation), and one division-year of indicators read in process: warm (the data stamp
/// unchanged: one small query and the process-wide cache) and cold (the first read after a write).
/// </summary>
public static class AnalyticsBench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task RunAsync(DbTarget target, DbTarget? big, int bigRuns)
    {
        Console.WriteLine($"load average {LoadAverage()}");
        var rows = new List<string>();
        await MeasureAsync(target, demo: true, runs: 3, rows);
        if (big is not null)
        {
            await MeasureAsync(big, demo: false, runs: bigRuns, rows);
        }
        Console.WriteLine("| database | records | GROUP BY ms | rebuild ms | rebuild ratio | one division-year warm ms | cold ms (first read after a write) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        rows.ForEach(Console.WriteLine);
        Console.WriteLine($"load average {LoadAverage()}");
    }

    private static async Task MeasureAsync(DbTarget target, bool demo, int runs, List<string> into)
    {
        await using (var db = target.CreateContext())
        {
            await new DbInitHandler(db, target, TimeProvider.System).HandleAsync(CancellationToken.None);
            if (demo && !await db.RdRecords.AnyAsync())
            {
                await new DemoHandler(db, TimeProvider.System).HandleAsync(new DemoRequest(), CancellationToken.None);
            }
        }
        int records, latest;
        await using (var db = target.CreateContext())
        {
            records = await db.RdRecords.CountAsync();
            latest = await db.RdRecords.MaxAsync(r => r.Year);
        }
        Console.WriteLine(string.Create(Inv, $"{target.Describe()}: {records} unit R&D records, latest year {latest}"));

        // The database's own work: one GROUP BY division × year × status over every record, a few sums.
        var baseline = await Timing.MedianMsAsync(async () =>
        {
            await using var db = target.CreateContext();
            _ = await (from r in db.RdRecords
                       join u in db.Units on r.UnitId equals u.Id
                       group r by new { u.DivisionCode, r.Year, r.Status } into g
                       select new { g.Key, N = g.Count(), S = g.Sum(x => x.RdTotalFen), G = g.Sum(x => x.GovFundsFen ?? 0) }).ToListAsync();
        }, runs, warmUp: false);
        Console.WriteLine(string.Create(Inv, $"  GROUP BY {baseline:F0} ms"));
        var rebuild = await Timing.MedianMsAsync(async () =>
        {
            await using var db = target.CreateContext();
            _ = await new AnalyticsRebuildHandler(db).HandleAsync(CancellationToken.None);
        }, runs, warmUp: false);
        Console.WriteLine(string.Create(Inv, $"  rebuild {rebuild:F0} ms"));
        async Task ReadAsync()
        {
            await using var db = target.CreateContext();
            _ = await new IndicatorsHandler(db).HandleAsync(new IndicatorsRequest("150000", latest), CancellationToken.None);
        }
        var warm = await Timing.MedianMsAsync(ReadAsync, runs: 51);
        var coldMs = await ColdAsync(target, ReadAsync);
        into.Add(string.Create(Inv,
            $"| {(demo ? "demo" : "large")} ({target.Describe()}) | {records:N0} | {baseline:F0} | {rebuild:F0} | {rebuild / baseline:F2} | {warm:F2} | {coldMs:F1} |"));
    }

    /// <summary>The median of five first reads after a write (the stamp renewed before each, not timed).</summary>
    private static async Task<double> ColdAsync(DbTarget target, Func<Task> read)
    {
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            await using (var db = target.CreateContext())
            {
                await AnalyticsStamps.BumpAsync(db, CancellationToken.None);
            }
            var sw = Stopwatch.StartNew();
            await read();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
