using System.CommandLine;
using System.Globalization;
using RdInvest.Common;
using RdInvest.Plans;
using RdInvest.Policy;
using RdInvest.Subsidies;

namespace RdInvest.Cli.Commands;

/// <summary><c>rdinvest subsidy-round --year Y [--budget B] [--out FILE.xlsx] [--plan ID] [--json]</c>: the R2 post-subsidy round.</summary>
public static class SubsidyRoundCommand
{
    public static Command Build()
    {
        var command = new Command("subsidy-round", "研发投入后补助评审轮次：计算、按预算缩减、导出名单 / R&D post-subsidy round: compute, scale to the budget, export the list");
        var year = new Option<int>("--year") { Description = "补助年度（用 Y−1 年和 Y−2 年的研发数据）/ the round's year (uses the records of Y−1 and Y−2)", Required = true };
        var budget = new Option<string?>("--budget") { Description = "预算（元）/ budget in yuan" };
        var output = new Option<string?>("--out") { Description = "名单文件 .xlsx、.csv 或 .json / payment list file" };
        var plan = CalcCommands.PlanOption();
        var json = Cli.JsonOption();
        command.Options.Add(year);
        command.Options.Add(budget);
        command.Options.Add(output);
        command.Options.Add(plan);
        command.Options.Add(json);
        command.SetAction(async (p, ct) =>
        {
            try
            {
                return await RunAsync(p.GetValue(year), p.GetValue(budget), p.GetValue(output), await CalcCommands.LoadPlanAsync(p.GetValue(plan), Cli.Target(p), ct), p.GetValue(json), Cli.Target(p), ct);
            }
            catch (UserError e)
            {
                Cli.Error(e.MessageZh, e.MessageEn);
                return e.ExitCode;
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(int year, string? budgetText, string? output, Plan plan, bool json, Data.DbTarget target, CancellationToken ct)
    {
        decimal? budget = null;
        if (budgetText is not null)
        {
            budget = ParameterValue.TryParseNumber(budgetText, out var b) && !budgetText.Contains('%', StringComparison.Ordinal)
                ? b
                : throw new UserError($"--budget 的值 {budgetText} 不是金额", $"--budget: {budgetText} is not an amount", exitCode: 2);
        }
        await using var db = target.CreateContext();
        var result = await new SubsidyRoundHandler(db).HandleAsync(new SubsidyRoundRequest(year, budget), plan, ct);
        if (output is not null)
        {
            SubsidyRoundFiles.Write(output, result);
        }
        if (json)
        {
            Cli.WriteJson(SubsidyRoundFiles.ToJson(result));
            return 0;
        }
        string M(decimal v) => RuleFormat.Money(v);
        string I(int v) => v.ToString(CultureInfo.InvariantCulture);
        Console.WriteLine($"{I(year)} 年研发投入后补助（二(二)6）/ {I(year)} R&D post-subsidy round");
        foreach (var l in result.Lines)
        {
            var a = l.Applicant;
            Console.WriteLine($"{a.CreditCode} {a.Name} {a.LeagueCityName} rd_prev={M(a.RdPrev)} revenue_prev={M(a.RevenuePrev)} rd_prev2={(a.RdPrev2 is { } p2 ? M(p2) : "—")} 申报 claim {M(l.Claim.Amount)} 拨付 paid {M(l.Paid)}");
        }
        Console.WriteLine();
        Console.WriteLine("盟市合计 / by league-city:");
        foreach (var c in result.ByLeagueCity)
        {
            Console.WriteLine($"  {c.Code} {c.Name}：{I(c.Enterprises)} 家（符合 {I(c.Eligible)}），申报 {M(c.Claims)} 元，拨付 {M(c.Paid)} 元");
        }
        Console.WriteLine($"企业 enterprises: {I(result.Lines.Count)}，符合条件 eligible: {I(result.Lines.Count(l => l.Claim.Amount > 0m))}");
        Console.WriteLine($"申报合计 claims: {M(result.TotalClaims)} 元");
        Console.WriteLine($"预算 budget: {(budget is { } bb ? M(bb) + " 元" : "未设 none")}");
        if (result.ScaleFactor is { } f)
        {
            Console.WriteLine($"申报超过预算，按系数 {RuleFormat.Number(decimal.Round(f, 10))} 缩减并向下取整到元 / claims exceed the budget: scaled and floored to the yuan");
        }
        Console.WriteLine($"拨付合计 paid: {M(result.TotalPaid)} 元");
        if (result.Remainder is { } rem)
        {
            Console.WriteLine($"未分配余额 undistributed: {M(rem)} 元");
        }
        foreach (var (zh, en) in result.NotesZh.Zip(result.NotesEn))
        {
            Console.WriteLine($"说明：{zh}");
            Console.WriteLine($"Note: {en}");
        }
        if (output is not null)
        {
            Console.WriteLine($"名单已写入 written: {output}");
        }
        return 0;
    }
}
