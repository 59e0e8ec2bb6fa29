using RdInvest.Common;

namespace RdInvest.Auditing;

/// <summary>A filter of the audit log that cannot apply (an end before the start, an over-long text); names the field.</summary>
public sealed class AuditFilterError(string field, string messageZh, string messageEn) : UserError(messageZh, messageEn, 2)
{
    public string Field { get; } = field;
}
