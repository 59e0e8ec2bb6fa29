using System.CommandLine;
using System.Globalization;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Indicators;
using RdInvest.Targets;

namespace RdInvest.Cli.Commands;

public static class IndicatorCommands
{
    public static Command Indicators()
    {
        var cmd = new Command("indicators", "指标 / indicators of a division and year, or every division × year");
        var division = new Option<string?>("--division") { Description = "区划代码 / division code (default: the region)" };
        var park = new Option<string?>("--park") { Description = "园区编号 / park id (a park's indicators instead of a division's)" };
        var year = new Option<int?>("--year") { Description = "年份 / year" }.InPlanYears();
        var all = new Option<bool>("--all") { Description = "全部区划和年份 / every division × year (with --out)" };
        var output = new Option<FileInfo?>("--out") { Description = "输出文件 .csv|.xlsx / output file" };
        var json = Cli.JsonOption();
        var platforms = new Option<bool>("--platforms") { Description = "创新平台指标（按级别、类型，及主导产业覆盖率）/ platform indicators by level and type, and the leading-industry coverage (二(四)11)" };
        var preliminary = Cli.PreliminaryOption();
        cmd.Options.Add(platforms);
        cmd.Options.Add(preliminary);
        cmd.Options.Add(division);
        cmd.Options.Add(park);
        cmd.Options.Add(year);
        cmd.Options.Add(all);
        cmd.Options.Add(output);
        cmd.Options.Add(json);
        cmd.SetAction(async (r, ct) =>
        {
            await using var db = await OpenAsync(r, ct);
            var handler = new IndicatorsHandler(db, r.GetValue(preliminary));
            if (r.GetValue(all))
            {
                var rows = await handler.AllAsync(ct);
                if (r.GetValue(output) is { } f)
                {
                    TableWriter.Write(f.FullName, IndicatorView.Rows(rows));
                    Console.WriteLine($"已写入 / written: {f.FullName}（{rows.Count} 个区划×年份 / division-years）");
                }
                else
                {
                    Cli.WriteJson(rows.Select(x => IndicatorView.Of(x, handler.DataStatus)));
                }
                return 0;
            }
            var y = r.GetValue(year) ?? throw new UserError("请用 --year 指定年份", "give the year with --year", 2);
            if (r.GetValue(platforms))
            {
                return PlatformIndicatorsOutput.Print(await new Platforms.PlatformIndicatorsHandler(db, r.GetValue(preliminary)).HandleAsync(y, ct), r.GetValue(json));
            }
            if (r.GetValue(park) is { } parkId)
            {
                var p = await new ParkIndicatorsHandler(db).HandleAsync(parkId, y, ct);
                if (r.GetValue(json))
                {
                    // The API's shape (park, name_zh, division_code, is_synthetic, indicators as IndicatorValue).
                    Cli.WriteJson(p);
                    return 0;
                }
                Console.WriteLine($"{p.NameZh}（{p.Park}，{p.Category}）{p.Year}年 指标 / indicators");
                foreach (var (key, v) in p.Indicators)
                {
                    Console.WriteLine($"  {key,-20} {(v.Value is { } pv ? Show(pv, v.Unit) : $"—（{v.ReasonZh} / {v.Reason}）"),22}");
                }
                return 0;
            }
            var code = r.GetValue(division) ?? await RegionCodeAsync(db, ct);
            var result = await handler.HandleAsync(new IndicatorsRequest(code, y), ct);
            if (r.GetValue(json))
            {
                Cli.WriteJson(IndicatorView.Of(result, handler.DataStatus));
                return 0;
            }
            Console.WriteLine($"{result.NameZh}（{result.Division}）{result.Year}年 指标 / indicators（{(handler.DataStatus == "final" ? "正式数据 / final data" : "含未审定数据 / preliminary")}）");
            foreach (var k in IndicatorCalculator.Keys)
            {
                var v = result.Indicators[k.Key];
                var text = v.Value is { } x ? Show(x, v.Unit) : $"—（{v.ReasonZh} / {v.Reason}）";
                var prov = v.Provenance switch
                {
                    "reported" => "公布 / reported",
                    "derived" => $"汇总 / derived: {v.Units} 单位 units, {v.Divisions} 区划 divisions",
                    _ => "",
                };
                Console.WriteLine($"  {k.Zh,-22} {k.Key,-34} {text,22}  {prov}");
            }
            return 0;
        });
        return cmd;
    }

    public static Command Progress()
    {
        var cmd = new Command("progress", "目标进度 / progress on every target of a plan");
        var plan = ParkCommands.PlanIdOption();
        var year = new Option<int>("--year") { Description = "年份 / year", Required = true }.InPlanYears();
        var division = new Option<string?>("--division") { Description = "区划代码 / division code (default: the region)" };
        var json = Cli.JsonOption();
        var preliminary = Cli.PreliminaryOption();
        cmd.Options.Add(preliminary);
        cmd.Options.Add(plan);
        cmd.Options.Add(year);
        cmd.Options.Add(division);
        cmd.Options.Add(json);
        cmd.SetAction(async (r, ct) =>
        {
            await using var db = await OpenAsync(r, ct);
            var result = await new ProgressHandler(db, r.GetValue(preliminary), new Plans.PlanResolver(db)).HandleAsync(new ProgressRequest(r.GetValue(plan), r.GetValue(year), r.GetValue(division)), ct);
            if (r.GetValue(json))
            {
                Cli.WriteJson(ProgressView.Of(result));
                return 0;
            }
            Console.WriteLine($"{result.DivisionName}（{result.Division}）{result.Year}年 目标进度 / progress — {result.Plan}");
            foreach (var t in result.Targets)
            {
                Console.WriteLine($"  {t.Id,-4} [{t.Clause}] {TargetStatus.Zh(t.Status)} / {t.Status}  {t.TitleZh}");
                Console.WriteLine($"       实际 actual {Show(t.Actual, t.Unit)}  预期 expected {Show(t.Expected, t.Unit)}  目标 target {Show(t.TargetEndValue, t.Unit)}"
                    + $"  年均 CAGR {Show(t.RealisedCagr, "%")}  尚需 required {Show(t.RequiredGrowth, "%")}{(t.Reason is null ? "" : "  — " + t.Reason)}");
            }
            foreach (var (zh, en) in result.Notes)
            {
                Console.WriteLine($"  注 note: {zh} / {en}");
            }
            return 0;
        });
        return cmd;
    }

    private static async Task<RdInvestDb> OpenAsync(ParseResult r, CancellationToken ct)
    {
        var db = Cli.Target(r).CreateContext();
        await Schema.RequireAsync(db, ct);
        return db;
    }

    private static async Task<string> RegionCodeAsync(RdInvestDb db, CancellationToken ct) =>
        (await new Divisions.DivisionQueryHandler(db).HandleAsync(new Divisions.DivisionQuery(DivisionLevels.Region, null), ct)).FirstOrDefault()?.Code
        ?? throw new UserError("没有自治区级区划，请先运行 rdinvest db init", "no region division; run rdinvest db init");

    private static string Show(decimal? v, string unit) => v switch
    {
        null => "—",
        { } x when unit == IndicatorUnits.Yuan => (x / 100_000_000m).ToString("#,0.00", CultureInfo.InvariantCulture) + " 亿元",
        { } x when unit == IndicatorUnits.Percent => x.ToString("0.00", CultureInfo.InvariantCulture) + " %",
        { } x => x.ToString("#,0.##", CultureInfo.InvariantCulture),
    };
}
