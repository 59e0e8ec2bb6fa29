using System.Security.Claims;

namespace RdInvest.Accounts;

/// <summary>The signed-in user as scope checks see it: name, role, scope.</summary>
public sealed record UserScope(string Name, string Role, string? Scope)
{
    public const string ScopeClaim = "rdinvest:scope";

    public bool IsGlobal => Roles.Global.Contains(Role);

    public bool IsIn(IReadOnlyList<string> roles) => roles.Contains(Role);

    public static UserScope? From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return null;
        }
        var role = user.FindFirstValue(ClaimTypes.Role);
        var name = user.FindFirstValue(ClaimTypes.Name);
        return role is null || name is null ? null : new UserScope(name, role, user.FindFirstValue(ScopeClaim));
    }

    public IEnumerable<Claim> Claims()
    {
        yield return new Claim(ClaimTypes.Name, Name);
        yield return new Claim(ClaimTypes.Role, Role);
        if (Scope is not null)
        {
            yield return new Claim(ScopeClaim, Scope);
        }
    }
}
