using System.CommandLine;
using System.Globalization;
using RdInvest.Common;
using RdInvest.Importing;

namespace RdInvest.Cli.Commands;

public static class ImportCommands
{
    private const int ConsoleFindings = 200;

    public static Option<string> UnitOption() => new("--unit")
    {
        Description = "金额单位 元|千元|万元|亿元（默认万元）/ money unit of the file (default 万元)",
        DefaultValueFactory = _ => "万元",
    };

    public static MoneyUnit ParseUnit(string? text) => Money.TryParseUnit(text, out var unit)
        ? unit
        : throw new UserError($"未知的金额单位“{text}”（元、千元、万元、亿元）", $"unknown money unit '{text}' (元, 千元, 万元, 亿元)", 2);

    public static Command Build()
    {
        var kind = new Argument<string>("KIND") { Description = string.Join(" | ", ImportKinds.All.Select(k => k.Name)) };
        var file = new Argument<string>("FILE") { Description = "CSV 或 XLSX 文件 / CSV or XLSX file" };
        var unit = UnitOption();
        var encoding = new Option<string?>("--encoding") { Description = "CSV 编码 utf-8|gb18030|gbk（默认自动识别）/ CSV encoding (default: detected)" };
        var sheet = new Option<string?>("--sheet") { Description = "XLSX 工作表名（默认第一个）/ XLSX sheet (default: the first)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "只校验，不写入 / validate only, write nothing" };
        var ignoreUnknown = new Option<bool>("--ignore-unknown") { Description = "忽略未知列 / skip unknown columns" };
        var report = new Option<string?>("--report") { Description = "校验报告输出到 FILE.xlsx|.csv|.json / write the findings to a file" };
        var user = new Option<string?>("--user") { Description = "审计日志中的操作人（默认当前系统用户）/ actor in the audit log" };
        var json = Cli.JsonOption();
        var progress = new Option<bool>("--progress")
        {
            Description = "在标准错误输出显示进度（已读行数、每秒行数、预计剩余时间；终端上默认显示）/ show progress on stderr (rows read, rows/s, time left; on by default on a terminal)",
        };

        var command = new Command("import", "导入数据文件 / import a data file") { kind, file, unit, encoding, sheet, dryRun, ignoreUnknown, report, user, json, progress };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = Cli.Target(parse).CreateContext();
            var result = await new ImportFileHandler(db, TimeProvider.System).HandleAsync(new ImportRequest(
                parse.GetValue(kind)!, parse.GetValue(file)!, ParseUnit(parse.GetValue(unit)), parse.GetValue(encoding),
                parse.GetValue(sheet), parse.GetValue(dryRun), parse.GetValue(ignoreUnknown), parse.GetValue(user))
            { Progress = ImportProgressPrinter.ForConsole(parse.GetValue(file)!, parse.GetValue(progress)) }, ct);
            if (parse.GetValue(report) is { } reportPath)
            {
                ImportReport.Write(reportPath, result);
            }
            if (parse.GetValue(json))
            {
                // The import's own options carry the enum-as-text converter for severities.
                Console.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(result, ImportReport.Json));
            }
            else
            {
                Print(result);
            }
            return result.Accepted ? 0 : 1;
        });
        command.Subcommands.Add(BuildTemplate());
        return command;
    }

    private static Command BuildTemplate()
    {
        var kind = new Argument<string>("KIND") { Description = string.Join(" | ", ImportKinds.All.Select(k => k.Name)) };
        var output = new Option<string>("--out") { Description = "FILE.xlsx|.csv", Required = true };
        var unit = UnitOption();
        var command = new Command("template", "生成导入模板（中文列名、单位、示例行）/ write an import template") { kind, output, unit };
        command.SetAction(async (parse, ct) =>
        {
            var path = await new WriteTemplateHandler().HandleAsync(
                new WriteTemplateRequest(parse.GetValue(kind)!, parse.GetValue(output)!, ParseUnit(parse.GetValue(unit))), ct);
            Console.Out.WriteLine($"模板已写入 / template written: {path}");
            return 0;
        });
        return command;
    }

    private static void Print(ImportResult r)
    {
        var inv = CultureInfo.InvariantCulture;
        foreach (var f in r.Findings.Take(ConsoleFindings))
        {
            var tag = f.Severity == Severity.Error ? "错误 error" : "警告 warning";
            var where = f.Column is null ? "" : $" [{f.Column}]";
            var value = f.Value is null ? "" : $" “{f.Value}”";
            Console.Out.WriteLine(string.Create(inv, $"{f.File}:{f.Row}{where}{value} {tag} {f.Rule}: {f.MessageZh} / {f.MessageEn}"));
        }
        if (r.Findings.Count > ConsoleFindings)
        {
            Console.Out.WriteLine(string.Create(inv, $"…… 另有 {r.Findings.Count - ConsoleFindings} 条，见 --report / {r.Findings.Count - ConsoleFindings} more, see --report"));
        }
        if (!r.Accepted)
        {
            Console.Out.WriteLine(string.Create(inv,
                $"拒绝导入：{r.Errors} 个错误，{r.Warnings} 个警告，未写入任何数据（仅记入导入日志）/ rejected: {r.Errors} errors, {r.Warnings} warnings, no data written (logged in the import log)"));
            return;
        }
        var mode = r.DryRun ? "（试运行，未写入 / dry run, nothing written）" : "";
        Console.Out.WriteLine(string.Create(inv,
            $"{r.Kind} {r.File}: {r.Rows} 行 rows, 新增 {r.Inserted} inserted, 更新 {r.Updated} updated, 未变 {r.Unchanged} unchanged, 警告 {r.Warnings} warnings — {r.Changed} changed{mode}"));
    }
}
