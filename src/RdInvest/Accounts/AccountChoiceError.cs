using RdInvest.Common;

namespace RdInvest.Accounts;

/// <summary>
/// A role or scope the platform does not know (a role outside <see cref="Roles.All"/>, a scope that is not a division,
/// park or credit code of the role's kind): a usage error (web 400, CLI exit 2) naming <see cref="Field"/>, so a form
/// can show it beside the field.
/// </summary>
public sealed class AccountChoiceError(string field, string messageZh, string messageEn) : UserError(messageZh, messageEn, 2)
{
    public string Field { get; } = field;
}
