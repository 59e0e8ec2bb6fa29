using System.CommandLine;
using RdInvest.Backup;

namespace RdInvest.Cli.Commands;

/// <summary><c>rdinvest backup --out FILE [--json]</c>: a checked, consistent copy of the whole database.</summary>
public static class BackupCommand
{
    public static Command Build()
    {
        var cmd = new Command("backup", "备份整个数据库（在线、一致、经校验；不覆盖已有文件）/ back up the whole database (online, consistent, checked; never overwrites)");
        var output = new Option<FileInfo>("--out") { Required = true, Description = "备份文件（SQLite：.db；PostgreSQL：pg_dump 自定义格式）/ backup file (SQLite: a .db file; PostgreSQL: pg_dump custom format)" };
        var json = Cli.JsonOption();
        cmd.Options.Add(output);
        cmd.Options.Add(json);
        cmd.SetAction(async (r, ct) =>
        {
            var result = await new BackupHandler(Cli.Target(r)).HandleAsync(r.GetValue(output)!.FullName, ct);
            if (r.GetValue(json))
            {
                Cli.WriteJson(result);
                return 0;
            }
            Console.WriteLine($"已备份 / backed up: {result.Database} → {result.File}");
            Console.WriteLine($"格式 format {result.Format}，{result.Bytes:N0} 字节 bytes，SHA-256 {result.Sha256}");
            Console.WriteLine($"审计日志 audit log: {(result.AuditIntact ? "完整 intact" : "已被篡改 TAMPERED")}，{result.AuditEntries} 条 entries，链头 head {result.AuditHead ?? "-"}");
            Console.WriteLine("请将链头另行保存；日后用 rdinvest audit verify --anchor 证明未删改 / keep the head elsewhere; audit verify --anchor proves nothing was removed later");
            Console.WriteLine(string.Join("  ", result.Rows.Select(kv => $"{kv.Key} {kv.Value}")));
            return result.AuditIntact ? 0 : 1;
        });
        return cmd;
    }
}
