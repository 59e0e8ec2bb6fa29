using System.Collections.Concurrent;
using RdInvest.Accounts;
using RdInvest.Auditing;
using RdInvest.Data;

namespace RdInvest.Web.Security;

/// <summary>
/// Audits every permission refusal: a signed-in caller answered 403 on the API or a page, whether the role check, the
/// scope filter or a handler refused (<c>access.denied</c>: who, method and path, the role, the request id, when). One
/// middleware, outermost, so no endpoint writes it itself. Repeats are folded: the same user, method and path is
/// written once per <see cref="Window"/> (a script hammering a refused URL does not flood the log); the entry counts
/// the repeats folded before it. Written on its own database context, so a refused write leaves nothing of its own.
/// The same middleware hands file downloads to <see cref="ExportAudit"/>.
/// </summary>
public static class RefusalAudit
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private static readonly ConcurrentDictionary<string, (DateTime Until, int Folded)> s_recent = new(StringComparer.Ordinal);

    public static IApplicationBuilder UseRefusalAudit(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        await next(ctx);
        if (UserScope.From(ctx.User) is not { } user)
        {
            return;
        }
        if (ctx.Response.StatusCode == StatusCodes.Status200OK && ExportAudit.IsExport(ctx))
        {
            await ExportAudit.WriteAsync(ctx, user);
            return;
        }
        if (ctx.Response.StatusCode != StatusCodes.Status403Forbidden)
        {
            return;
        }
        var clock = ctx.RequestServices.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow().UtcDateTime;
        var path = ctx.Request.Path.Value ?? "/";
        // The database is part of the key: repeats fold per log, so two hosts in one process (tests, or a host serving
        // two databases) never fold a refusal into another database's entry.
        var key = $"{ctx.RequestServices.GetRequiredService<DbTarget>().ConnectionString}\n{user.Name}\n{ctx.Request.Method}\n{path}";
        var folded = 0;
        var write = true;
        s_recent.AddOrUpdate(key, _ => (now + Window, 0), (_, old) =>
        {
            if (old.Until > now)
            {
                write = false;
                return (old.Until, old.Folded + 1);
            }
            folded = old.Folded;
            return (now + Window, 0);
        });
        if (!write)
        {
            return;
        }
        if (s_recent.Count > 10_000)
        {
            foreach (var stale in s_recent.Where(p => p.Value.Until <= now).Select(p => p.Key).ToList())
            {
                s_recent.TryRemove(stale, out _);
            }
        }
        try
        {
            await using var db = ctx.RequestServices.GetRequiredService<DbTarget>().CreateContext();
            AuditLog.Append(db, new Actor(user.Name, ctx.TraceIdentifier), "access.denied", "request", $"{ctx.Request.Method} {path}", null,
                new { role = user.Role, scope = user.Scope, method = ctx.Request.Method, path, query = ctx.Request.QueryString.Value, folded }, now);
            await using var tx = await db.Database.BeginTransactionAsync(ctx.RequestAborted);
            await AuditChain.SealAsync(db, ctx.RequestAborted);
            await tx.CommitAsync(ctx.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The refusal stands whatever happens here; a database outage must not turn a 403 into a 500.
            ctx.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RefusalAudit))
                .LogWarning(e, "refusal of {Method} {Path} to {User} not audited", ctx.Request.Method, path, user.Name);
        }
    });
}
