using System.CommandLine;
using System.Globalization;
using RdInvest.Common;
using RdInvest.Plans;
using RdInvest.Policy;
using RdInvest.Subsidies;

namespace RdInvest.Cli.Commands;

/// <summary>
/// <c>rdinvest subsidy-round --year Y [--budget B] [--out FILE.xlsx] [--plan ID] [--json] [--save]</c>: the R2
/// post-subsidy round; <c>subsidy-round list</c>, <c>approve ID</c> and <c>export ID --out FILE</c> for saved rounds.
/// </summary>
public static class SubsidyRoundCommand
{
    public static Command Build()
    {
        var command = new Command("subsidy-round", "研发投入后补助评审轮次：计算、按预算缩减、导出名单 / R&D post-subsidy round: compute, scale to the budget, export the list");
        // Not Required: the subcommands (list, approve, export) take no year; the action checks it.
        var year = new Option<int?>("--year") { Description = "补助年度（用 Y−1 年和 Y−2 年的研发数据）/ the round's year (uses the records of Y−1 and Y−2)" }.InPlanYears();
        var save = new Option<bool>("--save") { Description = "保存为待批准的轮次并打印轮次编号 / save as a draft round for approval and print its id" };
        var budget = new Option<string?>("--budget") { Description = "预算（元）/ budget in yuan" };
        var output = new Option<string?>("--out") { Description = "名单文件 .xlsx、.csv 或 .json / payment list file" };
        var plan = CalcCommands.PlanOption();
        var json = Cli.JsonOption();
        var explain = new Option<bool>("--explain")
        {
            Description = "--json 时每家企业附计算说明（explanation_zh 等；默认不附，以求速度）/ with --json, each enterprise's explanation (explanation_zh …; left out by default for speed)",
        };
        command.Options.Add(year);
        command.Options.Add(budget);
        command.Options.Add(output);
        command.Options.Add(plan);
        command.Options.Add(json);
        command.Options.Add(save);
        command.Options.Add(explain);
        command.SetAction(async (p, ct) =>
        {
            var y = p.GetValue(year) ?? throw new UserError("缺少 --year（补助年度）", "--year (the round's year) is required", exitCode: 2);
            return await RunAsync(y, p.GetValue(budget), p.GetValue(output), p.GetValue(plan),
                new Output(p.GetValue(json), p.GetValue(explain)), p.GetValue(save), Cli.Target(p), ct);
        });
        command.Subcommands.Add(List());
        command.Subcommands.Add(Approve());
        command.Subcommands.Add(Export());
        return command;
    }

    private static Command List()
    {
        var cmd = new Command("list", "已保存的补助轮次 / saved rounds");
        var year = new Option<int?>("--year") { Description = "只列该年度 / only this year" }.InPlanYears();
        var json = Cli.JsonOption();
        cmd.Options.Add(year);
        cmd.Options.Add(json);
        cmd.SetAction(async (p, ct) =>
        {
            await using var db = Cli.Target(p).CreateContext();
            var rounds = await new SavedRoundHandler(db, TimeProvider.System).ListAsync(p.GetValue(year), ct);
            if (p.GetValue(json))
            {
                Cli.WriteJson(rounds);
                return 0;
            }
            foreach (var r in rounds)
            {
                Console.WriteLine($"{I(r.Id)} {I(r.Year)} {r.Status} 方案 plan {r.PlanId} 预算 budget {(r.Budget is { } b ? M(b) : "—")} 企业 enterprises {I(r.Enterprises)} " +
                    $"R2 拨付 paid {M(r.TotalPaid)} R1 {M(r.R1TotalClaims)} 计算 computed {r.CreatedAt:yyyy-MM-dd HH:mm} {r.CreatedBy}" +
                    (r.ApprovedAt is { } at ? $" 批准 approved {at:yyyy-MM-dd HH:mm} {r.ApprovedBy}" : ""));
            }
            if (rounds.Count == 0)
            {
                Console.WriteLine("没有已保存的补助轮次 / no saved rounds");
            }
            return 0;
        });
        return cmd;
    }

    private static Command Approve()
    {
        var cmd = new Command("approve", "批准已保存的轮次并记录发放（R2 与 R1）/ approve a saved round and record its payments (R2 and R1)");
        var id = new Argument<long>("ID") { Description = "轮次编号 / round id" };
        var json = Cli.JsonOption();
        cmd.Arguments.Add(id);
        cmd.Options.Add(json);
        cmd.SetAction(async (p, ct) =>
        {
            var target = Cli.Target(p);
            await using var db = target.CreateContext();
            var approved = await new SavedRoundHandler(db, TimeProvider.System, new PlanResolver(db)).ApproveAsync(p.GetValue(id), Auditing.Actor.Cli(), ct);
            if (p.GetValue(json))
            {
                Cli.WriteJson(approved);
                return 0;
            }
            Console.WriteLine($"补助轮次 {I(approved.Round.Id)}（{I(approved.Round.Year)} 年）已批准 / round approved");
            Console.WriteLine($"R2 发放 {I(approved.R2Payments)} 笔，合计 {M(approved.R2Total)} 元 / R2 payments recorded: {I(approved.R2Payments)}, {M(approved.R2Total)} yuan");
            Console.WriteLine($"R1 发放 {I(approved.R1Payments)} 笔，合计 {M(approved.R1Total)} 元 / R1 payments recorded: {I(approved.R1Payments)}, {M(approved.R1Total)} yuan");
            return 0;
        });
        return cmd;
    }

    private static Command Export()
    {
        var cmd = new Command("export", "导出已保存轮次的拨付名单 / export a saved round's payment list");
        var id = new Argument<long>("ID") { Description = "轮次编号 / round id" };
        var output = new Option<string>("--out") { Description = "拨付名单 .xlsx 或 .csv / payment list file", Required = true };
        cmd.Arguments.Add(id);
        cmd.Options.Add(output);
        cmd.SetAction(async (p, ct) =>
        {
            await using var db = Cli.Target(p).CreateContext();
            var saved = await new SavedRoundHandler(db, TimeProvider.System).GetAsync(p.GetValue(id), ct);
            var file = p.GetValue(output)!;
            SubsidyRoundFiles.WritePayments(file, saved);
            var lines = SubsidyRoundFiles.PaymentLines(saved);
            if (saved.Round.Status != Data.SubsidyRoundStatuses.Approved)
            {
                Console.WriteLine($"注意：轮次 {I(saved.Round.Id)} 尚未批准，名单仅供审核 / note: round {I(saved.Round.Id)} is not approved yet; the list is for review");
            }
            Console.WriteLine($"{I(lines.Count)} 家企业，R2 {M(lines.Sum(l => l.R2))} 元，R1 {M(lines.Sum(l => l.R1))} 元，合计 {M(lines.Sum(l => l.Total))} 元 / {I(lines.Count)} enterprises, total {M(lines.Sum(l => l.Total))} yuan");
            Console.WriteLine($"拨付名单已写入 written: {file}");
            return 0;
        });
        return cmd;
    }

    private static string M(decimal v) => RuleFormat.Money(v);

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>How the round is shown: JSON or text; with --json, whether each line carries its explanation.</summary>
    private sealed record Output(bool Json, bool Explain);

    private static async Task<int> RunAsync(int year, string? budgetText, string? output, string? planId, Output show, bool save, Data.DbTarget target, CancellationToken ct)
    {
        var json = show.Json;
        decimal? budget = null;
        if (budgetText is not null)
        {
            budget = ParameterValue.TryParseNumber(budgetText, out var b) && !budgetText.Contains('%', StringComparison.Ordinal)
                ? b
                : throw new UserError($"--budget 的值 {budgetText} 不是金额", $"--budget: {budgetText} is not an amount", exitCode: 2);
        }
        if (!save && output is null && SubsidyRoundConnection.TryCreate(target) is { } connection)
        {
            // Nothing to save or file: no EF model, and the lines go out as they are computed.
            await using (connection)
            {
                var id = string.IsNullOrWhiteSpace(planId) ? PlanResolver.DefaultPlan : planId;
                var streamPlan = (File.Exists(id) ? null : await SubsidyRoundConnection.StoredPlanAsync(connection, id, ct))
                    ?? await CalcCommands.LoadPlanAsync(planId, target, ct);
                var stream = await new SubsidyRoundHandler(connection).StreamAsync(new SubsidyRoundRequest(year, budget), streamPlan, ct);
                Console.Out.Flush();
                if (json)
                {
                    using var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
                    SubsidyRoundJson.Write(stdout, stream, show.Explain, Cli.JsonOptions);
                    stdout.WriteByte((byte)'\n');
                    return 0;
                }
                await using var text = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16);
                SubsidyRoundText.Write(text, SubsidyRoundText.Summary.Of(stream), stream.Lines(explain: false), output: null, savedId: null);
                return 0;
            }
        }
        var plan = await CalcCommands.LoadPlanAsync(planId, target, ct);
        await using var db = target.CreateContext();
        SubsidyRoundResult result;
        long? savedId = null;
        if (save)
        {
            var saved = await new SavedRoundHandler(db, TimeProvider.System).SaveAsync(new SubsidyRoundRequest(year, budget), plan, Auditing.Actor.Cli(), ct);
            savedId = saved.Round.Id;
            result = saved.Computed!;
        }
        else
        {
            result = await new SubsidyRoundHandler(db).HandleAsync(new SubsidyRoundRequest(year, budget), plan, ct);
        }
        if (output is not null)
        {
            SubsidyRoundFiles.Write(output, result);
        }
        if (json)
        {
            if (savedId is { } sid)
            {
                var node = System.Text.Json.JsonSerializer.SerializeToNode(SubsidyRoundFiles.ToJson(result), Cli.JsonOptions)!.AsObject();
                node["round_id"] = sid;
                node["status"] = Data.SubsidyRoundStatuses.Draft;
                Console.Out.WriteLine(node.ToJsonString(Cli.JsonOptions));
                return 0;
            }
            Cli.WriteJson(SubsidyRoundFiles.ToJson(result));
            return 0;
        }
        SubsidyRoundText.Write(Console.Out, SubsidyRoundText.Summary.Of(result), result.Lines, output, savedId);
        return 0;
    }
}
