namespace RdInvest.Accounts;

/// <summary>One password an account has had (its Identity hash, never the password): the reuse check reads the newest ones.</summary>
public sealed class PasswordHistoryEntry
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public required string Hash { get; set; }
    public DateTime CreatedAt { get; set; }
}
