using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RdInvest.Accounts;
using RdInvest.Auditing;
using RdInvest.Web.Security;

namespace RdInvest.Web.Api;

public sealed record AuditItem(long Id, long? Seq, DateTime At, string Actor, string Action, string Entity, string? EntityKey,
    string? OldValues, string? NewValues, string? RequestId, string? SourceFile, string? SourceSha256, string? Hash);

/// <summary>The audit log, read-only: entries and chain verification. No endpoint edits or deletes an entry.</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/audit").WithTags("audit").RequireRoles(Roles.AuditReaders);
        g.MapGet("/", List).WithSummary("审计日志（最新在前）/ audit entries, newest first (?entity=, ?key=, ?take=)");
        g.MapGet("/verify", Verify).WithSummary("校验哈希链，报告第一个断点；?anchor=序号:哈希 检查此前保存的链头 / verify the hash chain; reports the first broken link; ?anchor=SEQ:HASH checks a head kept earlier");
        return g;
    }

    public static async Task<Ok<List<AuditItem>>> List(string? entity, string? key, int? take, [AsParameters] ApiServices s)
    {
        var q = s.Api.Db.Audit.AsNoTracking();
        if (entity is not null)
        {
            q = q.Where(a => a.Entity == entity);
        }
        if (key is not null)
        {
            q = q.Where(a => a.EntityKey == key);
        }
        var rows = await q.OrderByDescending(a => a.Id).Take(Math.Clamp(take ?? 100, 1, 1000))
            .Select(a => new AuditItem(a.Id, a.Seq, a.At, a.Actor, a.Action, a.Entity, a.EntityKey, a.OldValues, a.NewValues, a.RequestId, a.SourceFile, a.SourceSha256, a.Hash))
            .ToListAsync(s.Api.Ct);
        return TypedResults.Ok(rows);
    }

    public static async Task<Ok<AuditVerifyResult>> Verify(string? anchor, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await AuditChain.VerifyAsync(s.Api.Db, s.Api.Ct, anchor is null ? null : AuditAnchor.Parse(anchor)));
}
