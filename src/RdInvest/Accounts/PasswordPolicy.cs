using System.Globalization;

namespace RdInvest.Accounts;

/// <summary>
/// The password and session rules (等保 level 3 identification): a minimum length, a minimum number of character
/// classes (lower case, upper case, digits, other), expiry after <see cref="ExpiryDays"/> (0 = never; a sign-in with an
/// expired password must change it first), no reuse of the last <see cref="History"/> passwords, and the cookie
/// session's idle timeout and absolute lifetime. Settings (host configuration or environment): <c>password_min_length</c>,
/// <c>password_min_classes</c>, <c>password_expiry_days</c>, <c>password_history</c>, <c>session_idle_minutes</c>,
/// <c>session_lifetime_hours</c> (the CLI reads them as <c>RDINVEST_PASSWORD_MIN_LENGTH</c> and so on).
/// </summary>
public sealed record PasswordPolicy(int MinLength = 12, int MinClasses = 3, int ExpiryDays = 90, int History = 5,
    int IdleMinutes = 30, int LifetimeHours = 8)
{
    public static readonly PasswordPolicy Default = new();

    public TimeSpan IdleTimeout => TimeSpan.FromMinutes(IdleMinutes);

    public TimeSpan Lifetime => TimeSpan.FromHours(LifetimeHours);

    /// <summary>The policy from settings named as in the summary; a missing setting keeps its default, a bad one is an error.</summary>
    public static PasswordPolicy From(Func<string, string?> setting)
    {
        int Read(string key, int fallback, int min, int max)
        {
            var text = setting(key);
            if (string.IsNullOrWhiteSpace(text))
            {
                return fallback;
            }
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
            {
                throw new Common.UserError($"设置 {key}={text} 无效，应为 {min}–{max} 的整数", $"setting {key}={text} is not a whole number from {min} to {max}", 2);
            }
            return v;
        }
        var d = Default;
        return new PasswordPolicy(
            Read("password_min_length", d.MinLength, 8, AccountText.MaxPassword),
            Read("password_min_classes", d.MinClasses, 1, 4),
            Read("password_expiry_days", d.ExpiryDays, 0, 3650),
            Read("password_history", d.History, 0, 24),
            Read("session_idle_minutes", d.IdleMinutes, 1, 24 * 60),
            Read("session_lifetime_hours", d.LifetimeHours, 1, 24 * 30));
    }

    /// <summary>The CLI's settings: <c>RDINVEST_</c> + the setting's name in capitals.</summary>
    public static PasswordPolicy FromEnvironment() =>
        From(key => Environment.GetEnvironmentVariable("RDINVEST_" + key.ToUpperInvariant()));

    /// <summary>How many character classes the password uses: lower case, upper case, digits, anything else.</summary>
    public static int Classes(string password) =>
        (password.Any(char.IsLower) ? 1 : 0) + (password.Any(char.IsUpper) ? 1 : 0) + (password.Any(char.IsDigit) ? 1 : 0)
        + (password.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);

    /// <summary>True when the account's password has expired at <paramref name="now"/> (never for an exempt demo account).</summary>
    public bool Expired(Data.AppUser user, DateTime now) =>
        ExpiryDays > 0 && !user.PasswordNeverExpires && user.PasswordChangedAt is { } at && now - at > TimeSpan.FromDays(ExpiryDays);
}
