using System.CommandLine;
using RdInvest.Auditing;
using RdInvest.Data;

namespace RdInvest.Cli.Commands;

/// <summary>
/// <c>rdinvest audit verify [--anchor SEQ:HASH]</c>: walks the hash chain; exit 1 with the first broken link, or when the
/// anchor's entry is gone or differs. <c>rdinvest audit head</c>: the newest entry's SEQ:HASH, to keep outside the database.
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
        return audit;
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
