using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RdInvest.Data;

namespace RdInvest.Accounts;

/// <summary>
/// Identity's password check for every password set (add user, change password): <see cref="PasswordPolicy"/>'s length
/// and character classes, and none of the account's last <see cref="PasswordPolicy.History"/> passwords (compared
/// with their stored hashes). Errors say it in Chinese and English; their codes start with "Password".
/// </summary>
public sealed class PolicyPasswordValidator(PasswordPolicy policy, RdInvestDb db) : IPasswordValidator<AppUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        password ??= "";
        var errors = new List<IdentityError>();
        if (password.Length < policy.MinLength)
        {
            errors.Add(new IdentityError { Code = "PasswordTooShort",
                Description = $"密码至少 {policy.MinLength} 个字符 / the password needs at least {policy.MinLength} characters" });
        }
        if (PasswordPolicy.Classes(password) < policy.MinClasses)
        {
            errors.Add(new IdentityError { Code = "PasswordClasses",
                Description = $"密码须含小写字母、大写字母、数字、其他字符中的至少 {policy.MinClasses} 类 / "
                    + $"the password needs at least {policy.MinClasses} of: lower case, upper case, digits, other characters" });
        }
        if (errors.Count == 0 && policy.History > 0 && user.Id != 0 && await ReusedAsync(manager, user, password))
        {
            errors.Add(new IdentityError { Code = "PasswordReused",
                Description = $"不能重复使用最近 {policy.History} 次用过的密码 / the password was one of the last {policy.History} and cannot be used again" });
        }
        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    private async Task<bool> ReusedAsync(UserManager<AppUser> manager, AppUser user, string password)
    {
        var hashes = await db.PasswordHistory.AsNoTracking().Where(h => h.UserId == user.Id).OrderByDescending(h => h.Id)
            .Take(policy.History).Select(h => h.Hash).ToListAsync();
        if (user.PasswordHash is { } current)
        {
            hashes.Add(current);
        }
        return hashes.Any(h => manager.PasswordHasher.VerifyHashedPassword(user, h, password) != PasswordVerificationResult.Failed);
    }

    /// <summary>Records the account's password just set: its hash in the history and the time expiry counts from.</summary>
    public static void Record(RdInvestDb db, AppUser user, DateTime now)
    {
        user.PasswordChangedAt = now;
        if (user.PasswordHash is { } hash)
        {
            db.PasswordHistory.Add(new PasswordHistoryEntry { UserId = user.Id, Hash = hash, CreatedAt = now });
        }
    }
}
