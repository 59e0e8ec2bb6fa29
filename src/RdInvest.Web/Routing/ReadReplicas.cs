using Microsoft.EntityFrameworkCore;
using RdInvest.Data;

namespace RdInvest.Web.Routing;

/// <summary>
/// The read context beside the write context: <c>[FromKeyedServices(ReadRouting.Key)] RdInvestDb</c> (pages) or
/// <c>ApiContext.ReadDb</c> (API) is a context on the standbys when <c>read-db</c> is set, else the request's one
/// context. Read-your-writes: for a short while after a user's own successful write (any POST/PUT/PATCH/DELETE),
/// a cookie sends that browser's reads to the primary, so the page it lands on never shows the state before its
/// write while a standby is still replaying it.
/// </summary>
public static class ReadReplicas
{
    public const string StickyCookie = "rdinvest.primary";

    /// <summary>Well above the replay lag of a healthy standby on a LAN (milliseconds); see docs/SCALING.md.</summary>
    public static readonly TimeSpan StickyFor = TimeSpan.FromSeconds(15);

    public static void AddRdInvestReadRouting(this IServiceCollection services, DbTarget? read)
    {
        services.AddKeyedScoped<RdInvestDb>(ReadRouting.Key, (sp, _) =>
        {
            if (read is null || sp.GetService<IHttpContextAccessor>()?.HttpContext?.Request.Cookies.ContainsKey(StickyCookie) == true)
            {
                return sp.GetRequiredService<RdInvestDb>();
            }
            var db = read.CreateContext();
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
            return db;
        });
    }

    /// <summary>Marks a browser that has just written (only when reads go to standbys).</summary>
    public static void UseReadYourWrites(this WebApplication app, DbTarget? read)
    {
        if (read is null)
        {
            return;
        }
        app.Use(async (ctx, next) =>
        {
            if (!HttpMethods.IsGet(ctx.Request.Method) && !HttpMethods.IsHead(ctx.Request.Method) && !HttpMethods.IsOptions(ctx.Request.Method))
            {
                ctx.Response.OnStarting(() =>
                {
                    if (ctx.Response.StatusCode < 400 && ctx.User.Identity?.IsAuthenticated == true)
                    {
                        ctx.Response.Cookies.Append(StickyCookie, "1", new CookieOptions
                        {
                            MaxAge = StickyFor,
                            HttpOnly = true,
                            SameSite = SameSiteMode.Strict,
                            Secure = ctx.Request.IsHttps,
                            Path = "/",
                        });
                    }
                    return Task.CompletedTask;
                });
            }
            await next(ctx);
        });
    }
}
