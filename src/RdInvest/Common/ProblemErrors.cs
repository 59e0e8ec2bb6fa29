namespace RdInvest.Common;

/// <summary>The addressed thing does not exist, or is outside the user's scope (the two are not told apart).</summary>
public sealed class NotFoundError(string messageZh, string messageEn) : UserError(messageZh, messageEn);

/// <summary>The user's role or scope does not allow this write.</summary>
public sealed class ForbiddenError(string messageZh, string messageEn) : UserError(messageZh, messageEn);

/// <summary>
/// The write conflicts with the stored state: a stale revision, a locked (final) county-year, a duplicate, or a
/// transition not allowed from the current status. <see cref="Current"/> carries the stored values when known.
/// </summary>
public sealed class ConflictError(string messageZh, string messageEn, object? current = null) : UserError(messageZh, messageEn)
{
    public object? Current { get; } = current;
}

/// <summary>
/// The input breaks the data contract's rules (the same rules an import applies): every finding at once, each naming
/// the field, its value (cut to <see cref="ValidationFinding.MaxValueLength"/> characters), the rule id and messages.
/// </summary>
public sealed class ValidationError(IReadOnlyList<ValidationFinding> findings)
    : UserError(Summary(findings, zh: true), Summary(findings, zh: false))
{
    public IReadOnlyList<ValidationFinding> Findings { get; } = findings;

    private static string Summary(IReadOnlyList<ValidationFinding> findings, bool zh) =>
        (zh ? "输入不符合数据规则：" : "the input breaks the data rules: ")
        + string.Join(zh ? "；" : "; ", findings.Take(5).Select(f => zh ? f.MessageZh : f.MessageEn))
        + (findings.Count > 5 ? (zh ? $"（另有 {findings.Count - 5} 项）" : $" (and {findings.Count - 5} more)") : "");
}

/// <summary>One rule broken by one field of a write.</summary>
public sealed record ValidationFinding(string Field, string? Value, string Rule, string MessageZh, string MessageEn)
{
    public const int MaxValueLength = 100;

    /// <summary>Cuts a long value, so a 1 MB field is not echoed back.</summary>
    public static string? Cut(string? value) => value is { Length: > MaxValueLength } ? string.Concat(value.AsSpan(0, MaxValueLength), "…") : value;
}
