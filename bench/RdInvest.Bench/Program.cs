using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RdInvest.Bench;
using RdInvest.Data;
using RdInvest.Demo;
using RdInvest.Indicators;

// Benchmarks at the scale of the demo population, each reported as a ratio against the database's own work on
// the same data in the same run (docs/PERFORMANCE.md). Usage:
//   dotnet run -c Release --project bench/RdInvest.Bench -- indicators|batch [--cases N]|pages|analytics [--db PATH|Host=…]
//   dotnet run -c Release --project bench/RdInvest.Bench -- analytics [--db DEMO_DB] [--big LARGE_DB] [--runs R (large: default 1)]
//   dotnet run -c Release --project bench/RdInvest.Bench -- generate [--units N] [--years Y] --out DIR
//   dotnet run -c Release --project bench/RdInvest.Bench -- scale|import|round|notification [--units N] [--years Y] [--runs R] [--data DIR]
//       [--pg ADMIN_CONNECTION_STRING] [--only sqlite|postgres] [--phases] [--quick]
var args2 = args.ToList();
var scenario = args2.FirstOrDefault() ?? "indicators";
var dbArg = args2.SkipWhile(a => a != "--db").Skip(1).FirstOrDefault() ?? Path.Combine(Path.GetTempPath(), $"rdinvest-bench-{Guid.NewGuid():N}.db");
var inv = CultureInfo.InvariantCulture;
var target = DbTarget.Parse(dbArg);
Console.WriteLine($"RdInvest bench — {scenario} on {target.Describe()}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

switch (scenario)
{
    case "indicators":
        await Indicators();
        break;
    case "generate":
    {
        var (units, years) = Sizes();
        var data = await Generator.WriteAsync(Arg("--out") ?? throw new ArgumentException("generate needs --out DIR"), units, years);
        Console.WriteLine($"{data.Units}: {data.UnitCount} units; {data.Rd}: {data.RdRows} rd rows, {data.FirstYear}–{data.LastYear}");
        break;
    }
    case "scale" or "import" or "round" or "notification":
    {
        var quick = args2.Contains("--quick");
        var (units, years) = Sizes();
        var runs = int.Parse(Arg("--runs") ?? (quick ? "1" : "3"), CultureInfo.InvariantCulture);
        var dir = Arg("--data") ?? Path.Combine(Path.GetTempPath(), $"rdinvest-scale-data-{units}x{years}");
        return await ScaleBench.RunAsync(new ScaleOptions(units, years, runs, dir, Arg("--pg"), args2.Contains("--phases"), quick,
            Import: scenario is "scale" or "import", Round: scenario is "scale" or "round", Only: Arg("--only"),
            Notification: scenario is "scale" or "notification"));
    }
    case "pages":
        await PagesBench.RunAsync(target);
        break;
    case "analytics":
        await AnalyticsBench.RunAsync(target, Arg("--big") is { } big ? DbTarget.Parse(big) : null,
            int.Parse(Arg("--runs") ?? "1", CultureInfo.InvariantCulture));
        break;
    case "batch":
        var cases = int.Parse(args2.SkipWhile(a => a != "--cases").Skip(1).FirstOrDefault() ?? "100000", CultureInfo.InvariantCulture);
        await BatchBench.RunAsync(target, cases);
        break;
    default:
        Console.Error.WriteLine($"unknown scenario {scenario}; try: indicators, generate, scale, import, round, notification, batch [--cases N], pages, analytics");
        return 2;
}
return 0;

string? Arg(string name) => args2.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

(int Units, int Years) Sizes()
{
    var quick = args2.Contains("--quick");
    return (int.Parse(Arg("--units") ?? (quick ? "2000" : "250000"), CultureInfo.InvariantCulture),
        int.Parse(Arg("--years") ?? (quick ? "2" : "4"), CultureInfo.InvariantCulture));
}

async Task Indicators()
{
    await using (var db = target.CreateContext())
    {
        await new DbInitHandler(db, target, TimeProvider.System).HandleAsync(CancellationToken.None);
        if (!await db.RdRecords.AnyAsync())
        {
            await new DemoHandler(db, TimeProvider.System).HandleAsync(new DemoRequest(), CancellationToken.None);
        }
    }
    await using var ctx = target.CreateContext();
    var records = await ctx.RdRecords.CountAsync();
    var years = await ctx.RdRecords.Select(r => r.Year).Distinct().OrderBy(y => y).ToListAsync();
    Console.WriteLine($"data: {records} unit R&D records, years {years[0]}–{years[^1]}");

    // The database's own aggregate: one GROUP BY year and county over the same records, no roll-up, no indicators.
    var baseline = await Timing.MedianMsAsync(async () =>
    {
        await using var db = target.CreateContext();
        _ = await (from r in db.RdRecords
                   join u in db.Units on r.UnitId equals u.Id
                   where r.Year == 2022
                   group r.RdTotalFen by u.DivisionCode into g
                   select new { g.Key, S = g.Sum() }).ToListAsync();
    });
    var one = await Timing.MedianMsAsync(async () =>
    {
        await using var db = target.CreateContext();
        _ = await new IndicatorsHandler(db).HandleAsync(new IndicatorsRequest("150000", 2022), CancellationToken.None);
    });
    var all = await Timing.MedianMsAsync(async () =>
    {
        await using var db = target.CreateContext();
        _ = await new IndicatorsHandler(db).AllAsync(CancellationToken.None);
    }, runs: 3);
    var allYears = years.Count + 1;
    Console.WriteLine($"| measurement | median ms | ratio to the DB's GROUP BY of one year |");
    Console.WriteLine($"|---|---:|---:|");
    Console.WriteLine(string.Create(inv, $"| DB aggregate: SUM(rd_total) by county, one year | {baseline:F1} | 1.0 |"));
    Console.WriteLine(string.Create(inv, $"| indicators, one division-year (region 2022, all {IndicatorCalculator.Keys.Count} keys) | {one:F1} | {one / baseline:F1} |"));
    Console.WriteLine(string.Create(inv, $"| indicators --all: 116 divisions × {years.Count} years | {all:F1} | {all / baseline:F1} (÷{allYears} years: {all / baseline / allYears:F1}) |"));
}
