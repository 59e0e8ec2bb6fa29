namespace RdInvest.Policy;

/// <summary>
/// A value a rule could read but must not use: an amount or rate beyond what the rule can compute with, or a
/// calculation that would leave the range of <see cref="decimal"/>. Rejected input (exit code 1, HTTP 422), naming the
/// input or parameter in <see cref="Field"/>.
/// </summary>
public sealed class InputOutOfRangeError(string field, string messageZh, string messageEn)
    : Common.UserError(messageZh, messageEn, exitCode: 1)
{
    public string Field { get; } = field;
}
