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
