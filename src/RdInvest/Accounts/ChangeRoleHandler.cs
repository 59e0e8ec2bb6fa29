using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RdInvest.Auditing;
using RdInvest.Common;
using RdInvest.Data;

namespace RdInvest.Accounts;

public sealed record ChangeRoleRequest(string? Role, string? Scope);

/// <summary>
/// `rdinvest user role NAME --role R [--scope S]`, PUT /api/v1/users/{name}/role and the /users/{name} page: gives an
/// account another role (and the scope it takes). Nobody changes their own role (三员分立: no one grants themselves a
/// right), and the last enabled account of a separation-of-duties role (<see cref="UserStatusHandler.KeptRoles"/>) keeps
/// it. The account's cookie sessions end at their next request (a new security stamp); its API tokens carry the new
/// role from the next request. Audited with the old and the new role.
/// </summary>
public sealed class ChangeRoleHandler(UserManager<AppUser> users, RdInvestDb db, TimeProvider clock)
{
    public async Task<UserItem> HandleAsync(string userName, ChangeRoleRequest request, Actor actor, CancellationToken ct)
    {
        var role = AccountText.Required("role", request.Role, AccountText.MaxUserName).Trim();
        AccountText.Check("scope", request.Scope, AccountText.MaxUserName);
        var user = await UserStatusHandler.FindAsync(db, userName, ct);
        if (string.Equals(user.UserName, actor.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new ForbiddenError("不能更改自己的角色（三员分立：须由另一位安全管理员办理）",
                "you cannot change your own role (separation of duties: another security administrator must do it)");
        }
        if (!Roles.All.Contains(role))
        {
            throw new AccountChoiceError("role", $"角色 {role} 无效，应为 {string.Join("、", Roles.All)}", $"role {role} is not one of {string.Join(", ", Roles.All)}");
        }
        var scope = string.IsNullOrWhiteSpace(request.Scope) ? null : request.Scope.Trim();
        await AddUserHandler.CheckScopeAsync(db, role, scope, ct);
        if (user.Role == role && user.Scope == scope)
        {
            return await UserStatusHandler.ItemAsync(db, user, clock, ct);
        }
        if (user.Role != role && UserStatusHandler.KeptRoles.Contains(user.Role) && !UserStatusHandler.IsDisabled(user.LockoutEnd))
        {
            await UserStatusHandler.CheckNotLastAsync(db, user, ct);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var old = new { role = user.Role, scope = user.Scope };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        user.Role = role;
        user.Scope = scope;
        UserStatusHandler.Check(await users.UpdateAsync(user));
        UserStatusHandler.Check(await users.UpdateSecurityStampAsync(user));
        AuditLog.Append(db, actor, "user.role", "user", user.UserName, old, new { role, scope }, now);
        await AuditChain.SealAsync(db, ct);
        await tx.CommitAsync(ct);
        return await UserStatusHandler.ItemAsync(db, user, clock, ct);
    }
}
