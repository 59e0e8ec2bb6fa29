using System.CommandLine;
using System.Globalization;
using RdInvest.Common;
using RdInvest.Finance;
using RdInvest.Plans;
using RdInvest.Policy;

namespace RdInvest.Cli.Commands;

/// <summary>
/// <c>rdinvest finance-round --year Y [--budget B] [--plan ID] [--json] [--save]</c>: the finance round (R10, R11, R14–R16,
/// 二(三)7–9) over the records of a year; <c>finance-round list</c> and <c>approve ID</c> for saved rounds.
/// </summary>
public static class FinanceRoundCommand
{
    public static Command Build()
    {
        var command = new Command("finance-round", "金融轮次：贷款贴息、上市与直接融资奖励、质押补偿、担保费补贴 / finance round: loan interest, listing and direct financing rewards, pledge compensation, guarantee fee subsidy");
        var year = new Option<int?>("--year") { Description = "年度（该年度的贷款与融资记录）/ the round's year (the records of that year)" }.InPlanYears();
        var save = new Option<bool>("--save") { Description = "保存为待批准的轮次并打印轮次编号 / save as a draft round and print its id" };
        var budget = new Option<string?>("--budget") { Description = "预算（元）/ budget in yuan" };
        var plan = CalcCommands.PlanOption();
        var json = Cli.JsonOption();
        command.Options.Add(year);
        command.Options.Add(budget);
        command.Options.Add(plan);
        command.Options.Add(json);
        command.Options.Add(save);
        command.SetAction(async (p, ct) =>
        {
            var y = p.GetValue(year) ?? throw new UserError("缺少 --year（年度）", "--year (the round's year) is required", exitCode: 2);
            var b = p.GetValue(budget) is { } text
                ? ParameterValue.TryParseNumber(text, out var v) && !text.Contains('%', StringComparison.Ordinal) ? v
                    : throw new UserError($"--budget 的值 {text} 不是金额", $"--budget: {text} is not an amount", exitCode: 2)
                : (decimal?)null;
            var target = Cli.Target(p);
            var planValue = await CalcCommands.LoadPlanAsync(p.GetValue(plan), target, ct);
            await using var db = target.CreateContext();
            FinanceRoundResult result;
            long? savedId = null;
            if (p.GetValue(save))
            {
                var saved = await new SavedFinanceRoundHandler(db, TimeProvider.System).SaveAsync(new FinanceRoundRequest(y, b), planValue, Auditing.Actor.Cli(), ct);
                savedId = saved.Round.Id;
                result = saved.Computed!;
            }
            else
            {
                result = await new FinanceRoundHandler(db).HandleAsync(new FinanceRoundRequest(y, b), planValue, ct);
            }
            if (p.GetValue(json))
            {
                var node = System.Text.Json.JsonSerializer.SerializeToNode(result, Cli.JsonOptions)!.AsObject();
                if (savedId is { } sid)
                {
                    node["round_id"] = sid;
                    node["status"] = Data.SubsidyRoundStatuses.Draft;
                }
                Console.Out.WriteLine(node.ToJsonString(Cli.JsonOptions));
                return 0;
            }
            Print(result, savedId);
            return 0;
        });
        command.Subcommands.Add(List());
        command.Subcommands.Add(Approve());
        return command;
    }

    private static void Print(FinanceRoundResult result, long? savedId)
    {
        Console.WriteLine($"{I(result.Year)} 年金融轮次（二(三)7–9）/ {I(result.Year)} finance round");
        foreach (var l in result.Lines.Where(l => l.Claim > 0m || l.PaidBefore is not null || l.DuplicateOf is not null))
        {
            var note = l.PaidBefore is { } b ? $" 已发放 already paid {I(b.Year)} {M(b.Amount)}" : l.DuplicateOf is { } d ? $" 本轮已奖励 rewarded in this round: {d}" : "";
            Console.WriteLine($"{l.Rule} {l.Slug} {l.PayeeCode} {l.PayeeName} {l.Record} 申报 claim {M(l.Claim)} 拨付 paid {M(l.Paid)}{note}");
        }
        Console.WriteLine();
        foreach (var r in result.ByRule)
        {
            Console.WriteLine($"  {r.Rule} {r.Slug}: {I(r.Lines)} 条 lines，符合 eligible {I(r.Eligible)}，申报 claims {M(r.Claims)} 元，拨付 paid {M(r.Paid)} 元");
        }
        Console.WriteLine($"申报合计 claims: {M(result.TotalClaims)} 元；预算 budget: {(result.Budget is { } bb ? M(bb) + " 元" : "未设 none")}；拨付合计 paid: {M(result.TotalPaid)} 元");
        if (result.ScaleFactor is { } f)
        {
            Console.WriteLine($"申报超过预算，按系数 {RuleFormat.Number(f)} 缩减并向下取整到元 / claims exceed the budget: scaled and floored to the yuan");
        }
        foreach (var (zh, en) in result.NotesZh.Zip(result.NotesEn))
        {
            Console.WriteLine($"说明：{zh}");
            Console.WriteLine($"Note: {en}");
        }
        if (savedId is { } id)
        {
            Console.WriteLine($"已保存为待批准的轮次 saved as draft round: {I(id)}（rdinvest finance-round approve {I(id)}）");
        }
    }

    private static Command List()
    {
        var cmd = new Command("list", "已保存的金融轮次 / saved finance rounds");
        var year = new Option<int?>("--year") { Description = "只列该年度 / only this year" }.InPlanYears();
        var json = Cli.JsonOption();
        cmd.Options.Add(year);
        cmd.Options.Add(json);
        cmd.SetAction(async (p, ct) =>
        {
            await using var db = Cli.Target(p).CreateContext();
            var rounds = await new SavedFinanceRoundHandler(db, TimeProvider.System).ListAsync(p.GetValue(year), ct);
            if (p.GetValue(json))
            {
                Cli.WriteJson(rounds);
                return 0;
            }
            foreach (var r in rounds)
            {
                Console.WriteLine($"{I(r.Id)} {I(r.Year)} {r.Status} 方案 plan {r.PlanId} 预算 budget {(r.Budget is { } b ? M(b) : "—")} 符合 eligible {I(r.Eligible)} " +
                    $"拨付 paid {M(r.TotalPaid)} 计算 computed {r.CreatedAt:yyyy-MM-dd HH:mm} {r.CreatedBy}" +
                    (r.ApprovedAt is { } at ? $" 批准 approved {at:yyyy-MM-dd HH:mm} {r.ApprovedBy}" : ""));
            }
            if (rounds.Count == 0)
            {
                Console.WriteLine("没有已保存的金融轮次 / no saved finance rounds");
            }
            return 0;
        });
        return cmd;
    }

    private static Command Approve()
    {
        var cmd = new Command("approve", "批准已保存的金融轮次并记录发放 / approve a saved finance round and record its payments");
        var id = new Argument<long>("ID") { Description = "轮次编号 / round id" };
        var json = Cli.JsonOption();
        cmd.Arguments.Add(id);
        cmd.Options.Add(json);
        cmd.SetAction(async (p, ct) =>
        {
            await using var db = Cli.Target(p).CreateContext();
            var approved = await new SavedFinanceRoundHandler(db, TimeProvider.System, new PlanResolver(db)).ApproveAsync(p.GetValue(id), Auditing.Actor.Cli(), ct);
            if (p.GetValue(json))
            {
                Cli.WriteJson(approved);
                return 0;
            }
            Console.WriteLine($"金融轮次 {I(approved.Round.Id)}（{I(approved.Round.Year)} 年）已批准 / finance round approved");
            Console.WriteLine($"发放 {I(approved.Payments)} 笔，合计 {M(approved.Total)} 元，其中付给金融机构 {I(approved.InstitutionPayments)} 笔 {M(approved.InstitutionTotal)} 元 / payments recorded: {I(approved.Payments)}, {M(approved.Total)} yuan, to institutions {I(approved.InstitutionPayments)}");
            return 0;
        });
        return cmd;
    }

    private static string M(decimal v) => RuleFormat.Money(v);

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);
}
