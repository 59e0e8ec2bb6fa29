using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using RdInvest.Accounts;
using RdInvest.Data;
using RdInvest.Web.Security;

namespace RdInvest.Web.Api;

public sealed record TokenRequest(string? Name);

public sealed record UserStatusRequest(string? Reason);

/// <summary>Accounts: list, add, issue, list and revoke personal API tokens, change roles, disable and enable (the security administrator, 三员分立).</summary>
public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/users").WithTags("users").RequireRoles(Roles.AccountAdmins);
        g.MapGet("/", List).WithSummary("用户列表 / users");
        g.MapPost("/", Add).WithSummary("新增用户（角色与范围；用户名至多 64 字符）/ add a user with a role and scope (names up to 64 characters)")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        g.MapPost("/{name}/tokens", Token).WithSummary("签发个人 API 令牌（仅显示一次）/ issue a personal API token (shown once)");
        g.MapGet("/{name}/tokens", Tokens).WithSummary("用户的 API 令牌（不含令牌本身）/ a user's API tokens (never the token itself)");
        g.MapDelete("/{name}/tokens/{id:long}", Revoke).WithSummary("吊销 API 令牌（立即失效，留痕）/ revoke an API token (stops at once, audited)");
        g.MapPost("/{name}/disable", Disable)
            .WithSummary("停用账户（须说明原因；不能停用自己或最后一个自治区管理员，409）/ disable an account (reason required; not yourself or the last region admin: 409)");
        g.MapPut("/{name}/role", ChangeRole)
            .WithSummary("更改账户的角色与范围（不能更改自己的角色，403；最后一个系统/安全管理员不能改，409）/ change an account's role and scope (never your own: 403; not the last system or security administrator: 409)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        g.MapPost("/{name}/enable", Enable).WithSummary("重新启用账户 / enable an account again");
        return g;
    }

    public static async Task<Ok<IReadOnlyList<UserItem>>> List([AsParameters] ApiServices s) =>
        TypedResults.Ok(await new ListUsersHandler(s.Api.Db, s.Api.Clock).HandleAsync(s.Api.Ct));

    public static async Task<Created<UserItem>> Add(AddUserRequest request, UserManager<AppUser> users, [AsParameters] ApiServices s)
    {
        var u = await new AddUserHandler(users, s.Api.Db, s.Api.Clock).HandleAsync(request, s.Api.Actor, s.Api.Ct);
        return TypedResults.Created($"/api/v1/users/{Uri.EscapeDataString(u.Name)}", u);
    }

    public static async Task<Ok<IssuedToken>> Token(string name, TokenRequest? body, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new IssueTokenHandler(s.Api.Db, s.Api.Clock).HandleAsync(name, body?.Name, s.Api.Actor, s.Api.Ct));

    public static async Task<Ok<IReadOnlyList<TokenItem>>> Tokens(string name, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new TokensHandler(s.Api.Db, s.Api.Clock).ListAsync(name, s.Api.Ct));

    public static async Task<Ok<TokenItem>> Revoke(string name, long id, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new TokensHandler(s.Api.Db, s.Api.Clock).RevokeAsync(name, id, s.Api.Actor, s.Api.Ct));

    public static async Task<Ok<UserItem>> Disable(string name, UserStatusRequest? body, UserManager<AppUser> users, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new UserStatusHandler(users, s.Api.Db, s.Api.Clock).SetDisabledAsync(name, true, body?.Reason, s.Api.Actor, s.Api.Ct));

    public static async Task<Ok<UserItem>> ChangeRole(string name, ChangeRoleRequest request, UserManager<AppUser> users, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new ChangeRoleHandler(users, s.Api.Db, s.Api.Clock).HandleAsync(name, request, s.Api.Actor, s.Api.Ct));

    public static async Task<Ok<UserItem>> Enable(string name, UserStatusRequest? body, UserManager<AppUser> users, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new UserStatusHandler(users, s.Api.Db, s.Api.Clock).SetDisabledAsync(name, false, body?.Reason, s.Api.Actor, s.Api.Ct));
}
