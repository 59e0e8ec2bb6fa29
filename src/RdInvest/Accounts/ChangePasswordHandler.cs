using Microsoft.AspNetCore.Identity;
using RdInvest.Auditing;
using RdInvest.Data;

namespace RdInvest.Accounts;

public sealed record ChangePasswordRequest(string? UserName, string? CurrentPassword, string? NewPassword);

/// <summary>How a password change ended (a new password breaking the policy is an <see cref="AccountFieldError"/> instead).</summary>
public enum PasswordChangeOutcome
{
    Changed,
    Wrong,
    Locked,
    Disabled,
}

/// <summary>
/// POST /api/v1/account/password and the /account/password page: the account's own password, given the current one —
/// also for an account whose password has expired (it cannot sign in until it changes it). A wrong current password
/// counts towards the lockout like a failed sign-in. The new password keeps <see cref="PasswordPolicy"/> (checked by
/// <see cref="PolicyPasswordValidator"/>, including the history); on success the history records it, the expiry
/// restarts, every other session of the account ends (a new security stamp), and the change is audited
/// (<c>account.password</c>; a refused attempt <c>account.password.failed</c>). Never the password in the log.
/// </summary>
public sealed class ChangePasswordHandler(UserManager<AppUser> users, RdInvestDb db, TimeProvider clock)
{
    public async Task<(PasswordChangeOutcome Outcome, AppUser? User)> HandleAsync(ChangePasswordRequest request, Actor actor, CancellationToken ct)
    {
        var name = AccountText.Required("user_name", request.UserName, AccountText.MaxUserName).Trim();
        var current = AccountText.Required("current_password", request.CurrentPassword, AccountText.MaxPassword);
        var next = AccountText.Required("new_password", request.NewPassword, AccountText.MaxPassword);
        var user = await users.FindByNameAsync(name);
        var outcome = user is null ? PasswordChangeOutcome.Wrong
            : UserStatusHandler.IsDisabled(user.LockoutEnd) ? PasswordChangeOutcome.Disabled
            : await users.IsLockedOutAsync(user) ? PasswordChangeOutcome.Locked
            : await users.CheckPasswordAsync(user, current) ? PasswordChangeOutcome.Changed
            : PasswordChangeOutcome.Wrong;
        var now = clock.GetUtcNow().UtcDateTime;
        if (outcome != PasswordChangeOutcome.Changed)
        {
            if (user is not null && outcome == PasswordChangeOutcome.Wrong)
            {
                await users.AccessFailedAsync(user);
            }
            await AuditAsync("account.password.failed", name, actor, new { outcome = outcome.ToString().ToLowerInvariant() }, now, ct);
            return (outcome, user);
        }
        if (string.Equals(current, next, StringComparison.Ordinal))
        {
            throw new AccountFieldError("new_password", "新密码不能与当前密码相同", "the new password must differ from the current one");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await users.ChangePasswordAsync(user!, current, next);
        if (!result.Succeeded)
        {
            var text = string.Join("; ", result.Errors.Select(e => e.Description));
            throw new AccountFieldError("new_password", $"新密码不符合要求：{text}", $"the new password is not acceptable: {text}");
        }
        PolicyPasswordValidator.Record(db, user!, now);
        await users.ResetAccessFailedCountAsync(user!);
        UserStatusHandler.Check(await users.UpdateAsync(user!));
        AuditLog.Append(db, actor, "account.password", "account", user!.UserName, null, new { changed = true }, now);
        await AuditChain.SealAsync(db, ct);
        await tx.CommitAsync(ct);
        return (outcome, user);
    }

    private async Task AuditAsync(string action, string name, Actor actor, object values, DateTime now, CancellationToken ct)
    {
        AuditLog.Append(db, actor, action, "account", name, null, values, now);
        await AuditChain.SealAsync(db, ct);
    }
}
