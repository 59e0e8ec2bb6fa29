using System.CommandLine;
using Microsoft.Extensions.Hosting;
using RdInvest.Data;
using RdInvest.Demo;
using RdInvest.Web;

namespace RdInvest.Cli.Commands;

public static class ServeCommand
{
    public static Command Build()
    {
        var cmd = new Command("serve", "启动网站 / start the web host");
        var urls = new Option<string>("--urls") { Description = "监听地址 / listen address", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var demo = new Option<bool>("--demo") { Description = "先以演示数据初始化新数据库 / first initialise a fresh database with the demo data" };
        cmd.Options.Add(urls);
        cmd.Options.Add(demo);
        cmd.SetAction(async (r, ct) =>
        {
            var target = Cli.Target(r);
            await using (var db = target.CreateContext())
            {
                await new DbInitHandler(db, target, TimeProvider.System).HandleAsync(ct);
                if (r.GetValue(demo))
                {
                    await new DemoHandler(db, TimeProvider.System).HandleAsync(new DemoRequest(), ct);
                }
            }
            var app = RdInvestWebHost.Build(["--urls", r.GetValue(urls)!], target);
            Console.WriteLine($"RdInvest 已启动 / started: {r.GetValue(urls)}  ({target.Describe()})");
            await app.StartAsync(ct);
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return cmd;
    }
}
