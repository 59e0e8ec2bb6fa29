using Microsoft.AspNetCore.Http.HttpResults;
using RdInvest.Accounts;
using RdInvest.Auditing;
using RdInvest.Web.Security;

namespace RdInvest.Web.Api;

/// <summary>The audit log, read-only: entries and chain verification. No endpoint edits or deletes an entry.</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/audit").WithTags("audit").RequireRoles(Roles.AuditReaders);
        g.MapGet("/", List).WithSummary("审计日志（最新在前）/ audit entries, newest first (?entity=, ?key=, ?actor= part of the name, ?action= or its prefix, ?from=, ?to= UTC days, ?take=)");
        g.MapGet("/verify", Verify).WithSummary("校验哈希链，报告第一个断点；?anchor=序号:哈希 检查此前保存的链头 / verify the hash chain; reports the first broken link; ?anchor=SEQ:HASH checks a head kept earlier");
        return g;
    }

    public static async Task<Ok<IReadOnlyList<AuditItem>>> List(string? entity, string? key, string? actor, string? action, DateOnly? from, DateOnly? to,
        int? take, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new AuditQueryHandler(s.Api.Db).ListAsync(
            new AuditQuery(entity, key, actor, action, from, to, Take: Math.Clamp(take ?? 100, 1, 1000)), s.Api.Ct));

    public static async Task<Ok<AuditVerifyResult>> Verify(string? anchor, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await AuditChain.VerifyAsync(s.Api.Db, s.Api.Ct, anchor is null ? null : AuditAnchor.Parse(anchor)));
}
