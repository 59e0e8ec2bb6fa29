using System.CommandLine;
using System.Globalization;
using RdInvest.Accounts;
using RdInvest.Approval;
using RdInvest.Auditing;
using RdInvest.Data;

namespace RdInvest.Cli.Commands;

/// <summary>
/// <c>rdinvest approval transition COUNTY YEAR ACTION [--reason R] [--user NAME]</c>: one step of the three-level approval
/// (submit, approve, finalise, return, reopen) taken by the operator at the console, with a region administrator's
/// rights — the same handler the web pages and the API call. <c>rdinvest approval show COUNTY YEAR</c>: status and history.
/// </summary>
public static class ApprovalCommands
{
    public static Command Build()
    {
        var cmd = new Command("approval", "数据审核（旗县→盟市→自治区）/ the three-level approval of a county's data");
        cmd.Subcommands.Add(Transition());
        cmd.Subcommands.Add(Show());
        return cmd;
    }

    private static Command Transition()
    {
        var cmd = new Command("transition", "审核操作：submit、approve、finalise、return、reopen / take one approval step");
        var county = new Argument<string>("COUNTY") { Description = "旗县（市、区）代码 / county code" };
        var year = new Argument<int>("YEAR") { Description = "年度 / year" };
        var action = new Argument<string>("ACTION") { Description = string.Join(", ", ApprovalActions.All) };
        var reason = new Option<string?>("--reason") { Description = "理由（退回、重新开放时必填）/ reason (required to return or reopen)" };
        var user = new Option<string?>("--user") { Description = "审计日志中的操作人（默认当前系统用户）/ actor in the audit log" };
        var json = Cli.JsonOption();
        cmd.Arguments.Add(county);
        cmd.Arguments.Add(year);
        cmd.Arguments.Add(action);
        cmd.Options.Add(reason);
        cmd.Options.Add(user);
        cmd.Options.Add(json);
        cmd.SetAction(async (r, ct) =>
        {
            await using var db = Cli.Target(r).CreateContext();
            await Schema.RequireAsync(db, ct);
            var actor = Actor.Cli(r.GetValue(user));
            var view = await new ApprovalHandler(db, TimeProvider.System).TransitionAsync(r.GetValue(county)!, r.GetValue(year), r.GetValue(action)!,
                r.GetValue(reason), new UserScope(actor.Name, Roles.RegionAdmin, null), actor, ct);
            Print(view, r.GetValue(json));
            return 0;
        });
        return cmd;
    }

    private static Command Show()
    {
        var cmd = new Command("show", "审核状态与历史 / status and history");
        var county = new Argument<string>("COUNTY") { Description = "旗县（市、区）代码 / county code" };
        var year = new Argument<int>("YEAR") { Description = "年度 / year" };
        var json = Cli.JsonOption();
        cmd.Arguments.Add(county);
        cmd.Arguments.Add(year);
        cmd.Options.Add(json);
        cmd.SetAction(async (r, ct) =>
        {
            await using var db = Cli.Target(r).CreateContext();
            await Schema.RequireAsync(db, ct);
            Print(await new ApprovalHandler(db, TimeProvider.System).GetAsync(r.GetValue(county)!, r.GetValue(year), ct), r.GetValue(json));
            return 0;
        });
        return cmd;
    }

    private static void Print(ApprovalView view, bool json)
    {
        if (json)
        {
            Cli.WriteJson(view);
            return;
        }
        Console.WriteLine($"{view.County} {view.CountyName} {view.Year.ToString(CultureInfo.InvariantCulture)}：状态 status {view.Status}，" +
            $"版本 revision {view.Revision.ToString(CultureInfo.InvariantCulture)}，记录 records {view.Records.ToString(CultureInfo.InvariantCulture)}");
        foreach (var s in view.History)
        {
            Console.WriteLine($"  {s.At:yyyy-MM-dd HH:mm:ss} UTC {s.Actor} {s.Action} {s.From} → {s.To}{(s.Reason is null ? "" : " — " + s.Reason)}");
        }
    }
}
