using Microsoft.AspNetCore.Http.HttpResults;
using RdInvest.Accounts;
using RdInvest.Auditing;
using RdInvest.Web.Security;

namespace RdInvest.Web.Api;

/// <summary>The audit log, read-only: entries, chain verification and the archive export (the audit administrator). No endpoint edits or deletes an entry.</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/audit").WithTags("audit").RequireRoles(Roles.AuditReaders);
        g.MapGet("/", List).WithSummary("审计日志（最新在前）/ audit entries, newest first (?entity=, ?key=, ?actor= part of the name, ?action= or its prefix, ?from=, ?to= UTC days, ?take=)");
        g.MapGet("/verify", Verify).WithSummary("校验哈希链，报告第一个断点；?anchor=序号:哈希 检查此前保存的链头 / verify the hash chain; reports the first broken link; ?anchor=SEQ:HASH checks a head kept earlier");
        g.MapGet("/export", Export).WithSummary("导出审计日志（JSON Lines，含哈希链，供外部归档校验；导出本身留痕）；?from=、?to= UTC 日期 / export the audit log as JSON Lines with its hash chain for an external archive (the export is audited); ?from=, ?to= UTC days")
            .Produces(StatusCodes.Status200OK, contentType: "application/x-ndjson");
        return g;
    }

    /// <summary>Buffered to a temporary file first, so a failure is a clean problem rather than a cut-off download.</summary>
    public static async Task<IResult> Export(DateOnly? from, DateOnly? to, [AsParameters] ApiServices s, HttpContext http)
    {
        var path = Path.GetTempFileName();
        var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        try
        {
            await new AuditExportHandler(s.Api.Db, s.Api.Clock).WriteAsync(file, from, to, s.Api.Actor, s.Api.Ct);
            file.Position = 0;
            var name = $"audit-{from?.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) ?? "start"}-{to?.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) ?? "now"}.jsonl";
            http.Response.RegisterForDisposeAsync(file);
            return TypedResults.File(file, "application/x-ndjson", name);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public static async Task<Ok<IReadOnlyList<AuditItem>>> List(string? entity, string? key, string? actor, string? action, DateOnly? from, DateOnly? to,
        int? take, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new AuditQueryHandler(s.Api.Db).ListAsync(
            new AuditQuery(entity, key, actor, action, from, to, Take: Math.Clamp(take ?? 100, 1, 1000)), s.Api.Ct));

    public static async Task<Ok<AuditVerifyResult>> Verify(string? anchor, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await AuditChain.VerifyAsync(s.Api.Db, s.Api.Ct, anchor is null ? null : AuditAnchor.Parse(anchor)));
}
