using System.CommandLine;
using RdInvest.Exporting;
using RdInvest.Importing;

namespace RdInvest.Cli.Commands;

public static class ExportCommands
{
    public static Command Build()
    {
        var kind = new Argument<string>("KIND") { Description = string.Join(" | ", ImportKinds.All.Select(k => k.Name).Append("indicators")) };
        var output = new Option<string>("--out") { Description = "FILE.csv|.xlsx", Required = true };
        var year = new Option<int?>("--year") { Description = "年份 / year" }.InPlanYears();
        var division = new Option<string?>("--division") { Description = "行政区划代码（含下级）/ division code (and below)" };
        var labels = new Option<string?>("--labels") { Description = "zh：中文列名 / zh: Chinese headers (default: English keys)" };
        var unit = ImportCommands.UnitOption();
        var json = Cli.JsonOption();
        var format = new Option<string>("--format")
        {
            Description = "indicators: table（默认 / default）| sdmx-csv（SDMX-CSV 2.0）",
            DefaultValueFactory = _ => "table",
        };
        var preliminary = Cli.PreliminaryOption();
        var force = Cli.ForceOption();
        var command = new Command("export", "导出数据（可再导入）/ export data (re-importable)") { kind, output, year, division, labels, unit, json, format, preliminary, force };
        command.SetAction(async (parse, ct) =>
        {
            Cli.OutputFile(parse.GetValue(output)!, parse.GetValue(force));
            if (parse.GetValue(kind) == "indicators")
            {
                return await ExportIndicatorsAsync(parse, parse.GetValue(output)!, parse.GetValue(format)!, parse.GetValue(preliminary), ct);
            }
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

    /// <summary>Every division × year of the indicators, as a long table or as SDMX-CSV 2.0.</summary>
    private static async Task<int> ExportIndicatorsAsync(ParseResult parse, string path, string format, bool preliminary, CancellationToken ct)
    {
        await using var db = Cli.Target(parse).CreateContext();
        await Data.Schema.RequireAsync(db, ct);
        var all = await new Indicators.IndicatorsHandler(db, preliminary).AllAsync(ct);
        switch (format)
        {
            case "sdmx-csv":
                if (!path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                {
                    throw new Common.UserError("SDMX-CSV 须写入 .csv 文件", "SDMX-CSV must be written to a .csv file", 2);
                }
                Indicators.SdmxCsv.Write(path, all);
                break;
            case "table":
                Common.TableWriter.Write(path, Indicators.IndicatorView.Rows(all));
                break;
            default:
                throw new Common.UserError($"未知格式 {format}（table 或 sdmx-csv）", $"unknown format {format} (table or sdmx-csv)", 2);
        }
        Console.Out.WriteLine($"indicators: {all.Count} 个区划×年份已导出 / division-years exported → {path}");
        return 0;
    }
}
