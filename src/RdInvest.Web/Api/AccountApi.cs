using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using RdInvest.Data;
using RdInvest.Web.Security;

namespace RdInvest.Web.Api;

public sealed record LoginRequest(string? UserName, string? Password);

public sealed record PasswordChangeBody(string? UserName, string? CurrentPassword, string? NewPassword);

public sealed record MeView(string Name, string Role, string? Scope);

public sealed record CsrfView(string HeaderName, string Token);

/// <summary>Sign-in with a password (cookie), sign-out, the current user, and the CSRF token for cookie sessions.</summary>
public static class AccountApi
{
    public static RouteGroupBuilder MapAccountApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/account").WithTags("account");
        g.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(Auth.SignInRateLimit)
            .WithSummary("登录（Cookie）；5 次失败后锁定 15 分钟（API 令牌不受影响）；按 IP 与用户名限速 / sign in; locked for 15 minutes after 5 failures "
                + "(API tokens unaffected); rate-limited per IP and per user name")
            .ProducesProblem(StatusCodes.Status423Locked).ProducesProblem(StatusCodes.Status429TooManyRequests);
        g.MapPost("/password", ChangePassword).AllowAnonymous().RequireRateLimiting(Auth.PasswordRateLimit)
            .WithSummary("修改自己的密码（需当前密码；密码过期时无需登录）；新密码至少 12 位、含 3 类字符、不与最近 5 次相同 / change your own password "
                + "(needs the current one; works without sign-in when it has expired); the new one: 12+ characters of 3 classes, none of the last 5")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status423Locked).ProducesProblem(StatusCodes.Status429TooManyRequests);
        g.MapPost("/logout", Logout).WithSummary("退出；该账户的 Cookie 会话在服务器端全部失效 / sign out; the account's cookie sessions end on the server");
        g.MapGet("/me", Me).WithSummary("当前用户 / the signed-in user");
        g.MapGet("/csrf", Csrf).WithSummary("Cookie 会话写操作所需的 CSRF 令牌 / CSRF token for cookie-session writes");
        return g;
    }

    public static async Task<Results<Ok<MeView>, ProblemHttpResult>> Login(LoginRequest request, SignInService signIn, HttpContext http)
    {
        var missing = new[] { ("user_name", request.UserName), ("password", request.Password) }.Where(f => string.IsNullOrEmpty(f.Item2)).Select(f => f.Item1).ToList();
        if (missing.Count > 0)
        {
            var names = string.Join(", ", missing);
            return (ProblemHttpResult)Problems.Result(http, 400, $"缺少字段：{string.Join("、", missing)}", $"missing fields: {names}", field: names);
        }
        var (outcome, user) = await signIn.SignInAsync(request.UserName!, request.Password!, http, http.RequestAborted);
        return outcome switch
        {
            SignInOutcome.Succeeded => TypedResults.Ok(new MeView(user!.UserName!, user.Role, user.Scope)),
            SignInOutcome.Throttled => (ProblemHttpResult)Problems.Result(http, 429, "该用户名的登录尝试过于频繁，请稍后再试", "too many sign-in attempts for this user name; try again later"),
            SignInOutcome.Disabled => (ProblemHttpResult)Problems.Result(http, 423, "账户已停用，请联系自治区管理员", "the account is disabled; ask a region administrator"),
            SignInOutcome.Locked => (ProblemHttpResult)Problems.Result(http, 423, "登录失败次数过多，账户已暂时锁定", "too many failed sign-ins; the account is locked for a while"),
            SignInOutcome.Expired => (ProblemHttpResult)Problems.Result(http, 403, "密码已过期，请先修改密码（POST /api/v1/account/password）",
                "the password has expired; change it first (POST /api/v1/account/password)", field: "password"),
            _ => (ProblemHttpResult)Problems.Result(http, 401, "用户名或密码错误", "wrong user name or password"),
        };
    }

    /// <summary>
    /// The caller's own password. Signed in, the account is the signed-in one (a user_name in the body must name it);
    /// signed out (an expired password), the body names it. Either way the current password is required.
    /// </summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> ChangePassword(PasswordChangeBody body, UserManager<AppUser> users,
        [FromServices] RdInvestDb db, TimeProvider clock, HttpContext http)
    {
        var me = Accounts.UserScope.From(http.User);
        if (me is not null && body.UserName is { Length: > 0 } named && !string.Equals(named.Trim(), me.Name, StringComparison.OrdinalIgnoreCase))
        {
            return (ProblemHttpResult)Problems.Result(http, 403, "只能修改自己的密码", "you can change only your own password", field: "user_name");
        }
        var request = new Accounts.ChangePasswordRequest(me?.Name ?? body.UserName, body.CurrentPassword, body.NewPassword);
        var actor = new Auditing.Actor(me?.Name ?? (body.UserName ?? "").Trim(), http.TraceIdentifier);
        var (outcome, _) = await new Accounts.ChangePasswordHandler(users, db, clock).HandleAsync(request, actor, http.RequestAborted);
        return outcome switch
        {
            Accounts.PasswordChangeOutcome.Changed => TypedResults.NoContent(),
            Accounts.PasswordChangeOutcome.Disabled => (ProblemHttpResult)Problems.Result(http, 423, "账户已停用，请联系安全管理员", "the account is disabled; ask a security administrator"),
            Accounts.PasswordChangeOutcome.Locked => (ProblemHttpResult)Problems.Result(http, 423, "失败次数过多，账户已暂时锁定", "too many failures; the account is locked for a while"),
            _ => (ProblemHttpResult)Problems.Result(http, 401, "用户名或当前密码错误", "wrong user name or current password", field: "current_password"),
        };
    }

    /// <summary>
    /// Ends the session on the server, not only in the browser: a new security stamp makes every cookie issued to the
    /// account fail the stamp check made on each request (its other browsers sign in again). API tokens are unaffected.
    /// </summary>
    public static async Task<NoContent> Logout(SignInManager<AppUser> signIn, HttpContext http)
    {
        if (Auth.IsCookieAuthenticated(http) && await signIn.UserManager.GetUserAsync(http.User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    public static Ok<MeView> Me([AsParameters] ApiServices s) => TypedResults.Ok(new MeView(s.Api.User.Name, s.Api.User.Role, s.Api.User.Scope));

    public static Ok<CsrfView> Csrf(IAntiforgery antiforgery, HttpContext http)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return TypedResults.Ok(new CsrfView(Hardening.CsrfHeader, tokens.RequestToken!));
    }
}

/// <summary>The dependencies bound with [AsParameters].</summary>
public readonly record struct ApiServices(ApiContext Api);
