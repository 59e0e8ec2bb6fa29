using System.CommandLine;
using System.Globalization;
using RdInvest.Calculation;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Plans;
using RdInvest.Policy;

namespace RdInvest.Cli.Commands;

/// <summary>
/// <c>rdinvest calc list</c> and <c>rdinvest calc RULE name=value … [--date D] [--plan ID] [--set p=v] [--batch F --out F] [--json]</c>:
/// the incentive rules of the plan, one case or a batch, with what-if parameters — through <see cref="CalcHandler"/>.
/// </summary>
public static class CalcCommands
{
    public static Command Build()
    {
        var calc = new Command("calc", "计算激励政策（规则即代码）/ compute an incentive of the plan (rules as code)");
        var rule = new Argument<string>("RULE") { Description = "规则编号或名称，如 R2 或 post-subsidy / rule id or slug" };
        var inputs = new Argument<string[]>("INPUTS") { Description = "输入 name=value … / inputs name=value …", Arity = ArgumentArity.ZeroOrMore };
        var date = new Option<string?>("--date") { Description = "按该日期生效的参数计算（YYYY-MM-DD）/ use the parameters in force on this date" };
        var plan = PlanOption();
        var set = new Option<string[]>("--set") { Description = "假设：改变参数 name=value（可重复）/ what-if: change a parameter (repeatable)", AllowMultipleArgumentsPerToken = false };
        var batch = new Option<string?>("--batch") { Description = "批量输入文件 .csv 或 .xlsx，每行一个案例 / batch input, one case per row" };
        var output = new Option<string?>("--out") { Description = "批量结果文件 .xlsx、.csv 或 .json / batch output file" };
        var unit = new Option<string?>("--unit")
        {
            Description = "统一社会信用代码：hte-reward 的 rewarded_before（及未给出的证书输入）、listing-reward 的 st_enterprise 取自数据库 / credit code: hte-reward takes rewarded_before (and certificate inputs not given), listing-reward st_enterprise, from the database",
        };
        var loan = new Option<string?>("--loan") { Description = "贷款记录 贷款机构代码:贷款编号（loan-interest、pledge-compensation、guarantee-fee-subsidy）/ a loan record LENDER:LOAN_ID" };
        var financingEvent = new Option<string?>("--event") { Description = "融资事件编号（listing-reward、direct-financing-reward）/ a financing event id" };
        var platform = new Option<string?>("--platform")
        {
            Description = "创新平台代码：platform-post-subsidy 的级别和最近一次评价等级取自数据库（与 --year 同用）/ platform id: platform-post-subsidy takes the level and latest grade from the database (with --year)",
        };
        var year = new Option<int?>("--year") { Description = "年份：loan-interest 计算贷款在该年内的天数；与 --platform 同用为支持年度 / year: loan-interest counts the loan's days within it; with --platform, the year of support" };
        var json = Cli.JsonOption();
        calc.Options.Add(loan);
        calc.Options.Add(financingEvent);
        calc.Options.Add(year);
        calc.Arguments.Add(rule);
        calc.Options.Add(unit);
        calc.Options.Add(platform);
        calc.Arguments.Add(inputs);
        calc.Options.Add(date);
        calc.Options.Add(plan);
        calc.Options.Add(set);
        calc.Options.Add(batch);
        calc.Options.Add(output);
        calc.Options.Add(json);
        calc.SetAction(async (p, ct) =>
        {
            var args = p.GetValue(inputs) ?? [];
            await using var db = OpenIfExists(Cli.Target(p));
            var handler = new CalcHandler(new PlanResolver(db, files: true), TimeProvider.System, db);
            var dateText = RuleFormat.ParseDate(p.GetValue(date), "--date") is { } d ? RuleFormat.Date(d) : null;
            if (p.GetValue(batch) is { } file)
            {
                if (args.Length > 0)
                {
                    throw new UserError("使用 --batch 时输入来自文件，不能再给 name=value", "with --batch the inputs come from the file; give no name=value", exitCode: 2);
                }
                var request = new CalcBatchRequest(dateText, p.GetValue(plan), p.GetValue(set) ?? []);
                return await BatchAsync(handler, p.GetValue(rule)!, request, file, p.GetValue(output), p.GetValue(json), ct);
            }
            if (p.GetValue(output) is not null)
            {
                throw new UserError("--out 只用于 --batch", "--out goes with --batch", exitCode: 2);
            }
            if (p.GetValue(unit) is not null && db is null)
            {
                throw new UserError("--unit 需要数据库（--db）", "--unit needs a database (--db)", exitCode: 2);
            }
            var typed = RuleInputParser.ToDictionary(RuleInputParser.SplitAssignments(args));
            if (p.GetValue(loan) is not null || p.GetValue(financingEvent) is not null)
            {
                if (db is null)
                {
                    throw new UserError("--loan、--event 需要数据库（--db）", "--loan and --event need a database (--db)", exitCode: 2);
                }
                var fromRecord = await Finance.FinanceRuleInputs.LoadAsync(db, p.GetValue(rule)!, p.GetValue(loan), p.GetValue(financingEvent), p.GetValue(year), ct);
                foreach (var (k, v) in fromRecord)
                {
                    typed[k] = v;
                }
                dateText ??= p.GetValue(year) is { } y ? $"{y:D4}-12-31" : null;
            }
            if (p.GetValue(platform) is not null && db is null)
            {
                throw new UserError("--platform 需要数据库（--db）", "--platform needs a database (--db)", exitCode: 2);
            }
            var single = new CalcRequest(typed, dateText, p.GetValue(plan), Sets(p.GetValue(set) ?? []));
            var result = await handler.HandleAsync(p.GetValue(rule)!, single, ct, p.GetValue(unit), p.GetValue(platform), p.GetValue(year));
            return Single(result, p.GetValue(json));
        });

        var list = new Command("list", "列出全部规则及其条款、输入和参数 / list every rule with its clause, inputs and parameters");
        var listJson = Cli.JsonOption();
        var listPlan = PlanOption();
        list.Options.Add(listJson);
        list.Options.Add(listPlan);
        list.SetAction(async (p, ct) => List(await LoadPlanAsync(p.GetValue(listPlan), Cli.Target(p), ct), p.GetValue(listJson)));
        calc.Subcommands.Add(list);
        return calc;
    }

    internal static Option<string?> PlanOption() =>
        new("--plan") { Description = $"方案编号或方案文件（默认 {PlanResolver.DefaultPlan}）/ plan id or plan file (default {PlanResolver.DefaultPlan})" };

    /// <summary>
    /// The database when there is one: a SQLite file that does not exist is not created just to look for plans (the
    /// resolver then finds plan files and built-in plans only).
    /// </summary>
    internal static RdInvestDb? OpenIfExists(DbTarget target) =>
        target.Provider == DbProvider.Sqlite
        && !File.Exists(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(target.ConnectionString).DataSource)
            ? null
            : target.CreateContext();

    /// <summary>A plan file, else a plan loaded into the database, else a built-in plan (see <see cref="PlanResolver"/>).</summary>
    internal static async Task<Plan> LoadPlanAsync(string? idOrFile, DbTarget target, CancellationToken ct)
    {
        await using var db = OpenIfExists(target);
        return await new PlanResolver(db, files: true).ResolveAsync(idOrFile, ct);
    }

    /// <summary>--set name=value, repeated: the last value of a name wins.</summary>
    private static Dictionary<string, string>? Sets(string[] assignments)
    {
        if (assignments.Length == 0)
        {
            return null;
        }
        var sets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in RuleInputParser.SplitAssignments(assignments))
        {
            sets[k] = v;
        }
        return sets;
    }

    private static int List(Plan plan, bool json)
    {
        if (json)
        {
            Cli.WriteJson(RuleRegistry.All.Select(r => new
            {
                rule = r.Id,
                slug = r.Slug,
                clause = r.Clause,
                title_zh = r.TitleZh,
                title_en = r.TitleEn,
                inputs = r.Inputs.Select(i => new
                {
                    name = i.Name,
                    type = i.Type.ToString().ToLowerInvariant(),
                    required = i.Required,
                    meaning_zh = i.MeaningZh,
                    meaning_en = i.MeaningEn,
                    @default = i.Default,
                    choices = i.Choices,
                }),
                parameters = r.Parameters.Select(name => plan.Parameters.GetValueOrDefault(name) is var p ? new
                {
                    name,
                    unit = p?.Unit,
                    description_zh = p?.DescriptionZh,
                    description_en = p?.DescriptionEn,
                    values = p?.Values.Select(v => new { effective_from = v.EffectiveFrom, value = v.Value, clause = v.Clause, @default = v.IsDefault }),
                } : null),
            }));
            return 0;
        }
        foreach (var r in RuleRegistry.All)
        {
            Console.WriteLine($"{r.Id,-4} {r.Slug,-24} {r.TitleZh}（{r.Clause}）/ {r.TitleEn}");
            foreach (var i in r.Inputs)
            {
                var req = i.Required ? "必填 required" : i.Default is { } d ? $"可选，缺省 {d} / optional, default {d}" : "可选 optional";
                Console.WriteLine($"       输入 {i.Name} [{i.Type.ToString().ToLowerInvariant()}] {req}：{i.MeaningZh} / {i.MeaningEn}");
            }
            foreach (var name in r.Parameters)
            {
                var p = plan.Parameters.GetValueOrDefault(name);
                var values = p is null ? "（方案中没有 / not in the plan）"
                    : string.Join("；", p.Values.Select(v => $"自 {RuleFormat.Date(v.EffectiveFrom)} 起 {v.Value.ToJsonString()}{(v.IsDefault ? " 默认 default" : "")}"));
                Console.WriteLine($"       参数 {name}：{values}");
            }
        }
        return 0;
    }

    private static int Single(CalcResult calc, bool json)
    {
        var (rule, result, whatIf) = (calc.Rule, calc.Plan, calc.Whatif);
        if (json)
        {
            if (whatIf is null)
            {
                Cli.WriteJson(result);
            }
            else
            {
                Cli.WriteJson(calc);
            }
            return 0;
        }
        Print(rule, result);
        if (whatIf is not null)
        {
            Console.WriteLine();
            Console.WriteLine("—— 假设（--set）/ what-if ——");
            Print(rule, whatIf);
            Console.WriteLine();
            Console.WriteLine($"方案参数下 {RuleFormat.Money(result.Amount)} 元，调整后 {RuleFormat.Money(whatIf.Amount)} 元，差额 {RuleFormat.Money(calc.Difference!.Value)} 元");
            Console.WriteLine($"under the plan's parameters {RuleFormat.Money(result.Amount)} yuan, changed {RuleFormat.Money(whatIf.Amount)}, difference {RuleFormat.Money(calc.Difference!.Value)}");
        }
        return 0;
    }

    private static void Print(RuleDefinition rule, RuleResult r)
    {
        Console.WriteLine($"{r.Rule} {r.Slug} {rule.TitleZh} / {rule.TitleEn}（{rule.Clause}）");
        Console.WriteLine($"日期 date: {RuleFormat.Date(r.Date)}");
        Console.WriteLine($"金额 amount: {RuleFormat.Money(r.Amount)} 元 yuan");
        foreach (var (k, v) in r.Outputs)
        {
            Console.WriteLine($"  {k} = {RuleFormat.Number(v)}");
        }
        Console.WriteLine("计算步骤 steps:");
        var n = 0;
        foreach (var s in r.Steps)
        {
            n++;
            Console.WriteLine($"  {n.ToString(CultureInfo.InvariantCulture),2}. {s.TextZh}〔{s.Clause}〕");
            Console.WriteLine($"      {s.TextEn}");
        }
        Console.WriteLine("参数 parameters:");
        foreach (var p in r.Parameters)
        {
            Console.WriteLine($"  {p.Name} = {p.Value.ToJsonString()}（自 {RuleFormat.Date(p.EffectiveFrom)} 起 / from；{p.Clause}{(p.IsDefault ? "；默认值，由主管部门确定 / default, set by the administering department" : "")}）");
        }
    }

    private static async Task<int> BatchAsync(CalcHandler handler, string rule, CalcBatchRequest request, string file, string? output, bool json,
        CancellationToken ct)
    {
        if (output is null)
        {
            throw new UserError("--batch 需要 --out 指定结果文件", "--batch needs --out for the results", exitCode: 2);
        }
        if (!File.Exists(file))
        {
            throw new UserError($"找不到文件 {file}", $"file not found: {file}", exitCode: 2);
        }
        await using var input = File.OpenRead(file);
        var batch = await handler.BatchAsync(rule, request, input, file, limits: null, ct);
        var run = batch.Summary;
        if (!batch.Accepted)
        {
            // Like an import: a batch with a rejected row writes nothing, and every rejected row is reported.
            foreach (var e in run.Errors.Take(100))
            {
                Console.Error.WriteLine($"第 {e.RowNumber.ToString(CultureInfo.InvariantCulture)} 行：{e.MessageZh} / row {e.RowNumber.ToString(CultureInfo.InvariantCulture)}: {e.MessageEn}");
            }
            Cli.Error($"{run.Errors.Count.ToString(CultureInfo.InvariantCulture)} 行被拒绝，未写出结果",
                $"{run.Errors.Count.ToString(CultureInfo.InvariantCulture)} rows rejected; nothing written");
            return 1;
        }
        if (Path.GetExtension(output).Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            await using var f = File.Create(output);
            await batch.WriteJsonAsync(f, indented: true, ct);
        }
        else if (Path.GetExtension(output).Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            // Streamed: each case is computed, explained and written, then forgotten.
            batch.WriteCsv(output);
        }
        else
        {
            RuleBatchFiles.Write(output, batch.Run());
        }
        var definition = run.Rule;
        if (json)
        {
            Cli.WriteJson(new { rule = definition.Id, slug = definition.Slug, cases = run.CaseCount, total = run.Total, whatif_total = run.WhatIfTotal, difference = run.Difference, output });
            return 0;
        }
        Console.WriteLine($"{definition.Id} {definition.Slug}：{run.CaseCount.ToString(CultureInfo.InvariantCulture)} 个案例 cases，方案参数下合计 total {RuleFormat.Money(run.Total)} 元");
        if (run.WhatIfTotal is { } w)
        {
            Console.WriteLine($"调整参数 changed: {string.Join("; ", run.Overrides!.Select(o => $"{o.Key}={o.Value.ToJsonString()}"))}");
            Console.WriteLine($"调整后合计 total under the changed parameters {RuleFormat.Money(w)} 元，差额 difference {RuleFormat.Money(run.Difference!.Value)} 元");
        }
        Console.WriteLine($"结果已写入 written: {output}");
        return 0;
    }
}
