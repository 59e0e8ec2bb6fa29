using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RdInvest.Accounts;
using RdInvest.Data;

namespace RdInvest.Web.Security;

/// <summary>Sign-in: Identity cookies for the web UI, personal bearer tokens for scripts, one policy scheme choosing.</summary>
public static class Auth
{
    public const string Scheme = "rdinvest";
    public const string BearerScheme = "Bearer";
    public const string SignInRateLimit = "sign-in";
    public const string PasswordRateLimit = "password";

    /// <summary>The cookie ticket's item holding when the session began (ISO 8601 UTC).</summary>
    public const string SessionStartedItem = "rdinvest.started";

    /// <summary>
    /// Cookies and bearer tokens. Cookie sessions end after <see cref="PasswordPolicy.IdleTimeout"/> without a request
    /// (sliding) and at the latest <see cref="PasswordPolicy.Lifetime"/> after sign-in, whatever the activity. The
    /// cookie is HttpOnly, SameSite=Strict, and Secure when the request is HTTPS (directly or from a trusted proxy).
    /// API tokens are not sessions: they last until revoked (or the account is disabled).
    /// </summary>
    public static void AddRdInvestAuth(this IServiceCollection services, PasswordPolicy policy)
    {
        services.AddSingleton(policy);
        services.AddRdInvestIdentityCore()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<ScopeClaimsFactory>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "cookie or bearer", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(BearerScheme, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "rdinvest.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = policy.IdleTimeout;
            o.SlidingExpiration = true;
            // An API answers 401/403; it never redirects to a login page.
            o.Events.OnRedirectToLogin = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        // Every cookie request re-checks the account's security stamp, so disabling an account ends its sessions at once.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        // The absolute lifetime, checked before the stamp: a session older than it is rejected, however active.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var stamp = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async ctx =>
            {
                var now = (o.TimeProvider ?? TimeProvider.System).GetUtcNow();
                if (!ctx.Properties.Items.TryGetValue(SessionStartedItem, out var text)
                    || !DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var started)
                    || now - started > policy.Lifetime)
                {
                    ctx.RejectPrincipal();
                    await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await stamp(ctx);
            };
        });
        services.AddAuthorization(o =>
        {
            // Sign-in is required everywhere unless an endpoint says AllowAnonymous.
            o.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
    }

    /// <summary>True when the request was authenticated by the Identity cookie (CSRF applies), not by a bearer token.</summary>
    public static bool IsCookieAuthenticated(HttpContext ctx) =>
        ctx.User.Identity?.IsAuthenticated == true && ctx.User.Identity.AuthenticationType != BearerScheme;
}

/// <summary>Adds the user's role and scope to the cookie principal.</summary>
public sealed class ScopeClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var id = await base.GenerateClaimsAsync(user);
        id.AddClaim(new Claim(ClaimTypes.Role, user.Role));
        if (user.Scope is not null)
        {
            id.AddClaim(new Claim(UserScope.ScopeClaim, user.Scope));
        }
        return id;
    }
}

/// <summary>Authenticates `Authorization: Bearer rdi_…` against the stored token hashes.</summary>
public sealed class ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    RdInvestDb db, TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var user = await IssueTokenHandler.FindAsync(db, header["Bearer ".Length..].Trim(), clock.GetUtcNow(), Context.RequestAborted);
        if (user is null)
        {
            return AuthenticateResult.Fail("invalid token");
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(user.Claims(), Auth.BearerScheme, ClaimTypes.Name, ClaimTypes.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Auth.BearerScheme));
    }
}
