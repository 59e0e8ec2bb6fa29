using System.CommandLine;
using System.Globalization;
using RdInvest.Common;
using RdInvest.Payments;
using RdInvest.Plans;
using RdInvest.Policy;

namespace RdInvest.Cli.Commands;

/// <summary>
/// <c>rdinvest payments record --unit CREDIT_CODE --rule R1 --year Y --amount A [--paid-on D] [--source S] [--note N]</c> and
/// <c>rdinvest payments list [--unit] [--rule] [--year] [--json]</c>: the incentive payment records (R1 once per enterprise ever).
/// </summary>
public static class PaymentCommands
{
    public static Command Build()
    {
        var cmd = new Command("payments", "奖补发放记录（R1 每个企业只奖励一次）/ incentive payment records (R1 is paid once per enterprise ever)");
        cmd.Subcommands.Add(Record());
        cmd.Subcommands.Add(List());
        cmd.Subcommands.Add(AwardUse());
        return cmd;
    }

    private static Command Record()
    {
        var cmd = new Command("record", "记录一笔发放 / record a payment");
        var unit = new Option<string>("--unit") { Description = "统一社会信用代码 / credit code", Required = true };
        var rule = new Option<string>("--rule") { Description = "规则编号或名称，如 R1、R2 / rule id or slug", Required = true };
        var year = new Option<int>("--year") { Description = "所属年度 / the year it belongs to", Required = true }.InPlanYears();
        var amount = new Option<string>("--amount") { Description = "金额（元）/ amount in yuan", Required = true };
        var paidOn = new Option<string?>("--paid-on") { Description = "发放日期 YYYY-MM-DD（默认今天）/ date paid (default today)" };
        var source = new Option<string?>("--source") { Description = "来源（默认 manual）/ source (default manual)" };
        var note = new Option<string?>("--note") { Description = "备注 / note" };
        var json = Cli.JsonOption();
        foreach (var o in new Option[] { unit, rule, year, amount, paidOn, source, note, json })
        {
            cmd.Options.Add(o);
        }
        cmd.SetAction(async (p, ct) =>
        {
            var text = p.GetValue(amount)!;
            var value = ParameterValue.TryParseNumber(text, out var a) && !text.Contains('%', StringComparison.Ordinal)
                ? a
                : throw new UserError($"--amount 的值 {text} 不是金额", $"--amount: {text} is not an amount", exitCode: 2);
            var on = p.GetValue(paidOn) is { } d ? RuleFormat.ParseDate(d, "--paid-on") : null;
            await using var db = Cli.Target(p).CreateContext();
            var view = await new PaymentHandler(db, TimeProvider.System).RecordAsync(
                new PaymentInput(p.GetValue(unit)!, p.GetValue(rule)!, p.GetValue(year), value, on, p.GetValue(source), p.GetValue(note)),
                Auditing.Actor.Cli(), ct);
            if (p.GetValue(json))
            {
                Cli.WriteJson(view);
                return 0;
            }
            Console.WriteLine($"已记录 recorded: {Line(view)}");
            return 0;
        });
        return cmd;
    }

    private static Command List()
    {
        var cmd = new Command("list", "列出发放记录 / list payments");
        var unit = new Option<string?>("--unit") { Description = "统一社会信用代码 / credit code" };
        var rule = new Option<string?>("--rule") { Description = "规则 / rule" };
        var year = new Option<int?>("--year") { Description = "年度 / year" }.InPlanYears();
        var json = Cli.JsonOption();
        foreach (var o in new Option[] { unit, rule, year, json })
        {
            cmd.Options.Add(o);
        }
        cmd.SetAction(async (p, ct) =>
        {
            await using var db = Cli.Target(p).CreateContext();
            var rows = await new PaymentHandler(db, TimeProvider.System).ListAsync(new PaymentQuery(p.GetValue(unit), p.GetValue(rule), p.GetValue(year)), ct);
            if (p.GetValue(json))
            {
                Cli.WriteJson(rows);
                return 0;
            }
            foreach (var r in rows)
            {
                Console.WriteLine(Line(r));
            }
            Console.WriteLine($"{rows.Count.ToString(CultureInfo.InvariantCulture)} 笔，合计 {RuleFormat.Money(rows.Sum(r => r.Amount))} 元 / {rows.Count.ToString(CultureInfo.InvariantCulture)} payments, total {RuleFormat.Money(rows.Sum(r => r.Amount))} yuan");
            return 0;
        });
        return cmd;
    }

    private static Command AwardUse()
    {
        var cmd = new Command("award-use", "奖励资金用于研发情况：未报告或低于发放额的发放记录（二(一)2）/ payments whose R&D use is unreported or below the amount");
        var rule = new Option<string?>("--rule") { Description = "规则 / rule" };
        var year = new Option<int?>("--year") { Description = "发放年度 / year of the payments" }.InPlanYears();
        var output = new Option<string?>("--out") { Description = "输出文件 .xlsx 或 .csv / output file" };
        var json = Cli.JsonOption();
        foreach (var o in new Option[] { rule, year, output, json })
        {
            cmd.Options.Add(o);
        }
        cmd.SetAction(async (p, ct) =>
        {
            await using var db = Cli.Target(p).CreateContext();
            await Data.Schema.RequireAsync(db, ct);
            var report = await new AwardUseReportHandler(db).HandleAsync(new AwardUseReportRequest(p.GetValue(year), p.GetValue(rule)), ct);
            if (p.GetValue(output) is { } path)
            {
                AwardUseReportHandler.Write(path, report);
            }
            if (p.GetValue(json))
            {
                Cli.WriteJson(report);
                return 0;
            }
            Console.WriteLine("奖励资金用于研发（二(一)2）：未报告或低于发放额 / awards used for R&D: unreported or below the amount");
            foreach (var l in report.Lines)
            {
                Console.WriteLine($"  {l.PaymentId.ToString(CultureInfo.InvariantCulture)} {l.CreditCode} {l.Name} {l.LeagueCityName} {l.Rule} {l.Year.ToString(CultureInfo.InvariantCulture)}"
                    + $" 发放 paid {RuleFormat.Money(l.Amount)}  用于研发 used {(l.Used is { } u ? RuleFormat.Money(u) : "—")}  差额 shortfall {RuleFormat.Money(l.Shortfall)}  {(l.Status == AwardUseReportHandler.Unreported ? "未报告 unreported" : "不足 below")}");
            }
            foreach (var t in report.ByLeagueCity)
            {
                Console.WriteLine($"  {t.LeagueCity} {t.Name}: 发放 {t.Payments.ToString(CultureInfo.InvariantCulture)} 笔 payments，未报告 unreported {t.Unreported.ToString(CultureInfo.InvariantCulture)}，不足 below {t.Below.ToString(CultureInfo.InvariantCulture)}，差额 shortfall {RuleFormat.Money(t.Shortfall)} 元");
            }
            return 0;
        });
        return cmd;
    }

    private static string Line(PaymentView r) =>
        $"{r.Id.ToString(CultureInfo.InvariantCulture)} {r.CreditCode} {r.Name} {r.Rule} {r.Year.ToString(CultureInfo.InvariantCulture)} {RuleFormat.Money(r.Amount)} 元 {RuleFormat.Date(r.PaidOn)} {r.Source}{(r.Note is { } n ? " " + n : "")}";
}
