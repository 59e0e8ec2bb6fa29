using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
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
        var readDb = new Option<string?>("--read-db")
        {
            Description = "只读查询（看板、报告、指标接口）所用的 PostgreSQL 备库连接串，默认 RDINVEST_READ_DB / " +
                "PostgreSQL standby connection string for read-only queries (dashboard, reports, indicator API); default RDINVEST_READ_DB",
        };
        cmd.Options.Add(urls);
        cmd.Options.Add(readDb);
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
            string[] args = r.GetValue(readDb) is { Length: > 0 } read ? ["--urls", r.GetValue(urls)!, "--read-db", read] : ["--urls", r.GetValue(urls)!];
            var app = RdInvestWebHost.Build(args, target);
            await app.StartAsync(ct);
            Console.WriteLine($"RdInvest 已启动 / started: {r.GetValue(urls)}  ({target.Describe()})");
            if (ReadRouting.Resolve(r.GetValue(readDb), target) is { } reads)
            {
                Console.WriteLine($"只读查询 / reads: {reads.Describe()}");
            }
            if (r.GetValue(demo))
            {
                // After start: the portal answers at once and shows the notification when it is released.
                await DemoExtrasAsync(app, ct);
            }
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return cmd;
    }

    /// <summary>The demo's accounts (one per role, printed) and a released notification for the public portal.</summary>
    private static async Task DemoExtrasAsync(WebApplication app, CancellationToken ct)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RdInvestDb>();
        var accounts = await new DemoAccountsHandler(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), db, TimeProvider.System).HandleAsync(ct);
        Console.WriteLine($"演示账户 / demo accounts (密码 / password: {DemoAccountsHandler.Password}):");
        foreach (var a in accounts)
        {
            Console.WriteLine($"  {a.Name,-16} {a.Role,-15} {a.Scope}");
        }
        try
        {
            await new DemoNotificationHandler(db, TimeProvider.System).HandleAsync(Plans.PlanResolver.DefaultPlan, ct);
        }
        catch (Common.UserError e)
        {
            // The portal still works without a released notification; the report tools may be missing.
            Console.Error.WriteLine($"演示通报未生成 / demo notification not built: {e.Message}");
        }
    }
}
