using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using RdInvest.Data;
using RdInvest.Plans;
using RdInvest.Policy;

namespace RdInvest.Bench;

/// <summary>
/// `batch`: `calc post-subsidy --batch` over N cases (read the CSV, evaluate R2 with its explanation per case, write the
/// result CSV) against the database's own work on the same file in the same run: its bulk load of the cases into a
/// scratch table, then one SQL aggregate computing the same R2 formula (default tiers, 10 % increment, 5,000,000 cap)
/// in integer fen. The two totals must agree — a cross-check of the rule by an independent formulation.
/// </summary>
public static class BatchBench
{
    public static async Task RunAsync(DbTarget target, int cases)
    {
        var inv = CultureInfo.InvariantCulture;
        var dir = Directory.CreateTempSubdirectory("rdinvest-bench-batch-").FullName;
        var input = Path.Combine(dir, "cases.csv");
        var output = Path.Combine(dir, "results.csv");
        var rnd = new Random(11);
        await using (var w = new StreamWriter(input, false, new UTF8Encoding(false)))
        {
            await w.WriteLineAsync("case,year,rd_prev,revenue_prev,rd_prev2");
            for (var i = 0; i < cases; i++)
            {
                var revenue = i % 50 == 0 ? 0 : rnd.NextInt64(1_000_000, 2_000_000_000);
                var rd = rnd.NextInt64(0, revenue / 10 + 2);
                var rd2 = rnd.NextInt64(0, rd + rd / 2 + 2);
                await w.WriteLineAsync(string.Create(inv, $"{i + 1},2024,{rd},{revenue},{rd2}"));
            }
        }
        Console.WriteLine(string.Create(inv, $"data: {cases} post-subsidy cases ({new FileInfo(input).Length / 1_000_000.0:F1} MB CSV)"));
        await using (var db = target.CreateContext())
        {
            await Schema.EnsureAsync(db, CancellationToken.None);
        }

        var plan = PlanLoader.BuiltIn("im-rd-2021-2025");
        var rule = RuleRegistry.Find("post-subsidy");
        decimal total = 0m;
        var batch = Time(() =>
        {
            var (header, rows) = RuleBatchFiles.Read(input);
            RuleBatch.CheckHeader(rule, header);
            var run = RuleBatch.Run(rule, rows, plan, null, new DateOnly(2024, 12, 31));
            if (run.Errors.Count > 0)
            {
                throw new InvalidOperationException($"{run.Errors.Count} rejected rows, first: {run.Errors[0].MessageEn}");
            }
            RuleBatchFiles.Write(output, run);
            total = run.Total;
        });
        long sqlTotalFen = 0;
        var load = await TimeAsync(() => OwnBulkLoad.CsvAsync(target, input, "bench_cases", "case_no bigint, year integer, rd_prev bigint, revenue_prev bigint, rd_prev2 bigint"));
        var aggregate = await TimeAsync(async () => sqlTotalFen = await SqlTotalFenAsync(target));
        var baseline = load + aggregate;
        var sqlTotal = sqlTotalFen / 100m;
        Console.WriteLine("| measurement | seconds | ratio to the DB's bulk load + aggregate |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine(string.Create(inv, $"| DB's own bulk load of the cases into a scratch table | {load:F2} | |"));
        Console.WriteLine(string.Create(inv, $"| DB aggregate: SUM of the R2 formula in SQL (integer fen) | {aggregate:F2} | |"));
        Console.WriteLine(string.Create(inv, $"| baseline (load + aggregate) | {baseline:F2} | 1.0 |"));
        Console.WriteLine(string.Create(inv, $"| calc post-subsidy --batch: read, evaluate with explanations, write CSV | {batch:F2} | {batch / baseline:F1} |"));
        Console.WriteLine(string.Create(inv, $"totals: rules {total:N0} yuan, SQL {sqlTotal:N0} yuan — {(total == sqlTotal ? "equal" : "DIFFERENT")}"));
        Directory.Delete(dir, true);
        if (total != sqlTotal)
        {
            throw new InvalidOperationException("the rule total and the SQL total differ");
        }
    }

    private static double Time(Action action)
    {
        var sw = Stopwatch.StartNew();
        action();
        return sw.Elapsed.TotalSeconds;
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var sw = Stopwatch.StartNew();
        await action();
        return sw.Elapsed.TotalSeconds;
    }

    /// <summary>R2 in SQL over integer yuan inputs, in fen: tier rate by intensity, 10 % of the increase, capped, rounded to the yuan.</summary>
    private const string R2Sql = """
        SELECT COALESCE(SUM(((CASE WHEN amount > 500000000 THEN 500000000 ELSE amount END) + 50) / 100 * 100), 0) FROM (
          SELECT CASE WHEN rd_prev <= 0 OR revenue_prev <= 0 THEN 0 ELSE
            rd_prev * (CASE WHEN rd_prev * 100 < revenue_prev THEN 0
                            WHEN rd_prev * 100 < 3 * revenue_prev THEN 2
                            WHEN rd_prev * 100 < 5 * revenue_prev THEN 3 ELSE 4 END)
            + 10 * (CASE WHEN rd_prev > rd_prev2 THEN rd_prev - rd_prev2 ELSE 0 END) END AS amount
          FROM bench_cases) AS x
        """;

    private static async Task<long> SqlTotalFenAsync(DbTarget target)
    {
        if (target.Provider == DbProvider.Postgres)
        {
            await using var conn = new NpgsqlConnection(target.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand(R2Sql, conn);
            return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        await using var sqlite = new SqliteConnection(target.ConnectionString);
        await sqlite.OpenAsync();
        await using var c = sqlite.CreateCommand();
        c.CommandText = R2Sql;
        return Convert.ToInt64(await c.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
