using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using RdInvest.Data;
using RdInvest.Reports;

namespace RdInvest.Cli.Commands;

/// <summary>The annual notification (年度目标完成情况通报, 三(三)): generate a draft, release it, list and export them.</summary>
public static class ReportCommands
{
    public static Command Build()
    {
        var cmd = new Command("report", "报告与通报 / reports and the annual notification");
        cmd.Subcommands.Add(Notification());
        cmd.Subcommands.Add(Release());
        cmd.Subcommands.Add(List());
        cmd.Subcommands.Add(Export());
        return cmd;
    }

    private static Command Notification()
    {
        var cmd = new Command("notification", "生成年度目标完成情况通报（草稿）/ build the annual notification (a draft)");
        var year = new Option<int>("--year") { Required = true, Description = "年份 / year" }.InPlanYears();
        var plan = new Option<string>("--plan") { DefaultValueFactory = _ => Plans.PlanResolver.DefaultPlan, Description = "方案编号 / plan id" };
        var output = new Option<FileInfo>("--out") { Required = true, Description = "输出文件 .pdf|.xlsx|.html / output file" };
        var json = Cli.JsonOption();
        var force = Cli.ForceOption();
        cmd.Options.Add(year);
        cmd.Options.Add(plan);
        cmd.Options.Add(output);
        cmd.Options.Add(json);
        cmd.Options.Add(force);
        cmd.SetAction(async (r, ct) =>
        {
            Cli.OutputFile(r.GetValue(output)!.FullName, r.GetValue(force));
            await using var db = await OpenAsync(r, ct);
            var sw = Stopwatch.StartNew();
            var result = await new NotificationHandler(db, TimeProvider.System).HandleAsync(
                new NotificationRequest(r.GetValue(year), r.GetValue(plan)!, r.GetValue(output)!.FullName), RdInvest.Auditing.Actor.Cli(), ct);
            if (r.GetValue(json))
            {
                Cli.WriteJson(new { id = result.Id, status = result.Status, fingerprint = result.Fingerprint, file = result.OutPath, seconds = Math.Round(sw.Elapsed.TotalSeconds, 2) });
                return 0;
            }
            Console.WriteLine($"已写入 / written: {result.OutPath}");
            Console.WriteLine($"通报 notification #{result.Id.ToString(CultureInfo.InvariantCulture)}（{(result.Status == NotificationStatuses.Released ? "已发布 released" : "草稿 draft")}）"
                + $" 指纹 fingerprint {result.Fingerprint[..16]}…  用时 {sw.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
            Console.WriteLine($"发布 / release: rdinvest report release {result.Id.ToString(CultureInfo.InvariantCulture)}");
            return 0;
        });
        return cmd;
    }

    private static Command Release()
    {
        var cmd = new Command("release", "发布通报（发布后不可修改）/ release a notification (immutable afterwards)");
        var id = new Argument<long>("id") { Description = "通报编号 / notification id" };
        cmd.Arguments.Add(id);
        cmd.SetAction(async (r, ct) =>
        {
            await using var db = await OpenAsync(r, ct);
            var s = await new ReleaseNotificationHandler(db, TimeProvider.System).HandleAsync(r.GetValue(id), RdInvest.Auditing.Actor.Cli(), ct);
            Console.WriteLine($"已发布 / released: #{s.Id.ToString(CultureInfo.InvariantCulture)} {s.Year.ToString(CultureInfo.InvariantCulture)} {s.PlanId}"
                + $" {s.ReleasedAt?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC");
            return 0;
        });
        return cmd;
    }

    private static Command List()
    {
        var cmd = new Command("list", "列出通报 / list notifications");
        var released = new Option<bool>("--released") { Description = "只列已发布 / released only" };
        var json = Cli.JsonOption();
        cmd.Options.Add(released);
        cmd.Options.Add(json);
        cmd.SetAction(async (r, ct) =>
        {
            await using var db = await OpenAsync(r, ct);
            var rows = await new ListNotificationsHandler(db).HandleAsync(r.GetValue(released), ct);
            if (r.GetValue(json))
            {
                Cli.WriteJson(rows.Select(n => new
                {
                    id = n.Id, year = n.Year, plan = n.PlanId, status = n.Status, created_at = n.CreatedAt, released_at = n.ReleasedAt,
                    data_as_of = n.DataAsOf, fingerprint = n.Fingerprint, has_pdf = n.HasPdf,
                }));
                return 0;
            }
            Console.WriteLine("编号 id | 年份 year | 方案 plan | 状态 status | 生成 created (UTC) | 发布 released (UTC) | 指纹 fingerprint");
            foreach (var n in rows)
            {
                Console.WriteLine($"  {n.Id,4} | {n.Year} | {n.PlanId} | {(n.Status == NotificationStatuses.Released ? "已发布 released" : "草稿 draft")} | "
                    + $"{n.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} | {n.ReleasedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "—"} | {n.Fingerprint[..16]}…");
            }
            if (rows.Count == 0)
            {
                Console.WriteLine("  无 / none");
            }
            return 0;
        });
        return cmd;
    }

    private static Command Export()
    {
        var cmd = new Command("export", "导出已存通报 / export a stored notification as kept (.html|.pdf)");
        var id = new Argument<long>("id") { Description = "通报编号 / notification id" };
        var output = new Option<FileInfo>("--out") { Required = true, Description = "输出文件 / output file" };
        var force = Cli.ForceOption();
        cmd.Arguments.Add(id);
        cmd.Options.Add(output);
        cmd.Options.Add(force);
        cmd.SetAction(async (r, ct) =>
        {
            Cli.OutputFile(r.GetValue(output)!.FullName, r.GetValue(force));
            await using var db = await OpenAsync(r, ct);
            await new ExportNotificationHandler(db).HandleAsync(r.GetValue(id), r.GetValue(output)!.FullName, ct);
            Console.WriteLine($"已写入 / written: {r.GetValue(output)!.FullName}");
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
}
