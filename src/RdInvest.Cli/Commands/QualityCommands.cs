using System.CommandLine;
using System.Globalization;
using RdInvest.Data;
using RdInvest.Indicators;
using RdInvest.Plans;

namespace RdInvest.Cli.Commands;

/// <summary>Quality checks of 二(五)16: reconciliation of published and derived figures, and outlying units.</summary>
public static class QualityCommands
{
    public static Command Reconcile()
    {
        var (cmd, year, plan, json) = YearPlanCommand("reconcile", "公布数与汇总数核对 / reported vs derived figures");
        var parks = new Option<bool>("--parks") { Description = "核对园区：填报数与园区内单位汇总数 / parks: reported figures against the sums over their units" };
        cmd.Options.Add(parks);
        cmd.SetAction(async (r, ct) =>
        {
            await using var db = await OpenAsync(r, ct);
            var result = r.GetValue(parks)
                ? await new Parks.ParkReconcileHandler(db, new PlanResolver(db)).HandleAsync(r.GetValue(year), r.GetValue(plan), ct)
                : await new ReconcileHandler(db, new PlanResolver(db)).HandleAsync(r.GetValue(year), r.GetValue(plan), ct);
            if (r.GetValue(json))
            {
                Cli.WriteJson(ReconcileView.Of(result));
                return 0;
            }
            Console.WriteLine($"{result.Year}年 公布数与汇总数核对 / reconciliation (容差 tolerance {result.TolerancePercent.ToString(CultureInfo.InvariantCulture)} %)");
            foreach (var i in result.Items)
            {
                Console.WriteLine($"  {(i.Flagged ? "⚠" : " ")} {i.Division} {i.NameZh,-10} {i.Measure,-16} 公布 reported {i.Reported.ToString(CultureInfo.InvariantCulture)}"
                    + $"  汇总 derived {i.Derived.ToString(CultureInfo.InvariantCulture)}  差 diff {i.DifferencePercent?.ToString(CultureInfo.InvariantCulture) ?? "—"} %");
            }
            if (result.Items.Count == 0)
            {
                Console.WriteLine("  无可核对的数据 / nothing to reconcile");
            }
            return 0;
        });
        return cmd;
    }

    public static Command Outliers()
    {
        var (cmd, year, plan, json) = YearPlanCommand("outliers", "研发经费增速异常的单位 / units with extreme R&D growth");
        cmd.SetAction(async (r, ct) =>
        {
            await using var db = await OpenAsync(r, ct);
            var (threshold, items) = await new OutliersHandler(db, new PlanResolver(db)).HandleAsync(r.GetValue(year), r.GetValue(plan), ct);
            if (r.GetValue(json))
            {
                Cli.WriteJson(new
                {
                    year = r.GetValue(year),
                    threshold,
                    outliers = items.Select(o => new
                    {
                        credit_code = o.Observation.CreditCode, name = o.Observation.Name, league_city = o.Observation.LeagueCity, sector = o.Observation.Sector,
                        previous = o.Observation.Previous, current = o.Observation.Current, growth_percent = IndicatorCalculator.RoundPercent(100m * o.Growth),
                        group_median_percent = IndicatorCalculator.RoundPercent(100m * o.Median), modified_z = o.ModifiedZ,
                    }),
                });
                return 0;
            }
            Console.WriteLine($"{r.GetValue(year)}年 增速异常单位 / outliers (|修正Z值 modified z| > {threshold.ToString(CultureInfo.InvariantCulture)}): {items.Count}");
            foreach (var o in items)
            {
                Console.WriteLine($"  {o.Observation.CreditCode} {o.Observation.Name} {o.Observation.LeagueCity} {o.Observation.Sector}"
                    + $"  增速 growth {(100m * o.Growth).ToString("0.0", CultureInfo.InvariantCulture)} %  Z {o.ModifiedZ.ToString(CultureInfo.InvariantCulture)}");
            }
            return 0;
        });
        return cmd;
    }

    public static Command ReportingQuality()
    {
        var cmd = new Command("reporting-quality", "各盟市填报质量 / reporting quality per league/city");
        var year = new Option<int>("--year") { Required = true, Description = "年份 / year" }.InPlanYears();
        var json = Cli.JsonOption();
        cmd.Options.Add(year);
        cmd.Options.Add(json);
        cmd.SetAction(async (r, ct) =>
        {
            await using var db = Cli.Target(r).CreateContext();
            await Schema.RequireAsync(db, ct);
            var report = await new ReportingQualityHandler(db).ReportAsync(r.GetValue(year), ct);
            var items = report.Results;
            if (r.GetValue(json))
            {
                Cli.WriteJson(new
                {
                    year = r.GetValue(year),
                    results = items.Select(q => new
                    {
                        division = q.Division, name = q.NameZh, registered_units = q.RegisteredUnits, reported_units = q.ReportedUnits,
                        reporting_rate = q.ReportingRate, final_records = q.FinalRecords, final_rate = q.FinalRate,
                        import_rows = q.ImportRows, error_rows = q.ErrorRows, warning_rows = q.WarningRows,
                        error_rate = q.ErrorRate, warning_rate = q.WarningRate,
                    }),
                    unattributed = new
                    {
                        import_rows = report.Unattributed.ImportRows, error_rows = report.Unattributed.ErrorRows,
                        warning_rows = report.Unattributed.WarningRows, error_rate = report.Unattributed.ErrorRate,
                        warning_rate = report.Unattributed.WarningRate,
                    },
                });
                return 0;
            }
            Console.WriteLine($"{r.GetValue(year)}年 填报质量 / reporting quality");
            foreach (var q in items)
            {
                Console.WriteLine($"  {q.Division} {q.NameZh,-8} 登记 registered {q.RegisteredUnits,5}  已填报 reported {q.ReportedUnits,5}"
                    + $"  填报率 rate {Pct(q.ReportingRate)} %  已审定 final {Pct(q.FinalRate)} %"
                    + $"  导入行 rows {q.ImportRows,6}  错误率 errors {Pct(q.ErrorRate)} %  警告率 warnings {Pct(q.WarningRate)} %");
            }
            var u = report.Unattributed;
            Console.WriteLine($"  未归属 unattributed  导入行 rows {u.ImportRows,6}  错误率 errors {Pct(u.ErrorRate)} %  警告率 warnings {Pct(u.WarningRate)} %");
            return 0;
        });
        return cmd;
    }

    /// <summary>A command of one year under a plan: --year, --plan (the resolver's default when absent), --json.</summary>
    private static (Command Command, Option<int> Year, Option<string?> Plan, Option<bool> Json) YearPlanCommand(string name, string description)
    {
        var cmd = new Command(name, description);
        var year = new Option<int>("--year") { Required = true, Description = "年份 / year" }.InPlanYears();
        var plan = ParkCommands.PlanIdOption();
        var json = Cli.JsonOption();
        cmd.Options.Add(year);
        cmd.Options.Add(plan);
        cmd.Options.Add(json);
        return (cmd, year, plan, json);
    }

    private static async Task<RdInvestDb> OpenAsync(ParseResult r, CancellationToken ct)
    {
        var db = Cli.Target(r).CreateContext();
        await Schema.RequireAsync(db, ct);
        return db;
    }

    private static string Pct(decimal? v) => v?.ToString("0.0", CultureInfo.InvariantCulture) ?? "—";
}
