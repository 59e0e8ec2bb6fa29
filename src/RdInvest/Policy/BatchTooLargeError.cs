namespace RdInvest.Policy;

/// <summary>A batch beyond the limits of the caller (rows per request, size of the answer): HTTP 413, exit code 1.</summary>
public sealed class BatchTooLargeError(string messageZh, string messageEn) : Common.UserError(messageZh, messageEn, exitCode: 1);
