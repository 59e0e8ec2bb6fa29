using System.CommandLine;
using RdInvest.Auditing;
using RdInvest.Data;

namespace RdInvest.Cli.Commands;

/// <summary>
/// <c>rdinvest audit verify [--anchor SEQ:HASH]</c>: walks the hash chain; exit 1 with the first broken link, or when the
/// anchor's entry is gone or differs. <c>rdinvest audit head</c>: the newest entry's SEQ:HASH, to keep outside the database.
/// <c>rdinvest audit export --from D --to D --out F</c>: JSON Lines with the hash chain, for an external archive.
/// </summary>
public static class AuditCommands
{
    public static Command Build()
    {
        var audit = new Command("audit", "审计日志 / audit log");
        var verify = new Command("verify", "校验审计日志哈希链 / verify the audit log's hash chain");
        var json = Cli.JsonOption();
        var anchor = new Option<string?>("--anchor") { Description = "此前保存的 序号:哈希（audit head 输出）/ a SEQ:HASH kept earlier (from audit head)" };
        verify.Options.Add(json);
        verify.Options.Add(anchor);
        verify.SetAction(async (r, ct) =>
        {
            await using var db = Cli.Target(r).CreateContext();
            await Schema.RequireAsync(db, ct);
            var result = await AuditChain.VerifyAsync(db, ct, r.GetValue(anchor) is { } a ? AuditAnchor.Parse(a) : null);
            if (r.GetValue(json))
            {
                Cli.WriteJson(result);
            }
            else if (result.Intact)
            {
                Console.WriteLine($"审计日志完整 / audit log intact: {result.Entries} 条 entries{(result.Unsealed > 0 ? $"，{result.Unsealed} 条未封存 unsealed" : "")}");
            }
            else
            {
                Cli.Error($"审计日志被篡改：{result.ReasonZh}", $"audit log tampered: {result.ReasonEn}");
            }
            return result.Intact ? 0 : 1;
        });
        audit.Subcommands.Add(verify);
        audit.Subcommands.Add(Head());
        audit.Subcommands.Add(Export());
        return audit;
    }

    private static Command Export()
    {
        var cmd = new Command("export", "导出审计日志（JSON Lines，含哈希链，供外部归档校验）/ export the audit log as JSON Lines with its hash chain, for an external archive");
        var from = new Option<DateOnly?>("--from") { Description = "开始日期（UTC，含）/ first UTC day" };
        var to = new Option<DateOnly?>("--to") { Description = "结束日期（UTC，含）/ last UTC day" };
        var output = new Option<FileInfo>("--out") { Required = true, Description = "输出文件 / output file (.jsonl)" };
        cmd.Options.Add(from);
        cmd.Options.Add(to);
        cmd.Options.Add(output);
        cmd.SetAction(async (r, ct) =>
        {
            await using var db = Cli.Target(r).CreateContext();
            await Schema.RequireAsync(db, ct);
            var path = r.GetValue(output)!.FullName;
            var temp = path + ".part";
            AuditExportResult result;
            await using (var file = File.Create(temp))
            {
                result = await new AuditExportHandler(db, TimeProvider.System).WriteAsync(file, r.GetValue(from), r.GetValue(to), Actor.Cli(), ct);
            }
            File.Move(temp, path, overwrite: true);
            Console.WriteLine($"已导出 / exported: {result.Entries} 条 entries, seq {result.FirstSeq?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}–{result.LastSeq?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} → {path}");
            return 0;
        });
        return cmd;
    }

    private static Command Head()
    {
        var cmd = new Command("head", "最新一条记录的 序号:哈希（请在库外保存，供 verify --anchor 使用）/ the newest entry's SEQ:HASH, to keep outside the database");
        var json = Cli.JsonOption();
        cmd.Options.Add(json);
        cmd.SetAction(async (r, ct) =>
        {
            await using var db = Cli.Target(r).CreateContext();
            await Schema.RequireAsync(db, ct);
            var head = await AuditChain.HeadAsync(db, ct);
            if (r.GetValue(json))
            {
                Cli.WriteJson(new { seq = head?.Seq, hash = head?.Hash, anchor = head?.ToString() });
            }
            else
            {
                Console.WriteLine(head?.ToString() ?? "（审计日志为空 / the audit log is empty）");
            }
            return 0;
        });
        return cmd;
    }
}
