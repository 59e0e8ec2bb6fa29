using System.CommandLine;
using RdInvest.Auditing;
using RdInvest.Backup;

namespace RdInvest.Cli.Commands;

/// <summary><c>rdinvest restore FILE [--force] [--anchor SEQ:HASH] [--json]</c>: puts back a backup of <c>rdinvest backup</c>.</summary>
public static class RestoreCommand
{
    public static Command Build()
    {
        var cmd = new Command("restore", "从备份恢复数据库（经校验；不覆盖更新的数据库，除非 --force）/ restore the database from a backup (checked; never replaces a newer database without --force)");
        var file = new Argument<FileInfo>("FILE") { Description = "rdinvest backup 写出的备份文件 / a backup file written by rdinvest backup" };
        var force = new Option<bool>("--force") { Description = "替换更新的或非空的数据库 / replace a newer or non-empty database" };
        var anchor = new Option<string?>("--anchor") { Description = "备份时打印的审计链头 SEQ:HASH，恢复后核对 / the audit head SEQ:HASH printed at backup time, verified after the restore" };
        var json = Cli.JsonOption();
        cmd.Arguments.Add(file);
        cmd.Options.Add(force);
        cmd.Options.Add(anchor);
        cmd.Options.Add(json);
        cmd.SetAction(async (r, ct) =>
        {
            var a = r.GetValue(anchor) is { } text ? AuditAnchor.Parse(text) : null;
            var result = await new RestoreHandler(Cli.Target(r)).HandleAsync(r.GetValue(file)!.FullName, r.GetValue(force), a, ct);
            if (r.GetValue(json))
            {
                Cli.WriteJson(result);
                return result.AuditIntact ? 0 : 1;
            }
            Console.WriteLine($"已恢复 / restored: {result.File} → {result.Database}{(result.Replaced ? "（替换了原数据库 / the database in place was replaced）" : "")}");
            Console.WriteLine($"审计日志 audit log: {(result.AuditIntact ? "完整 intact" : "已被篡改 TAMPERED")}，{result.AuditEntries} 条 entries，链头 head {result.AuditHead ?? "-"}"
                + (result.AnchorChecked is { } c ? $"，锚点 anchor {c} {(result.AuditIntact ? "相符 matches" : "不符 does not match")}" : ""));
            Console.WriteLine(string.Join("  ", result.Tables.Select(kv => $"{kv.Key} {kv.Value.Rows}")));
            return result.AuditIntact ? 0 : 1;
        });
        return cmd;
    }
}
