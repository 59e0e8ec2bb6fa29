using System.CommandLine;
using RdInvest.Auditing;
using RdInvest.Data;

namespace RdInvest.Cli.Commands;

/// <summary><c>rdinvest audit verify</c>: walks the hash chain; exit 1 with the first broken link.</summary>
public static class AuditCommands
{
    public static Command Build()
    {
        var audit = new Command("audit", "审计日志 / audit log");
        var verify = new Command("verify", "校验审计日志哈希链 / verify the audit log's hash chain");
        var json = Cli.JsonOption();
        verify.Options.Add(json);
        verify.SetAction(async (r, ct) =>
        {
            await using var db = Cli.Target(r).CreateContext();
            await Schema.RequireAsync(db, ct);
            var result = await AuditChain.VerifyAsync(db, ct);
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
        return audit;
    }
}
