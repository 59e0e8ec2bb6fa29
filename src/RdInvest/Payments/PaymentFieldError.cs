using RdInvest.Common;

namespace RdInvest.Payments;

/// <summary>
/// A payment field the handler refuses (rule, year, amount): the web page shows it beside <see cref="Field"/>, the API
/// answers 422 naming it, the CLI exits with <see cref="UserError.ExitCode"/>.
/// </summary>
public sealed class PaymentFieldError(string field, string messageZh, string messageEn, int exitCode = 2) : UserError(messageZh, messageEn, exitCode)
{
    public string Field { get; } = field;
}
