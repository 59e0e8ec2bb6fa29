using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Importing;

namespace RdInvest.Bench;

/// <summary>
/// `import`: the rd import of N rows against the database's own bulk load of the same file in the same run
/// (<see cref="OwnBulkLoad"/>).
/// </summary>
public static class ImportBench
{
    public static async Task RunAsync(DbTarget target, int rows)
    {
        var inv = CultureInfo.InvariantCulture;
        var dir = Directory.CreateTempSubdirectory("rdinvest-bench-import-").FullName;
        var unitsPerYear = rows / 5;
        var unitsFile = Path.Combine(dir, "units.csv");
        var rdFile = Path.Combine(dir, "rd.csv");
        var rnd = new Random(7);
        await using (var w = new StreamWriter(unitsFile, false, new UTF8Encoding(false)))
        {
            await w.WriteLineAsync("credit_code,name,sector,division_code,industry_code,above_scale,state_owned");
            for (var i = 0; i < unitsPerYear; i++)
            {
                await w.WriteLineAsync(string.Create(inv, $"{Code(i)},基准单位{i},enterprise,150102,C38,1,0"));
            }
        }
        await using (var w = new StreamWriter(rdFile, false, new UTF8Encoding(false)))
        {
            await w.WriteLineAsync("credit_code,year,rd_total,gov_funds,enterprise_funds,foreign_funds,other_funds,revenue,has_rd_institution");
            for (var y = 2019; y < 2024; y++)
            {
                for (var i = 0; i < unitsPerYear; i++)
                {
                    var total = rnd.Next(10, 100_000);
                    var gov = total / 5;
                    await w.WriteLineAsync(string.Create(inv, $"{Code(i)},{y},{total},{gov},{total - gov},0,0,{total * 50},1"));
                }
            }
        }
        await using (var db = target.CreateContext())
        {
            await new DbInitHandler(db, target, TimeProvider.System).HandleAsync(CancellationToken.None);
            await new ImportFileHandler(db, TimeProvider.System).HandleAsync(new ImportRequest("units", unitsFile), CancellationToken.None);
        }
        Console.WriteLine(string.Create(inv, $"data: {unitsPerYear} units, {unitsPerYear * 5} rd rows ({new FileInfo(rdFile).Length / 1_000_000.0:F1} MB CSV)"));

        var baseline = await TimeAsync(() => OwnBulkLoad.CsvAsync(target, rdFile, "bench_scratch",
            "credit_code text, year integer, rd_total bigint, gov_funds bigint, enterprise_funds bigint, foreign_funds bigint, other_funds bigint, revenue bigint, has_rd_institution integer"));
        var first = await TimeAsync(async () =>
        {
            await using var db = target.CreateContext();
            var r = await new ImportFileHandler(db, TimeProvider.System).HandleAsync(new ImportRequest("rd", rdFile), CancellationToken.None);
            if (r.Errors > 0 || r.Inserted != unitsPerYear * 5)
            {
                throw new InvalidOperationException($"import: {r.Errors} errors, {r.Inserted} inserted");
            }
        });
        var again = await TimeAsync(async () =>
        {
            await using var db = target.CreateContext();
            var r = await new ImportFileHandler(db, TimeProvider.System).HandleAsync(new ImportRequest("rd", rdFile), CancellationToken.None);
            if (r.Inserted + r.Updated != 0)
            {
                throw new InvalidOperationException("re-import changed something");
            }
        });
        double aggregate;
        {
            await using var db = target.CreateContext();
            aggregate = await TimeAsync(async () => _ = await db.RdRecords.GroupBy(r => r.Year).Select(g => g.Sum(x => x.RdTotalFen)).ToListAsync());
        }
        Console.WriteLine("| measurement | seconds | ratio to the DB's own bulk load |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine(string.Create(inv, $"| DB's own bulk load of the same CSV into a scratch table | {baseline:F2} | 1.0 |"));
        Console.WriteLine(string.Create(inv, $"| rdinvest import rd (validate, stage, merge, audit) | {first:F2} | {first / baseline:F1} |"));
        Console.WriteLine(string.Create(inv, $"| rdinvest import rd again (0 changed) | {again:F2} | {again / baseline:F1} |"));
        Console.WriteLine(string.Create(inv, $"| DB aggregate: SUM(rd_total) by year over the imported rows | {aggregate:F3} | {aggregate / baseline:F3} |"));
        Directory.Delete(dir, true);
    }

    private static string Code(int i) =>
        CreditCode.Complete("91150102MA" + i.ToString("D7", CultureInfo.InvariantCulture).Replace('0', 'A'));

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var sw = Stopwatch.StartNew();
        await action();
        return sw.Elapsed.TotalSeconds;
    }
}
