using System.CommandLine;
using System.Globalization;
using RdInvest.Assessment;
using RdInvest.Data;
using RdInvest.Parks;
using RdInvest.Plans;

namespace RdInvest.Cli.Commands;

/// <summary>Park evaluation (二(四)12, 二(五)17) and the league/city assessment (三(三)).</summary>
public static class ParkCommands
{
    public static Command Parks()
    {
        var cmd = new Command("parks", "园区研发投入强度与评价 / parks: intensity against the floor, evaluation index and ranks");
        var year = new Option<int>("--year") { Required = true, Description = "年份 / year" }.InPlanYears();
        var category = new Option<string?>("--category") { Description = "园区类别 / park category (national_htz, aspiring_htz, region_htz, national_agri_demo, national_agri_park, region_agri_park)" };
        var plan = PlanIdOption();
        var json = Cli.JsonOption();
        cmd.Options.Add(year);
        cmd.Options.Add(category);
        cmd.Options.Add(plan);
        cmd.Options.Add(json);
        cmd.SetAction(async (r, ct) =>
        {
            await using var db = await OpenAsync(r, ct);
            var result = await new ParksHandler(db, new PlanResolver(db)).HandleAsync(new ParksRequest(r.GetValue(year), r.GetValue(category), r.GetValue(plan)), ct);
            if (r.GetValue(json))
            {
                Cli.WriteJson(ParksView.Of(result));
                return 0;
            }
            Console.WriteLine($"{result.Year}年 园区评价 / park evaluation [{result.Clause}] 标准化 normalisation {result.Normalisation}，"
                + $"权重 weights {string.Join(", ", result.Weights.Select(w => $"{w.Key} {w.Value.ToString("0.###", CultureInfo.InvariantCulture)}"))}");
            Console.WriteLine("  排名 rank | 类内 in-cat | 区间 range | 得分 score | 强度 intensity / 下限 floor | 园区 park");
            foreach (var p in result.Parks)
            {
                var met = p.Met switch { true => "达标 met", false => "未达标 below", null => "—" };
                Console.WriteLine($"  {Show(p.Index.Rank),4} | {Show(p.Index.CategoryRank),3} | {Show(p.Index.RankMin)}–{Show(p.Index.RankMax),-3} | "
                    + $"{p.Index.Score?.ToString("0.00", CultureInfo.InvariantCulture) ?? "—",6} | "
                    + $"{p.Intensity?.ToString("0.00", CultureInfo.InvariantCulture) ?? "—"} % / {p.Floor?.ToString("0.0#", CultureInfo.InvariantCulture) ?? "—"} % {met} | "
                    + $"{p.Name}（{p.CategoryZh}，{p.LeagueCityName}）{(p.Index.Reason is null ? "" : " — " + p.Index.Reason)}");
            }
            return 0;
        });
        return cmd;
    }

    public static Command Assess()
    {
        var cmd = new Command("assess", "盟市考核评价 / assessment of the leagues/cities");
        var year = new Option<int>("--year") { Required = true, Description = "年份 / year" }.InPlanYears();
        var plan = PlanIdOption();
        var json = Cli.JsonOption();
        cmd.Options.Add(year);
        cmd.Options.Add(plan);
        cmd.Options.Add(json);
        cmd.SetAction(async (r, ct) =>
        {
            await using var db = await OpenAsync(r, ct);
            var result = await new AssessHandler(db, new PlanResolver(db)).HandleAsync(new AssessRequest(r.GetValue(year), r.GetValue(plan)), ct);
            if (r.GetValue(json))
            {
                Cli.WriteJson(AssessView.Of(result));
                return 0;
            }
            Console.WriteLine($"{result.Year}年 盟市考核 / assessment [{result.Clause}] — {result.Plan}");
            foreach (var x in result.Results)
            {
                Console.WriteLine($"  {x.Rank,2}. {x.Name}（{x.Division}）总分 total {x.Total.ToString("0.00", CultureInfo.InvariantCulture)}  {x.Grade} / {x.GradeEn}");
                foreach (var c in x.Criteria)
                {
                    Console.WriteLine($"      {c.Id,-16} {c.Value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "—",10}  "
                        + $"{c.Points.ToString("0.00", CultureInfo.InvariantCulture)}/{c.MaxPoints.ToString("0.##", CultureInfo.InvariantCulture)}"
                        + $"{(c.Flag is null ? "" : $"  ⚠ {c.Flag}: {c.Reason}")}");
                }
            }
            return 0;
        });
        return cmd;
    }

    /// <summary>--plan ID of the reading commands (no plan files): the resolver's default when absent.</summary>
    internal static Option<string?> PlanIdOption() =>
        new("--plan") { Description = $"方案编号（默认 {PlanResolver.DefaultPlan}）/ plan id (default {PlanResolver.DefaultPlan})" };

    private static string Show(int? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "—";

    private static async Task<RdInvestDb> OpenAsync(ParseResult r, CancellationToken ct)
    {
        var db = Cli.Target(r).CreateContext();
        await Schema.RequireAsync(db, ct);
        return db;
    }
}
