using RdInvest.Common;

namespace RdInvest.Accounts;

/// <summary>
/// A field of an account write that breaks a text rule (too long, control or bidi characters). The web host answers
/// 422 naming <see cref="Field"/>; the CLI exits 1.
/// </summary>
public sealed class AccountFieldError(string field, string messageZh, string messageEn) : UserError(messageZh, messageEn)
{
    public string Field { get; } = field;
}
