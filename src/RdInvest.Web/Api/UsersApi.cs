using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using RdInvest.Accounts;
using RdInvest.Data;
using RdInvest.Web.Security;

namespace RdInvest.Web.Api;

public sealed record TokenRequest(string? Name);

/// <summary>Accounts: list, add, issue a personal API token (region admin).</summary>
public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/users").WithTags("users").RequireRoles(Roles.Admins);
        g.MapGet("/", List).WithSummary("用户列表 / users");
        g.MapPost("/", Add).WithSummary("新增用户（角色与范围）/ add a user with a role and scope");
        g.MapPost("/{name}/tokens", Token).WithSummary("签发个人 API 令牌（仅显示一次）/ issue a personal API token (shown once)");
        return g;
    }

    public static async Task<Ok<IReadOnlyList<UserItem>>> List([AsParameters] ApiServices s) =>
        TypedResults.Ok(await new ListUsersHandler(s.Api.Db, s.Api.Clock).HandleAsync(s.Api.Ct));

    public static async Task<Created<UserItem>> Add(AddUserRequest request, UserManager<AppUser> users, [AsParameters] ApiServices s)
    {
        var u = await new AddUserHandler(users, s.Api.Db, s.Api.Clock).HandleAsync(request, s.Api.Actor, s.Api.Ct);
        return TypedResults.Created($"/api/v1/users/{u.Name}", u);
    }

    public static async Task<Ok<IssuedToken>> Token(string name, TokenRequest? body, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new IssueTokenHandler(s.Api.Db, s.Api.Clock).HandleAsync(name, body?.Name, s.Api.Actor, s.Api.Ct));
}
