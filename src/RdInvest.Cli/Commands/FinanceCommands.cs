using System.CommandLine;
using System.Globalization;
using RdInvest.Finance;

namespace RdInvest.Cli.Commands;

/// <summary>Finance for innovation (二(三)7–10): the special statistics and the special evaluation of institutions.</summary>
public static class FinanceCommands
{
    public static Command Build()
    {
        var cmd = new Command("finance", "金融支持科技创新 / finance for innovation: special statistics and evaluation");
        cmd.Subcommands.Add(Stats());
        cmd.Subcommands.Add(Evaluate());
        return cmd;
    }

    private static Command Stats()
    {
        var cmd = new Command("stats", "专项统计 / special statistics of S&T-enterprise loans and direct financing");
        var year = new Option<int>("--year") { Required = true, Description = "年份 / year" }.InPlanYears();
        var json = Cli.JsonOption();
        var output = new Option<string?>("--out") { Description = "写出 XLSX / write the tables to an .xlsx" };
        var force = Cli.ForceOption();
        cmd.Options.Add(year);
        cmd.Options.Add(json);
        cmd.Options.Add(output);
        cmd.Options.Add(force);
        cmd.SetAction(async (r, ct) =>
        {
            var path = r.GetValue(output) is { } o ? Cli.OutputFile(o, r.GetValue(force)) : null;
            await using var db = await OpenAsync(r, ct);
            var result = await new FinanceStatsHandler(db).HandleAsync(new FinanceStatsRequest(r.GetValue(year), path), ct);
            if (r.GetValue(json))
            {
                Cli.WriteJson(result);
                return 0;
            }
            Console.WriteLine($"{result.Year}年 金融支持科技创新专项统计 / special statistics [{result.Clause}]（科技型企业贷款 / S&T-enterprise loans; 元 yuan, %）");
            Console.WriteLine("  服务企业 served | 新增笔数 count | 新增金额 new amount | 年末余额 balance | 增长 growth | 知识产权质押 IP pledge | 加权利率 rate | 首贷率 first-loan | 机构 institution");
            foreach (var i in result.Institutions)
            {
                Console.WriteLine($"  {i.StEnterprisesServed,6} | {i.NewLoansCount,6} | {Yuan(i.NewLoansAmount),16} | {Yuan(i.BalanceYearEnd),16} | {Pct(i.BalanceGrowth),8} | "
                    + $"{Yuan(i.IpPledgeAmount),14} | {Pct(i.WeightedRate),8} | {Pct(i.FirstLoanShare),8} | {(i.ParentCode is null ? "" : "  └ ")}{i.Name}（{i.Code}）");
            }
            Console.WriteLine("  盟市 league/city:");
            foreach (var l in result.LeagueCities)
            {
                Console.WriteLine($"  {l.StEnterprisesServed,6} | {l.NewLoansCount,6} | {Yuan(l.NewLoansAmount),16} | {Yuan(l.BalanceYearEnd),16} | {Pct(l.BalanceGrowth),8} | "
                    + $"{Yuan(l.IpPledgeAmount),14} | {Pct(l.WeightedRate),8} | {Pct(l.FirstLoanShare),8} | {l.Name}  直接融资 financing {l.FinancingEventsTotal} / {Yuan(l.FinancingAmountTotal)}");
            }
            if (path is not null)
            {
                Console.WriteLine($"已写出 / written: {path}");
            }
            return 0;
        });
        return cmd;
    }

    private static Command Evaluate()
    {
        var cmd = new Command("evaluate", "专项考评 / special evaluation of financial institutions: scores, ranks, outstanding ones");
        var year = new Option<int>("--year") { Required = true, Description = "年份 / year" }.InPlanYears();
        var json = Cli.JsonOption();
        var output = new Option<string?>("--out") { Description = "写出考评表 .xlsx、.pdf 或 .html / write the table to .xlsx, .pdf or .html" };
        var force = Cli.ForceOption();
        var plan = new Option<string?>("--plan") { Description = "方案编号 / plan id" };
        cmd.Options.Add(year);
        cmd.Options.Add(json);
        cmd.Options.Add(output);
        cmd.Options.Add(force);
        cmd.Options.Add(plan);
        cmd.SetAction(async (r, ct) =>
        {
            var path = r.GetValue(output) is { } o ? Cli.OutputFile(o, r.GetValue(force)) : null;
            await using var db = await OpenAsync(r, ct);
            var result = await new FinanceEvaluationHandler(db).HandleAsync(new FinanceEvaluationRequest(r.GetValue(year), path, r.GetValue(plan)), ct);
            if (r.GetValue(json))
            {
                Cli.WriteJson(result);
                return 0;
            }
            Console.WriteLine($"{result.Year}年 金融机构专项考评 / special evaluation [{result.Clause}] 权重 weights "
                + string.Join(", ", result.Weights.Select(w => $"{w.Key} {w.Value.ToString("0.###", CultureInfo.InvariantCulture)}"))
                + $"，前 {result.TopN} 名贡献突出 / top {result.TopN} outstanding{(result.DefaultParameters ? "（默认值，由主管部门确定 / default, set by the administering department）" : "")}");
            foreach (var x in result.Results)
            {
                Console.WriteLine($"  {x.Rank,3}. {x.Score.ToString("0.00", CultureInfo.InvariantCulture),6}  {x.Name}（{x.Code}）{(x.Outstanding ? "  贡献突出 outstanding" : "")}");
            }
            if (path is not null)
            {
                Console.WriteLine($"已写出 / written: {path}");
            }
            return 0;
        });
        return cmd;
    }

    internal static async Task<Data.RdInvestDb> OpenAsync(ParseResult r, CancellationToken ct)
    {
        var db = Cli.Target(r).CreateContext();
        await Data.Schema.RequireAsync(db, ct);
        return db;
    }

    internal static string Yuan(decimal v) => v.ToString("#,##0.##", CultureInfo.InvariantCulture);

    internal static string Pct(decimal? v) => v is { } p ? p.ToString("0.####", CultureInfo.InvariantCulture) + "%" : "—";
}
