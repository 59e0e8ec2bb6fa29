using System.Threading.RateLimiting;

namespace RdInvest.Web.Security;

/// <summary>
/// The per-user-name limit on password sign-ins (the per-IP limit is the <see cref="Auth.SignInRateLimit"/> policy).
/// Together they slow a guesser who spreads attempts over many addresses or many names; the account lockout after
/// <see cref="Accounts.AccountSetup.MaxFailedAttempts"/> failures stays, and neither touches API tokens.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    public const int PermitsPerName = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(name =>
        RateLimitPartition.GetFixedWindowLimiter(name, _ => new FixedWindowRateLimiterOptions { PermitLimit = PermitsPerName, Window = Window, QueueLimit = 0 }));

    /// <summary>True when another attempt for this user name is allowed now.</summary>
    public bool TryAcquire(string userName)
    {
        using var lease = _limiter.AttemptAcquire(userName.Trim().ToUpperInvariant());
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
