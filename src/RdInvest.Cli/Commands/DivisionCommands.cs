using System.CommandLine;
using RdInvest.Data;
using RdInvest.Divisions;

namespace RdInvest.Cli.Commands;

public static class DivisionCommands
{
    public static Command Build()
    {
        var cmd = new Command("divisions", "行政区划 / administrative divisions");
        var level = new Option<string?>("--level") { Description = "region | league_city | county" };
        var parent = new Option<string?>("--parent") { Description = "上级区划代码 / parent code" };
        var json = Cli.JsonOption();
        cmd.Options.Add(level);
        cmd.Options.Add(parent);
        cmd.Options.Add(json);
        cmd.SetAction(async (r, ct) =>
        {
            await using var db = Cli.Target(r).CreateContext();
            await Schema.RequireAsync(db, ct);
            var items = await new DivisionQueryHandler(db).HandleAsync(new DivisionQuery(r.GetValue(level), r.GetValue(parent)), ct);
            if (r.GetValue(json))
            {
                Cli.WriteJson(items.Select(d => new { code = d.Code, name_zh = d.NameZh, name_en = d.NameEn, level = d.Level, parent_code = d.ParentCode }));
                return 0;
            }
            foreach (var d in items)
            {
                Console.WriteLine($"{d.Code}\t{d.Level}\t{d.ParentCode ?? "-"}\t{d.NameZh}\t{d.NameEn}");
            }
            return 0;
        });
        return cmd;
    }
}
