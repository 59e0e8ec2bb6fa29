namespace RdInvest.Finance;

/// <summary>A unit's direct financing (二(三)8): a listing, a quotation, a board listing or a bond issue.</summary>
public sealed class FinancingEvent
{
    /// <summary>The event id, the key.</summary>
    public required string Id { get; set; }
    public long UnitId { get; set; }
    /// <summary>One of <see cref="FinancingKinds"/>.</summary>
    public required string Kind { get; set; }
    public DateOnly Date { get; set; }
    public long AmountRaisedFen { get; set; }
    /// <summary>The sponsor or underwriter, or null.</summary>
    public string? InstitutionCode { get; set; }
    public bool IsSynthetic { get; set; }
    public int Revision { get; set; } = 1;
    public DateTime UpdatedAt { get; set; }
}
