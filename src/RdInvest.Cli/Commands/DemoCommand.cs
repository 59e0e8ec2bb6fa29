using System.CommandLine;
using System.Globalization;
using RdInvest.Data;
using RdInvest.Demo;

namespace RdInvest.Cli.Commands;

public static class DemoCommand
{
    public static Command Build()
    {
        var seed = new Option<int>("--seed")
        {
            Description = "示例数据随机种子（相同种子生成相同数据）/ seed of the synthetic data (same seed, same data)",
            DefaultValueFactory = _ => DemoOptions.DefaultSeed,
        };
        var json = Cli.JsonOption();
        var cmd = new Command("demo", "载入公布的统计数据和示例数据 / load the published statistics and a synthetic demo population")
        {
            seed,
            json,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var target = Cli.Target(parse);
            await using var db = target.CreateContext();
            await Schema.EnsureAsync(db, ct);
            var result = await new DemoHandler(db, TimeProvider.System).HandleAsync(new DemoRequest(parse.GetValue(seed)), ct);
            if (parse.GetValue(json))
            {
                Cli.WriteJson(result);
            }
            else
            {
                Print(result, target);
            }
            return 0;
        });
        return cmd;
    }

    private static void Print(DemoResult r, DbTarget target)
    {
        var c = CultureInfo.InvariantCulture;
        void W(FormattableString line) => Console.Out.WriteLine(line.ToString(c));
        W($"已载入示例 / demo loaded into {target.Describe()} (seed {r.Seed}, {r.Elapsed.TotalSeconds:F1} s)");
        W($"  公布数据 / published figures:          {r.PublishedFigures} ({r.PublishedInserted} 新增 / new)");
        W($"  示例统计单位 / synthetic units:        {r.Units}{(r.ReplacedUnits > 0 ? $" (替换原有 / replacing {r.ReplacedUnits})" : "")}");
        W($"  研发记录 / R&D records:                {r.RdRecords}");
        W($"  高新技术企业证书 / HTE certificates:   {r.HteCertificates}");
        W($"  科技型中小企业入库 / tech-SME entries: {r.TsmeRegistrations}");
        W($"  园区 / parks:                          {r.Parks} ({r.ParkFigures} 年度数据 / yearly figures)");
        W($"  重大专项 / major projects:             {r.Projects}");
        Console.Out.WriteLine("  年份 year | 研发经费(亿元) R&D (100m yuan) | 有研发单位 units with R&D | 高企 HTE | 科小 TSME | 专项 projects (企业牵头 enterprise-led)");
        foreach (var y in r.Years)
        {
            W($"  {y.Year} | {y.RdTotalYuan / 100_000_000m,8:F2} | {y.UnitsWithRd,5} | {y.HteValidAtYearEnd,5} | {y.TsmeRegistered,5} | {y.Projects,3} ({y.EnterpriseLedProjects})");
        }
        Console.Out.WriteLine("  示例数据均标注为“（示例）”，IsSynthetic = true / every synthetic row is marked （示例） and IsSynthetic = true");
    }
}
