using System.Threading.RateLimiting;

namespace RdInvest.Web.Security;

/// <summary>
/// The per-user-name limit on failed password sign-ins (the per-IP limit is the <see cref="Auth.SignInRateLimit"/> policy).
/// Together they slow a guesser who spreads attempts over many addresses or many names; the account lockout after
/// <see cref="Accounts.AccountSetup.MaxFailedAttempts"/> failures stays, and neither touches API tokens.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    public const int PermitsPerName = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(name =>
        RateLimitPartition.GetFixedWindowLimiter(name, _ => new FixedWindowRateLimiterOptions { PermitLimit = PermitsPerName, Window = Window, QueueLimit = 0 }));

    /// <summary>True when this user name has used up its failed attempts of the window: the next attempt is refused unread.</summary>
    public bool Exhausted(string userName) =>
        _limiter.GetStatistics(Key(userName)) is { CurrentAvailablePermits: <= 0 };

    /// <summary>Counts a failed attempt against the user name (a successful sign-in costs nothing).</summary>
    public void RecordFailure(string userName)
    {
        using var lease = _limiter.AttemptAcquire(Key(userName));
    }

    private static string Key(string userName) => userName.Trim().ToUpperInvariant();

    public void Dispose() => _limiter.Dispose();
}
