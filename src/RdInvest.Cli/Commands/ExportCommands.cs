using System.CommandLine;
using RdInvest.Exporting;
using RdInvest.Importing;

namespace RdInvest.Cli.Commands;

public static class ExportCommands
{
    public static Command Build()
    {
        var kind = new Argument<string>("KIND") { Description = string.Join(" | ", ImportKinds.All.Select(k => k.Name)) };
        var output = new Option<string>("--out") { Description = "FILE.csv|.xlsx", Required = true };
        var year = new Option<int?>("--year") { Description = "年份 / year" };
        var division = new Option<string?>("--division") { Description = "行政区划代码（含下级）/ division code (and below)" };
        var labels = new Option<string?>("--labels") { Description = "zh：中文列名 / zh: Chinese headers (default: English keys)" };
        var unit = ImportCommands.UnitOption();
        var json = Cli.JsonOption();
        var command = new Command("export", "导出数据（可再导入）/ export data (re-importable)") { kind, output, year, division, labels, unit, json };
        command.SetAction(async (parse, ct) =>
        {
            var labelsValue = parse.GetValue(labels);
            if (labelsValue is not null and not "zh" and not "en")
            {
                throw new Common.UserError("--labels 只能是 zh 或 en", "--labels must be zh or en", 2);
            }
            await using var db = Cli.Target(parse).CreateContext();
            var result = await new ExportHandler(db).HandleAsync(new ExportRequest(
                parse.GetValue(kind)!, parse.GetValue(output)!, parse.GetValue(year), parse.GetValue(division),
                labelsValue == "zh", ImportCommands.ParseUnit(parse.GetValue(unit))), ct);
            if (parse.GetValue(json))
            {
                Cli.WriteJson(result);
            }
            else
            {
                Console.Out.WriteLine($"{result.Kind}: {result.Rows} 行已导出 / rows exported → {result.File}");
            }
            return 0;
        });
        return command;
    }
}
