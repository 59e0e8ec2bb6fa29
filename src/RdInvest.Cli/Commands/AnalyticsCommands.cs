using System.CommandLine;
using System.Globalization;
using RdInvest.Analytics;
using RdInvest.Data;

namespace RdInvest.Cli.Commands;

public static class AnalyticsCommands
{
    public static Command Build()
    {
        var analytics = new Command("analytics", "分析表（按区划、年度维护的指标数据）/ analytics tables (measures maintained per division and year)");

        var rebuild = new Command("rebuild", "由原始记录重算分析表 / recompute the analytics tables from the records");
        var json = Cli.JsonOption();
        rebuild.Options.Add(json);
        rebuild.SetAction(async (r, ct) =>
        {
            var target = Cli.Target(r);
            await using var db = target.CreateContext();
            await Schema.RequireAsync(db, ct);
            var result = await new AnalyticsRebuildHandler(db).HandleAsync(ct);
            if (r.GetValue(json))
            {
                Cli.WriteJson(new { years = result.Years, rows = result.Rows, park_rows = result.ParkRows, ms = (long)result.Elapsed.TotalMilliseconds });
                return 0;
            }
            Console.WriteLine($"已重算 / rebuilt: {result.Years.Count} 个年度 / years ({string.Join(", ", result.Years)}), " +
                $"{result.Rows} 行区划数据 / division rows, {result.ParkRows} 行园区数据 / park rows, {result.Elapsed.TotalMilliseconds:0} ms");
            return 0;
        });
        analytics.Subcommands.Add(rebuild);

        var check = new Command("check", "核对分析表与由原始记录重算的结果，不一致时列出并以非零状态退出 / compare the analytics tables with a fresh computation; list differences and exit non-zero");
        var checkJson = Cli.JsonOption();
        check.Options.Add(checkJson);
        check.SetAction(async (r, ct) =>
        {
            var target = Cli.Target(r);
            await using var db = target.CreateContext();
            await Schema.RequireAsync(db, ct);
            var result = await new AnalyticsCheckHandler(db).HandleAsync(ct);
            if (r.GetValue(checkJson))
            {
                Cli.WriteJson(new
                {
                    equal = result.Equal,
                    years = result.Years,
                    compared = result.Compared,
                    differences = result.Differences.Select(d => new
                    {
                        key = d.Key, year = d.Year, scope = d.Scope, measure = d.Measure,
                        stored = d.Stored is { } s ? new { sum = s.Sum, units = s.Units } : null,
                        computed = d.Computed is { } c ? new { sum = c.Sum, units = c.Units } : null,
                    }),
                });
                return result.Equal ? 0 : 1;
            }
            if (result.Equal)
            {
                Console.WriteLine($"分析表与重算结果一致 / the analytics tables equal a rebuild: {result.Compared} 项 / values, " +
                    $"{result.Years.Count} 个年度 / years");
                return 0;
            }
            Console.WriteLine($"分析表与重算结果不一致：{result.Differences.Count} 处 / the analytics tables differ from a rebuild in {result.Differences.Count} values");
            Console.WriteLine("区划或园区 / division or park\t年度 / year\t口径 / scope\t指标 / measure\t存储 / stored\t重算 / computed");
            foreach (var d in result.Differences)
            {
                Console.WriteLine(string.Join('\t', d.Key, d.Year.ToString(CultureInfo.InvariantCulture), d.Scope, d.Measure, Show(d.Stored), Show(d.Computed)));
            }
            Console.WriteLine("修复 / to repair: rdinvest analytics rebuild");
            return 1;
        });
        analytics.Subcommands.Add(check);
        return analytics;
    }

    private static string Show(Indicators.DirectValue? v) =>
        v is { } x ? string.Create(CultureInfo.InvariantCulture, $"{x.Sum} ({x.Units})") : "无 / missing";
}
