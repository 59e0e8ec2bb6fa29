namespace RdInvest.Finance;

/// <summary>
/// A saved finance round (二(三)7–9): computed and kept as a draft for review, then approved once, which records its
/// payments. <see cref="Result"/> is the round's JSON (the keys of <c>finance-round --json</c>); <see cref="Fingerprint"/>
/// is SHA-256 over the inputs and results, recomputed at approval to refuse a stale round.
/// </summary>
public sealed class FinanceRoundRecord
{
    public long Id { get; set; }
    public int Year { get; set; }
    public required string PlanId { get; set; }
    public long? BudgetFen { get; set; }
    /// <summary>One of <see cref="Data.SubsidyRoundStatuses"/>.</summary>
    public string Status { get; set; } = Data.SubsidyRoundStatuses.Draft;
    /// <summary>Lines with a claim above zero.</summary>
    public int Eligible { get; set; }
    public long TotalClaimsFen { get; set; }
    public long TotalPaidFen { get; set; }
    public required string Fingerprint { get; set; }
    public required string Result { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? ApprovedAt { get; set; }
    public string? ApprovedBy { get; set; }
}
