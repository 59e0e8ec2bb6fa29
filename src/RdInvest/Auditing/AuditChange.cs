namespace RdInvest.Auditing;

/// <summary>One field of an audit entry's before/after: its value before and after (JSON text, null when absent).</summary>
public sealed record AuditChange(string Field, string? Before, string? After)
{
    public bool Changed => Before != After;
}
