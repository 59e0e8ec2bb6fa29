using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RdInvest.Analytics;
using RdInvest.Data;
using RdInvest.Demo;
using RdInvest.Indicators;

namespace RdInvest.Bench;

/// <summary>
/// `analytics`: the analytics rebuild of every division × year against one hand-written GROUP BY over the same rows (the
/// database's own aggregation), and one division-year of indicators read warm in process, at the database's current size.
/// An empty database gets the demo population first.
/// </summary>
public static class AnalyticsBench
{
    public static async Task RunAsync(DbTarget target)
    {
        var inv = CultureInfo.InvariantCulture;
        await using (var db = target.CreateContext())
        {
            await new DbInitHandler(db, target, TimeProvider.System).HandleAsync(CancellationToken.None);
            if (!await db.RdRecords.AnyAsync())
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
        Console.WriteLine(string.Create(inv, $"data: {records} unit R&D records"));

        // The database's own work: one GROUP BY division × year × status over every record, a few sums.
        var baseline = await Timing.MedianMsAsync(async () =>
        {
            await using var db = target.CreateContext();
            _ = await (from r in db.RdRecords
                       join u in db.Units on r.UnitId equals u.Id
                       group r by new { u.DivisionCode, r.Year, r.Status } into g
                       select new { g.Key, N = g.Count(), S = g.Sum(x => x.RdTotalFen), G = g.Sum(x => x.GovFundsFen ?? 0) }).ToListAsync();
        }, runs: 5);
        var rebuild = await Timing.MedianMsAsync(async () =>
        {
            await using var db = target.CreateContext();
            _ = await new AnalyticsRebuildHandler(db).HandleAsync(CancellationToken.None);
        }, runs: 3);
        var one = await Timing.MedianMsAsync(async () =>
        {
            await using var db = target.CreateContext();
            _ = await new IndicatorsHandler(db).HandleAsync(new IndicatorsRequest("150000", latest), CancellationToken.None);
        }, runs: 21);
        Console.WriteLine("| measurement | median ms | ratio |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine(string.Create(inv, $"| DB: one GROUP BY division × year × status over every record | {baseline:F1} | 1.0 |"));
        Console.WriteLine(string.Create(inv, $"| analytics rebuild, every division × year, both scopes and parks | {rebuild:F1} | {rebuild / baseline:F2} |"));
        Console.WriteLine(string.Create(inv, $"| indicators, one division-year (region {latest}), warm, from the analytics tables | {one:F2} | — |"));
    }
}
