using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using RdInvest.Accounts;
using RdInvest.Auditing;
using RdInvest.Common;
using RdInvest.Data;

namespace RdInvest.Web.Security;

/// <summary>How a password sign-in ended.</summary>
public enum SignInOutcome
{
    Succeeded,
    Wrong,
    Disabled,
    Locked,
    Throttled,

    /// <summary>The password is right but has expired: no session; the password must be changed first.</summary>
    Expired,
}

/// <summary>
/// The one password sign-in of the platform, used by the sign-in page and by <c>POST /api/v1/account/login</c>: the
/// per-name throttle on failed attempts, the account lockout, disabled accounts, expired passwords (no session until
/// changed), and an audit entry for every attempt, successful or not
/// (<c>account.signin</c> / <c>account.signin.failed</c>, with the outcome and the client address).
/// </summary>
public sealed class SignInService(SignInManager<AppUser> signIn, SignInThrottle throttle, RdInvestDb db, TimeProvider time, PasswordPolicy policy,
    ILogger<SignInService> log)
{
    public async Task<(SignInOutcome Outcome, AppUser? User)> SignInAsync(string userName, string password, HttpContext http, CancellationToken ct)
    {
        var name = userName.Trim();
        var (outcome, user) = await AttemptAsync(name, password);
        var address = http.Connection.RemoteIpAddress?.ToString();
        var key = name.Length > AccountText.MaxUserName ? name[..AccountText.MaxUserName] : name;
        if (outcome != SignInOutcome.Succeeded)
        {
            RdMetrics.SignInFailed(outcome.ToString().ToLowerInvariant());
            log.LogWarning("sign-in refused for {UserName} from {Address}: {Outcome}", key, address, outcome);
        }
        AuditLog.Append(db, new Actor(user?.UserName ?? key, http.TraceIdentifier),
            outcome == SignInOutcome.Succeeded ? "account.signin" : "account.signin.failed", "account", key, null,
            new { outcome = outcome.ToString().ToLowerInvariant(), address }, time.GetUtcNow().UtcDateTime);
        await AuditChain.SealAsync(db, ct);
        return (outcome, user);
    }

    private async Task<(SignInOutcome, AppUser?)> AttemptAsync(string name, string password)
    {
        if (name.Length == 0 || name.Length > AccountText.MaxUserName)
        {
            return (SignInOutcome.Wrong, null);
        }
        if (throttle.Exhausted(name))
        {
            return (SignInOutcome.Throttled, null);
        }
        var user = await signIn.UserManager.FindByNameAsync(name);
        if (user is null)
        {
            throttle.RecordFailure(name);
            return (SignInOutcome.Wrong, null);
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            var now = time.GetUtcNow().UtcDateTime;
            if (policy.Expired(user, now))
            {
                return (SignInOutcome.Expired, user);
            }
            // The session's start, kept in the cookie ticket across sliding renewals: the absolute lifetime counts from it.
            var properties = new AuthenticationProperties { IsPersistent = false };
            properties.Items[Auth.SessionStartedItem] = now.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            await signIn.SignInAsync(user, properties);
            return (SignInOutcome.Succeeded, user);
        }
        throttle.RecordFailure(name);
        if (result.IsLockedOut)
        {
            return (UserStatusHandler.IsDisabled(user.LockoutEnd) ? SignInOutcome.Disabled : SignInOutcome.Locked, user);
        }
        return (SignInOutcome.Wrong, user);
    }
}
