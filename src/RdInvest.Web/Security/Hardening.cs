using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.HttpOverrides;

namespace RdInvest.Web.Security;

/// <summary>
/// Security headers, CSRF for cookie sessions, sign-in rate limits, upload size limits, request timeouts, and the
/// reverse proxy: X-Forwarded-For/-Proto are believed only from trusted proxies (loopback, plus the addresses or
/// networks in <c>RDINVEST_TRUSTED_PROXIES</c> or the host setting <c>trusted_proxies</c>, comma-separated, e.g.
/// <c>10.0.0.5,172.16.0.0/12</c>). Behind such a proxy an HTTPS request gets Secure cookies and HSTS.
/// </summary>
public static class Hardening
{
    public const long MaxUploadBytes = 50L * 1024 * 1024;

    /// <summary>The largest JSON request body: every write of the API is a small record (files come as multipart).</summary>
    public const long MaxJsonBytes = 1L * 1024 * 1024;
    public const string CsrfHeader = "X-CSRF-TOKEN";

    public const string TrustedProxiesVariable = "RDINVEST_TRUSTED_PROXIES";

    public static void AddRdInvestHardening(this WebApplicationBuilder builder)
    {
        var proxies = builder.Configuration["trusted_proxies"] ?? Environment.GetEnvironmentVariable(TrustedProxiesVariable);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            AddTrustedProxies(o, proxies);
        });
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddScoped<SignInService>();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxUploadBytes);
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = MaxUploadBytes);
        builder.Services.AddAntiforgery(o =>
        {
            o.HeaderName = CsrfHeader;
            o.Cookie.Name = "rdinvest.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        builder.Services.AddRequestTimeouts(o =>
        {
            o.DefaultPolicy = new RequestTimeoutPolicy { Timeout = TimeSpan.FromSeconds(120), TimeoutStatusCode = StatusCodes.Status504GatewayTimeout };
        });
        // Sign-ins and password changes allowed per client address and minute (setting sign_in_per_minute, default 10).
        var perMinute = int.TryParse(builder.Configuration["sign_in_per_minute"], System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var limit) && limit > 0 ? limit : 10;
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Password changes (which also test a current password) have a limit of their own, as tight as sign-in's.
            o.AddPolicy(Auth.PasswordRateLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(Auth.SignInRateLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }

    /// <summary>
    /// First in the pipeline: the scheme and client address from a trusted proxy, then HSTS on HTTPS responses
    /// (not for localhost, and not in Development).
    /// </summary>
    public static WebApplication UseProxyAndHsts(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        return app;
    }

    /// <summary>Adds "10.0.0.5" (a proxy) or "10.0.0.0/8" (a network) entries to the loopback trusted by default.</summary>
    internal static void AddTrustedProxies(ForwardedHeadersOptions o, string? list)
    {
        foreach (var entry in (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (entry.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entry, out var network))
            {
                o.KnownIPNetworks.Add(network);
            }
            else if (System.Net.IPAddress.TryParse(entry, out var address))
            {
                o.KnownProxies.Add(address);
            }
            else
            {
                throw new InvalidOperationException($"{TrustedProxiesVariable}: '{entry}' is neither an IP address nor a network (a.b.c.d/n)");
            }
        }
    }

    /// <summary>Headers on every response. The reference page (/scalar) needs inline script; nothing else does.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        ctx.Response.OnStarting(() =>
        {
            var h = ctx.Response.Headers;
            var scripts = ctx.Request.Path.StartsWithSegments("/scalar", StringComparison.Ordinal) ? "'self' 'unsafe-inline' 'unsafe-eval'" : "'self'";
            h.ContentSecurityPolicy = $"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        await next(ctx);
    });

    /// <summary>
    /// Request body limits before anything reads the body: a declared length over the limit (1 MB of JSON, 50 MB
    /// otherwise) is a 413 problem at once; a JSON body of unknown length is cut at 1 MB by the server (also 413).
    /// </summary>
    public static IApplicationBuilder UseBodyLimits(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        var json = ctx.Request.HasJsonContentType();
        var limit = json ? MaxJsonBytes : MaxUploadBytes;
        if (ctx.Request.ContentLength > limit)
        {
            var mb = (limit / 1024 / 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Problems.Result(ctx, StatusCodes.Status413PayloadTooLarge, $"请求内容超过 {mb} MB 的上限", $"the request body exceeds the limit of {mb} MB").ExecuteAsync(ctx);
            return;
        }
        if (json && ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxJsonBytes;
        }
        await next(ctx);
    });

    /// <summary>
    /// Cookie-authenticated writes must carry the antiforgery token in <see cref="CsrfHeader"/> (from
    /// GET /api/v1/account/csrf). Bearer-token clients are not exposed to CSRF and are not asked for it.
    /// </summary>
    public static IApplicationBuilder UseCookieCsrf(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        var method = ctx.Request.Method;
        var safe = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
        if (!safe && Auth.IsCookieAuthenticated(ctx) && ctx.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            await ctx.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(ctx);
        }
        await next(ctx);
    });
}
