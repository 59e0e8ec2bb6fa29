using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RdInvest.Auditing;
using RdInvest.Common;
using RdInvest.Data;

namespace RdInvest.Accounts;

public sealed record AddUserRequest(string Name, string Role, string? Scope, string? Password);

/// <summary>
/// An account as listed. <c>LockedOut</c>: cannot sign in now (locked after failed sign-ins, or disabled);
/// <c>Disabled</c>: disabled by an administrator until enabled again.
/// </summary>
public sealed record UserItem(string Name, string Role, string? Scope, bool HasPassword, bool LockedOut, int Tokens, DateTime CreatedAt, bool Disabled = false);

public sealed record IssuedToken(string Name, string Token, DateTime CreatedAt, long Id = 0);

/// <summary>A personal API token as listed (never the token itself).</summary>
public sealed record TokenItem(long Id, string Name, DateTime CreatedAt, DateTime? RevokedAt)
{
    public bool Active => RevokedAt is null;
}

/// <summary>`rdinvest user add` and POST /api/v1/users: an account with one role and its scope.</summary>
public sealed class AddUserHandler(UserManager<AppUser> users, RdInvestDb db, TimeProvider clock)
{
    public async Task<UserItem> HandleAsync(AddUserRequest request, Actor actor, CancellationToken ct)
    {
        AccountText.Required("name", request.Name, AccountText.MaxUserName);
        AccountText.Required("role", request.Role, AccountText.MaxUserName);
        AccountText.Check("scope", request.Scope, AccountText.MaxUserName);
        AccountText.Check("password", request.Password, AccountText.MaxPassword);
        if (!Roles.All.Contains(request.Role))
        {
            throw new AccountChoiceError("role", $"角色 {request.Role} 无效，应为 {string.Join("、", Roles.All)}", $"role {request.Role} is not one of {string.Join(", ", Roles.All)}");
        }
        var scope = string.IsNullOrWhiteSpace(request.Scope) ? null : request.Scope.Trim();
        await CheckScopeAsync(db, request.Role, scope, ct);
        if (await users.FindByNameAsync(request.Name) is not null)
        {
            throw new ConflictError($"用户 {request.Name} 已存在", $"user {request.Name} already exists");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var user = new AppUser { UserName = request.Name, Role = request.Role, Scope = scope, CreatedAt = now, LockoutEnabled = true };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        IdentityResult result;
        try
        {
            result = request.Password is { } p ? await users.CreateAsync(user, p) : await users.CreateAsync(user);
        }
        catch (DbUpdateException)
        {
            // Two adds of one name at once: the unique index lets one through.
            throw new ConflictError($"用户 {request.Name} 已存在", $"user {request.Name} already exists");
        }
        if (!result.Succeeded)
        {
            var text = string.Join("; ", result.Errors.Select(e => e.Description));
            throw new AccountFieldError(result.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? "password" : "name",
                $"无法创建用户：{text}", $"cannot create the user: {text}");
        }
        if (request.Password is not null)
        {
            PolicyPasswordValidator.Record(db, user, now);
        }
        AuditLog.Append(db, actor, "user.add", "user", request.Name, null, new { name = request.Name, role = request.Role, scope }, now);
        await AuditChain.SealAsync(db, ct);
        await tx.CommitAsync(ct);
        return new UserItem(request.Name, request.Role, scope, request.Password is not null, false, 0, now);
    }

    private static string KindZh(string kind) => kind switch
    {
        "league_city" => "盟市代码",
        "county" => "旗县代码",
        "park" => "园区编号",
        "institution_code" => "金融机构统一社会信用代码",
        _ => "统一社会信用代码",
    };

    internal static async Task CheckScopeAsync(RdInvestDb db, string role, string? scope, CancellationToken ct)
    {
        var kind = Roles.ScopeKind(role);
        if (kind is null)
        {
            if (scope is not null)
            {
                throw new AccountChoiceError("scope", $"角色 {role} 不带范围", $"role {role} takes no scope");
            }
            return;
        }
        if (scope is null)
        {
            throw new AccountChoiceError("scope", $"角色 {role} 需要 --scope（{KindZh(kind)}）", $"role {role} needs --scope ({kind})");
        }
        var ok = kind switch
        {
            "league_city" => await db.Divisions.AnyAsync(d => d.Code == scope && d.Level == DivisionLevels.LeagueCity, ct),
            "county" => await db.Divisions.AnyAsync(d => d.Code == scope && d.Level == DivisionLevels.County, ct),
            "park" => await db.Parks.AnyAsync(p => p.Id == scope, ct),
            "institution_code" => await db.Institutions.AnyAsync(i => i.Code == scope, ct),
            _ => CreditCode.IsValid(scope),
        };
        if (!ok)
        {
            throw new AccountChoiceError("scope", $"范围 {scope} 不是有效的{KindZh(kind)}", $"scope {scope} is not a valid {kind}");
        }
    }
}

/// <summary>`rdinvest user list` and GET /api/v1/users.</summary>
public sealed class ListUsersHandler(RdInvestDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserItem>> HandleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.UserName)
            .Select(u => new
            {
                u.UserName, u.Role, u.Scope, HasPassword = u.PasswordHash != null, u.LockoutEnd, u.CreatedAt,
                Tokens = db.ApiTokens.Count(t => t.UserId == u.Id && t.RevokedAt == null),
            })
            .ToListAsync(ct);
        return rows.Select(u => new UserItem(u.UserName!, u.Role, u.Scope, u.HasPassword, u.LockoutEnd > now, u.Tokens, u.CreatedAt,
            UserStatusHandler.IsDisabled(u.LockoutEnd))).ToList();
    }
}

/// <summary>
/// `rdinvest user token NAME` and POST /api/v1/users/{name}/tokens: a personal API token for scripts. The token is
/// shown once; only its SHA-256 is stored.
/// </summary>
public sealed class IssueTokenHandler(RdInvestDb db, TimeProvider clock)
{
    public const string Prefix = "rdi_";

    public async Task<IssuedToken> HandleAsync(string userName, string? tokenName, Actor actor, CancellationToken ct)
    {
        var user = await UserStatusHandler.FindAsync(db, userName, ct);
        tokenName = AccountText.Check("name", tokenName, AccountText.MaxTokenName);
        var token = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow().UtcDateTime;
        var name = string.IsNullOrWhiteSpace(tokenName) ? "token" : tokenName.Trim();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (UserStatusHandler.IsDisabled(user.LockoutEnd))
        {
            throw new ConflictError($"用户 {user.UserName} 已停用，不能签发令牌", $"user {user.UserName} is disabled; no token can be issued");
        }
        var row = new ApiToken { UserId = user.Id, Name = name, TokenHash = HashOf(token), CreatedAt = now };
        db.ApiTokens.Add(row);
        await db.SaveChangesAsync(ct);
        AuditLog.Append(db, actor, "user.token", "user", user.UserName, null, new { token_id = row.Id, token_name = name }, now);
        await AuditChain.SealAsync(db, ct);
        await tx.CommitAsync(ct);
        return new IssuedToken(name, token, now, row.Id);
    }

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>
    /// The user a bearer token belongs to, or null when unknown, revoked or the account is disabled. A lockout after
    /// failed password sign-ins does not stop tokens: otherwise anyone knowing a user name could stop that user's scripts.
    /// </summary>
    public static async Task<UserScope?> FindAsync(RdInvestDb db, string token, DateTimeOffset now, CancellationToken ct)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var hash = HashOf(token);
        var hit = await db.ApiTokens.AsNoTracking().Where(t => t.TokenHash == hash && t.RevokedAt == null)
            .Join(db.Users.AsNoTracking(), t => t.UserId, u => u.Id, (t, u) => new { u.UserName, u.Role, u.Scope, u.LockoutEnd })
            .FirstOrDefaultAsync(ct);
        return hit is null || UserStatusHandler.IsDisabled(hit.LockoutEnd) ? null : new UserScope(hit.UserName!, hit.Role, hit.Scope);
    }
}

/// <summary>
/// `rdinvest user tokens|revoke` and GET/DELETE /api/v1/users/{name}/tokens: a user's personal API tokens, and revoking
/// one. A revoked token stops working at once (every bearer request checks it); revoking is audited and idempotent.
/// </summary>
public sealed class TokensHandler(RdInvestDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<TokenItem>> ListAsync(string userName, CancellationToken ct)
    {
        var user = await UserStatusHandler.FindAsync(db, userName, ct);
        return await db.ApiTokens.AsNoTracking().Where(t => t.UserId == user.Id).OrderBy(t => t.Id)
            .Select(t => new TokenItem(t.Id, t.Name, t.CreatedAt, t.RevokedAt)).ToListAsync(ct);
    }

    public async Task<TokenItem> RevokeAsync(string userName, long tokenId, Actor actor, CancellationToken ct)
    {
        var user = await UserStatusHandler.FindAsync(db, userName, ct);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == user.Id, ct)
            ?? throw new NotFoundError($"用户 {userName} 没有编号为 {tokenId} 的令牌", $"user {userName} has no token {tokenId}");
        if (token.RevokedAt is null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            token.RevokedAt = now;
            AuditLog.Append(db, actor, "user.token.revoke", "user", user.UserName, null, new { token_id = token.Id, token_name = token.Name }, now);
            await AuditChain.SealAsync(db, ct);
            await tx.CommitAsync(ct);
        }
        return new TokenItem(token.Id, token.Name, token.CreatedAt, token.RevokedAt);
    }
}

/// <summary>
/// `rdinvest user disable|enable` and POST /api/v1/users/{name}/disable|enable. A disabled account cannot sign in, its
/// cookie sessions end at their next request (the security stamp changes) and its API tokens stop working; enabling it
/// again restores sign-in (revoked tokens stay revoked). Nobody disables themselves, and the last enabled region
/// administrator cannot be disabled. Both are audited with the reason.
/// </summary>
public sealed class UserStatusHandler(UserManager<AppUser> users, RdInvestDb db, TimeProvider clock)
{
    /// <summary>
    /// Disabled = locked out for ever (Identity's own lockout, so sign-in and tokens refuse it everywhere): the lockout
    /// ends in the year 9999. Compared by year, as databases keep the time to the microsecond at most.
    /// </summary>
    public static bool IsDisabled(DateTimeOffset? lockoutEnd) => lockoutEnd is { Year: >= 9999 };

    internal static async Task<AppUser> FindAsync(RdInvestDb db, string userName, CancellationToken ct)
    {
        if (userName.Length > AccountText.MaxUserName)
        {
            throw new NotFoundError("没有该用户（用户名过长）", "no such user (the name is too long)");
        }
        var normalized = userName.ToUpperInvariant();
        return await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct)
            ?? throw new NotFoundError($"没有用户 {userName}", $"no user {userName}");
    }

    public async Task<UserItem> SetDisabledAsync(string userName, bool disabled, string? reason, Actor actor, CancellationToken ct)
    {
        var user = await FindAsync(db, userName, ct);
        reason = AccountText.Check("reason", reason, AccountText.MaxReason);
        if (disabled && string.IsNullOrWhiteSpace(reason))
        {
            throw new AccountChoiceError("reason", "停用账户须说明原因（--reason）", "disabling an account needs a reason (--reason)");
        }
        if (disabled && string.Equals(user.UserName, actor.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new ConflictError("不能停用自己的账户", "you cannot disable your own account");
        }
        if (disabled == IsDisabled(user.LockoutEnd))
        {
            return await ItemAsync(user, ct);
        }
        if (disabled && KeptRoles.Contains(user.Role))
        {
            await CheckNotLastAsync(db, user, ct);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        user.LockoutEnabled = true;
        user.LockoutEnd = disabled ? DateTimeOffset.MaxValue : null;
        if (!disabled)
        {
            user.AccessFailedCount = 0;
        }
        Check(await users.UpdateAsync(user));
        PausePoints.Reach(PausePoints.UserUpdated);
        // A new stamp ends every cookie session of the account at its next request.
        Check(await users.UpdateSecurityStampAsync(user));
        AuditLog.Append(db, actor, disabled ? "user.disable" : "user.enable", "user", user.UserName, new { disabled = !disabled },
            new { disabled, reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim() }, now);
        await AuditChain.SealAsync(db, ct);
        PausePoints.Reach(PausePoints.UserSealed);
        await tx.CommitAsync(ct);
        return await ItemAsync(user, ct);
    }

    /// <summary>
    /// Roles that always keep one enabled account: the system administrator (region administrator) and the security
    /// administrator (who alone can enable accounts again).
    /// </summary>
    public static readonly IReadOnlyList<string> KeptRoles = [Roles.RegionAdmin, Roles.SecurityAdmin];

    /// <summary>Refuses (409) to disable or re-role the last enabled account of its role.</summary>
    internal static async Task CheckNotLastAsync(RdInvestDb db, AppUser user, CancellationToken ct)
    {
        var others = await db.Users.Where(u => u.Id != user.Id && u.Role == user.Role).Select(u => u.LockoutEnd).ToListAsync(ct);
        if (others.All(IsDisabled))
        {
            throw new ConflictError($"不能停用或改变最后一个可用的{Roles.Zh(user.Role)}", $"the last enabled {user.Role} account cannot be disabled or given another role");
        }
    }

    private Task<UserItem> ItemAsync(AppUser user, CancellationToken ct) => ItemAsync(db, user, clock, ct);

    internal static async Task<UserItem> ItemAsync(RdInvestDb db, AppUser user, TimeProvider clock, CancellationToken ct)
    {
        var tokens = await db.ApiTokens.CountAsync(t => t.UserId == user.Id && t.RevokedAt == null, ct);
        return new UserItem(user.UserName!, user.Role, user.Scope, user.PasswordHash is not null, user.LockoutEnd > clock.GetUtcNow(), tokens,
            user.CreatedAt, IsDisabled(user.LockoutEnd));
    }

    internal static void Check(IdentityResult result)
    {
        // Identity updates a user only where its concurrency stamp is unchanged; losing that race is a conflict.
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            throw new ConflictError("该用户已被他人同时修改，请重试", "the user was changed by someone else at the same time; try again");
        }
        if (!result.Succeeded)
        {
            var text = string.Join("; ", result.Errors.Select(e => e.Description));
            throw new UserError($"无法更新用户：{text}", $"cannot update the user: {text}");
        }
    }
}
