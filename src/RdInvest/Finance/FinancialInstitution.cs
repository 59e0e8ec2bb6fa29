namespace RdInvest.Finance;

/// <summary>
/// A financial institution (二(三)7–10): a bank, a bank's S&amp;T branch or S&amp;T finance department, a financing guarantee
/// institution, an equity exchange. A branch names its bank (<see cref="ParentCode"/>); statistics roll it up to the bank.
/// </summary>
public sealed class FinancialInstitution
{
    /// <summary>Unified social credit code (GB 32100), the key.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// <summary>One of <see cref="InstitutionKinds"/>.</summary>
    public required string Kind { get; set; }
    /// <summary>The bank a branch belongs to, or null.</summary>
    public string? ParentCode { get; set; }
    public required string DivisionCode { get; set; }
    public bool IsSynthetic { get; set; }
    public int Revision { get; set; } = 1;
    public DateTime UpdatedAt { get; set; }
}
