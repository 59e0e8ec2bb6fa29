namespace RdInvest.Finance;

/// <summary>A loan of a financial institution to a unit, one per lender and loan id.</summary>
public sealed class Loan
{
    public long Id { get; set; }
    /// <summary>The lending institution's code.</summary>
    public required string LenderCode { get; set; }
    /// <summary>The lender's own id of the loan, unique per lender.</summary>
    public required string LoanId { get; set; }
    public long BorrowerUnitId { get; set; }
    /// <summary>One of <see cref="LoanKinds"/>.</summary>
    public required string Kind { get; set; }
    /// <summary>The guarantee institution of a guaranteed loan.</summary>
    public string? GuarantorCode { get; set; }
    public DateOnly GrantedOn { get; set; }
    public DateOnly MaturesOn { get; set; }
    public DateOnly? RepaidOn { get; set; }
    public long AmountFen { get; set; }
    /// <summary>Annual rate in percent × 10^4 (4.35 % is 43500).</summary>
    public long AnnualRateBp4 { get; set; }
    public long? GuaranteeFeeFen { get; set; }
    /// <summary>Principal the lender lost on a defaulted pledge loan.</summary>
    public long? LossAmountFen { get; set; }
    public bool IsSynthetic { get; set; }
    public int Revision { get; set; } = 1;
    public DateTime UpdatedAt { get; set; }
}
