using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RdInvest.Auditing;
using RdInvest.Common;
using RdInvest.Data;

namespace RdInvest.Accounts;

public sealed record AddUserRequest(string Name, string Role, string? Scope, string? Password);

public sealed record UserItem(string Name, string Role, string? Scope, bool HasPassword, bool LockedOut, int Tokens, DateTime CreatedAt);

public sealed record IssuedToken(string Name, string Token, DateTime CreatedAt);

/// <summary>`rdinvest user add` and POST /api/v1/users: an account with one role and its scope (SPEC §1).</summary>
public sealed class AddUserHandler(UserManager<AppUser> users, RdInvestDb db, TimeProvider clock)
{
    public async Task<UserItem> HandleAsync(AddUserRequest request, Actor actor, CancellationToken ct)
    {
        if (!Roles.All.Contains(request.Role))
        {
            throw new UserError($"角色 {request.Role} 无效，应为 {string.Join("、", Roles.All)}", $"role {request.Role} is not one of {string.Join(", ", Roles.All)}", 2);
        }
        var scope = string.IsNullOrWhiteSpace(request.Scope) ? null : request.Scope.Trim();
        await CheckScopeAsync(request.Role, scope, ct);
        if (await users.FindByNameAsync(request.Name) is not null)
        {
            throw new ConflictError($"用户 {request.Name} 已存在", $"user {request.Name} already exists");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var user = new AppUser { UserName = request.Name, Role = request.Role, Scope = scope, CreatedAt = now, LockoutEnabled = true };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = request.Password is { } p ? await users.CreateAsync(user, p) : await users.CreateAsync(user);
        if (!result.Succeeded)
        {
            var text = string.Join("; ", result.Errors.Select(e => e.Description));
            throw new UserError($"无法创建用户：{text}", $"cannot create the user: {text}");
        }
        AuditLog.Append(db, actor, "user.add", "user", request.Name, null, new { name = request.Name, role = request.Role, scope }, now);
        await AuditChain.SealAsync(db, ct);
        await tx.CommitAsync(ct);
        return new UserItem(request.Name, request.Role, scope, request.Password is not null, false, 0, now);
    }

    private async Task CheckScopeAsync(string role, string? scope, CancellationToken ct)
    {
        var kind = Roles.ScopeKind(role);
        if (kind is null)
        {
            if (scope is not null)
            {
                throw new UserError($"角色 {role} 不带范围", $"role {role} takes no scope", 2);
            }
            return;
        }
        if (scope is null)
        {
            throw new UserError($"角色 {role} 需要 --scope（{kind}）", $"role {role} needs --scope ({kind})", 2);
        }
        var ok = kind switch
        {
            "league_city" => await db.Divisions.AnyAsync(d => d.Code == scope && d.Level == DivisionLevels.LeagueCity, ct),
            "county" => await db.Divisions.AnyAsync(d => d.Code == scope && d.Level == DivisionLevels.County, ct),
            "park" => await db.Parks.AnyAsync(p => p.Id == scope, ct),
            _ => CreditCode.IsValid(scope),
        };
        if (!ok)
        {
            throw new UserError($"范围 {scope} 不是有效的{kind}", $"scope {scope} is not a valid {kind}", 2);
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
        return rows.Select(u => new UserItem(u.UserName!, u.Role, u.Scope, u.HasPassword, u.LockoutEnd > now, u.Tokens, u.CreatedAt)).ToList();
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
        var normalized = userName.ToUpperInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct)
            ?? throw new NotFoundError($"没有用户 {userName}", $"no user {userName}");
        var token = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow().UtcDateTime;
        var name = string.IsNullOrWhiteSpace(tokenName) ? "token" : tokenName.Trim();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ApiTokens.Add(new ApiToken { UserId = user.Id, Name = name, TokenHash = HashOf(token), CreatedAt = now });
        AuditLog.Append(db, actor, "user.token", "user", user.UserName, null, new { token_name = name }, now);
        await AuditChain.SealAsync(db, ct);
        await tx.CommitAsync(ct);
        return new IssuedToken(name, token, now);
    }

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The user a bearer token belongs to, or null when unknown, revoked or the account is locked out.</summary>
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
        return hit is null || hit.LockoutEnd > now ? null : new UserScope(hit.UserName!, hit.Role, hit.Scope);
    }
}
