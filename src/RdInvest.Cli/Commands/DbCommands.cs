using System.CommandLine;
using RdInvest.Data;

namespace RdInvest.Cli.Commands;

public static class DbCommands
{
    public static Command Build()
    {
        var db = new Command("db", "数据库 / database");
        var init = new Command("init", "创建或升级数据库并载入参考数据 / create or upgrade the schema and load reference data");
        var json = Cli.JsonOption();
        init.Options.Add(json);
        init.SetAction(async (r, ct) =>
        {
            var target = Cli.Target(r);
            await using var ctx = target.CreateContext();
            var result = await new DbInitHandler(ctx, target, TimeProvider.System).HandleAsync(ct);
            if (r.GetValue(json))
            {
                Cli.WriteJson(new
                {
                    database = result.Database,
                    divisions_changed = result.Divisions,
                    plans = result.Plans.Select(p => new { id = p.PlanId, changed = p.Changed }),
                });
                return 0;
            }
            Console.WriteLine($"数据库 / database: {result.Database}");
            Console.WriteLine($"行政区划变更 / divisions changed: {result.Divisions}");
            foreach (var p in result.Plans)
            {
                Console.WriteLine($"方案 / plan {p.PlanId}: {(p.Changed ? "已载入 / loaded" : "无变化 / unchanged")}");
            }
            return 0;
        });
        db.Subcommands.Add(init);
        return db;
    }
}
