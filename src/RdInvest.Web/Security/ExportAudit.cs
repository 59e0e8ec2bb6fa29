using RdInvest.Accounts;
using RdInvest.Auditing;
using RdInvest.Data;

namespace RdInvest.Web.Security;

/// <summary>
/// Audits every export of data from the web host (<c>data.export</c>): a successful response that is a file — XLSX, CSV,
/// PDF, JSON Lines, ZIP or anything sent as an attachment — on the API or a page, with who, the path and query (which
/// name the units or divisions exported), the content type and when. The audit log's own export is audited by its handler.
/// </summary>
public static class ExportAudit
{
    private static readonly string[] s_fileTypes =
    [
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv", "application/pdf", "application/zip",
        "application/x-ndjson", "application/vnd.sdmx",
    ];

    public static bool IsExport(HttpContext ctx)
    {
        if (ctx.Request.Path.StartsWithSegments("/api/v1/audit/export", StringComparison.Ordinal) || !HttpMethods.IsGet(ctx.Request.Method) && !HttpMethods.IsPost(ctx.Request.Method))
        {
            return false;
        }
        var type = ctx.Response.ContentType ?? "";
        return ctx.Response.Headers.ContentDisposition.ToString().Contains("attachment", StringComparison.OrdinalIgnoreCase)
            || s_fileTypes.Any(t => type.StartsWith(t, StringComparison.OrdinalIgnoreCase));
    }

    public static async Task WriteAsync(HttpContext ctx, UserScope user)
    {
        var now = ctx.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var path = ctx.Request.Path.Value ?? "/";
        try
        {
            await using var db = ctx.RequestServices.GetRequiredService<DbTarget>().CreateContext();
            AuditLog.Append(db, new Actor(user.Name, ctx.TraceIdentifier), "data.export", "request", $"{ctx.Request.Method} {path}", null,
                new { role = user.Role, scope = user.Scope, path, query = ctx.Request.QueryString.Value, content_type = ctx.Response.ContentType }, now);
            await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
            await AuditChain.SealAsync(db, CancellationToken.None);
            await tx.CommitAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ctx.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ExportAudit))
                .LogWarning(e, "export of {Path} to {User} not audited", path, user.Name);
        }
    }
}
