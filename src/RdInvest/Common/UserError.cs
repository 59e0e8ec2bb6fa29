namespace RdInvest.Common;

/// <summary>
/// A problem the user can fix (bad input, unknown id, missing data), said in Chinese and English.
/// Hosts show the two messages and never a stack trace. Exit code 1 = rejected input, 2 = usage error.
/// </summary>
public class UserError(string messageZh, string messageEn, int exitCode = 1) : Exception($"{messageZh} / {messageEn}")
{
    public string MessageZh { get; } = messageZh;
    public string MessageEn { get; } = messageEn;
    public int ExitCode { get; } = exitCode;
}
