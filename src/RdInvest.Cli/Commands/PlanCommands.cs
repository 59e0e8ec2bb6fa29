using System.CommandLine;
using System.Globalization;
using System.Text;
using RdInvest.Data;
using RdInvest.Plans;

namespace RdInvest.Cli.Commands;

public static class PlanCommands
{
    public static Command Build()
    {
        var plan = new Command("plan", "方案（目标、考核方案、参数）/ plans: targets, assessment scheme, parameters");

        var list = new Command("list", "列出已载入的方案 / list the loaded plans");
        var listJson = Cli.JsonOption();
        list.Options.Add(listJson);
        list.SetAction(async (r, ct) =>
        {
            await using var db = await OpenAsync(r, ct);
            var plans = await new PlanStore(db, TimeProvider.System).ListAsync(ct);
            if (r.GetValue(listJson))
            {
                Cli.WriteJson(plans.Select(p => new
                {
                    id = p.Id,
                    title = p.Title,
                    document_number = p.DocumentNumber,
                    base_year = p.BaseYear,
                    end_year = p.EndYear,
                    sha256 = p.Sha256,
                }));
                return 0;
            }
            foreach (var p in plans)
            {
                Console.WriteLine($"{p.Id}\t{p.DocumentNumber}\t{p.BaseYear}–{p.EndYear}\t{p.Title}");
            }
            return 0;
        });

        var show = new Command("show", "显示方案 / show a plan");
        var id = new Argument<string>("ID") { Description = "方案编号 / plan id" };
        var showJson = Cli.JsonOption();
        show.Arguments.Add(id);
        show.Options.Add(showJson);
        show.SetAction(async (r, ct) =>
        {
            await using var db = await OpenAsync(r, ct);
            var p = await new PlanResolver(db).ResolveAsync(r.GetValue(id)!, ct);
            if (r.GetValue(showJson))
            {
                Cli.WriteJson(PlanView.From(p));
                return 0;
            }
            Console.Write(Describe(p));
            return 0;
        });

        var load = new Command("load", "载入或更新方案文件 / load or update a plan file");
        var file = new Argument<FileInfo>("FILE") { Description = "方案文件（YAML 或 JSON）/ plan file (YAML or JSON)" };
        load.Arguments.Add(file);
        load.SetAction(async (r, ct) =>
        {
            var f = r.GetValue(file)!;
            if (!f.Exists)
            {
                throw new Common.UserError($"找不到文件 {f.FullName}", $"file not found: {f.FullName}");
            }
            await using var db = await OpenAsync(r, ct);
            var result = await new PlanStore(db, TimeProvider.System)
                .SaveAsync(await File.ReadAllTextAsync(f.FullName, Encoding.UTF8, ct), f.Name, RdInvest.Auditing.Actor.Cli(), ct);
            Console.WriteLine($"方案 / plan {result.PlanId}: {(result.Changed ? "已载入 / loaded" : "无变化 / unchanged")}");
            // A newly loaded plan is checked like `plan check`: its findings are printed, the plan stays loaded.
            PrintCheck(await new PlanCheckHandler(db).HandleAsync(result.PlanId, ct));
            return 0;
        });

        var check = new Command("check", "检查方案目标之间是否矛盾 / check whether a plan's targets contradict each other");
        var checkId = new Argument<string>("ID") { Description = "方案编号 / plan id" };
        var checkJson = Cli.JsonOption();
        check.Arguments.Add(checkId);
        check.Options.Add(checkJson);
        check.SetAction(async (r, ct) =>
        {
            await using var db = await OpenAsync(r, ct);
            var result = await new PlanCheckHandler(db).HandleAsync(r.GetValue(checkId)!, ct);
            if (r.GetValue(checkJson))
            {
                Cli.WriteJson(new
                {
                    plan = result.Plan,
                    tolerance_percent = result.TolerancePercent,
                    conflicts = result.Conflicts.Select(c => new
                    {
                        growth_target = c.GrowthTarget, level_target = c.LevelTarget, indicator = c.Indicator, scope = c.Scope,
                        base_year = c.BaseYear, end_year = c.EndYear, base_value = c.BaseValue, growth_rate_percent = c.GrowthRatePercent,
                        growth_end_value = c.GrowthEndValue, level_value = c.LevelValue, implied_rate_percent = c.ImpliedRatePercent,
                        gap_percent = c.GapPercent, note_zh = c.NoteZh, note_en = c.NoteEn,
                    }),
                    @unchecked = result.Unchecked.Select(u => new { growth_target = u.GrowthTarget, level_target = u.LevelTarget, indicator = u.Indicator, reason_zh = u.ReasonZh, reason_en = u.ReasonEn }),
                });
                return 0;
            }
            PrintCheck(result);
            return 0;
        });

        plan.Subcommands.Add(list);
        plan.Subcommands.Add(show);
        plan.Subcommands.Add(load);
        plan.Subcommands.Add(check);
        return plan;
    }

    private static async Task<RdInvestDb> OpenAsync(ParseResult r, CancellationToken ct)
    {
        var db = Cli.Target(r).CreateContext();
        await Schema.RequireAsync(db, ct);
        return db;
    }

    private static void PrintCheck(PlanCheckResult result)
    {
        Console.WriteLine($"方案 {result.Plan} 目标一致性检查（容差 {result.TolerancePercent.ToString("0.##", CultureInfo.InvariantCulture)}%）/ target consistency check (tolerance {result.TolerancePercent.ToString("0.##", CultureInfo.InvariantCulture)} %)");
        foreach (var c in result.Conflicts)
        {
            Console.WriteLine($"  ⚠ {c.NoteZh}");
            Console.WriteLine($"    {c.NoteEn}");
        }
        foreach (var u in result.Unchecked)
        {
            Console.WriteLine($"  ? {u.GrowthTarget}/{u.LevelTarget}: {u.ReasonZh} / {u.ReasonEn}");
        }
        if (result.Conflicts.Count == 0 && result.Unchecked.Count == 0)
        {
            Console.WriteLine("  目标之间没有矛盾 / the targets agree");
        }
    }

    private static string Describe(Plan p)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"{p.TitleZh}（{p.DocumentNumber}）");
        sb.AppendLine(inv, $"编号 / id: {p.Id}    基期 / base year: {p.BaseYear}    目标年 / end year: {p.EndYear}");
        sb.AppendLine("目标 / targets:");
        foreach (var t in p.Targets)
        {
            var value = t.Value is { } v ? $"{v.ToString(inv)} {t.Unit}"
                : string.Join("，", t.ValuesByCategory!.Select(kv => $"{kv.Key} {kv.Value.ToString(inv)}{t.Unit}"));
            sb.AppendLine(inv, $"  {t.Id}  [{t.Clause}]  {t.Kind,-9} {t.Indicator,-34} {value}  {t.TitleZh}");
        }
        if (RdInvest.Platforms.LeadingIndustries.Of(p, p.EndYear) is { } leading)
        {
            var flagged = p.Parameters[RdInvest.Platforms.LeadingIndustries.Parameter].At(new DateOnly(p.EndYear, 12, 31))!.IsDefault;
            var note = flagged ? "  默认值，由主管部门确定 / default, set by the administering department" : "";
            sb.AppendLine(inv, $"主导产业、优势特色产业 / leading and featured industries (T11, 二(四)11): {string.Join(", ", leading)}{note}");
        }
        sb.AppendLine(inv, $"参数 / parameters: {p.Parameters.Count}");
        foreach (var x in p.Parameters.Values.OrderBy(x => x.Name, StringComparer.Ordinal))
        {
            foreach (var v in x.Values)
            {
                sb.AppendLine(inv, $"  {x.Name} = {v.Value.ToJsonString()}  自 / from {v.EffectiveFrom:yyyy-MM-dd}  [{v.Clause}]{(v.IsDefault ? "  默认值，由主管部门确定 / default, set by the administering department" : "")}");
            }
        }
        return sb.ToString();
    }
}
