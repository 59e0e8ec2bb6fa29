namespace RdInvest.Finance;

/// <summary>An institution as the statistics see it.</summary>
public sealed record InstitutionInfo(string Code, string Name, string Kind, string? ParentCode, string DivisionCode);

/// <summary>A loan as the statistics and the rules see it; money in yuan, the rate as a fraction (0.0435).</summary>
public sealed record LoanInfo(
    string LenderCode, string LoanId, long BorrowerId, string Kind, string? GuarantorCode, DateOnly GrantedOn, DateOnly MaturesOn,
    DateOnly? RepaidOn, decimal Amount, decimal AnnualRate, decimal? GuaranteeFee, decimal? LossAmount)
{
    /// <summary>Outstanding at the end of <paramref name="day"/>: granted on or before it, not repaid by it, maturing after it.</summary>
    public bool OutstandingAtEndOf(DateOnly day) => GrantedOn <= day && (RepaidOn is null || RepaidOn > day) && MaturesOn > day;
}

/// <summary>A direct financing event; money in yuan.</summary>
public sealed record FinancingInfo(string EventId, long UnitId, string Kind, DateOnly Date, decimal AmountRaised, string? InstitutionCode);

/// <summary>A unit as the finance features see it: its credit code, name and league/city (null when none resolves).</summary>
public sealed record BorrowerInfo(long Id, string CreditCode, string Name, string? LeagueCity);

/// <summary>A high-tech (hte) or tech-SME (tsme) certificate: its unit, kind and validity (no expiry: still valid).</summary>
public sealed record StCertificate(long UnitId, string Kind, DateOnly Issued, DateOnly? Expires)
{
    public bool ValidOn(DateOnly day) => Issued <= day && (Expires is null || day <= Expires);
}

/// <summary>
/// Everything the finance statistics, the evaluation and the finance round read, loaded once (<see cref="FinanceDataLoader"/>).
/// </summary>
public sealed record FinanceData(
    IReadOnlyList<InstitutionInfo> Institutions, IReadOnlyList<LoanInfo> Loans, IReadOnlyList<FinancingInfo> Financing,
    IReadOnlyDictionary<long, BorrowerInfo> Units, IReadOnlyList<StCertificate> Certificates,
    IReadOnlyDictionary<string, string> LeagueCityNames)
{
    private readonly ILookup<long, StCertificate> _byUnit = Certificates.ToLookup(c => c.UnitId);

    /// <summary>
    /// An S&amp;T enterprise (科技型企业) on a day: a unit with a high-tech or tech-SME certificate valid on it, expiry day included.
    /// </summary>
    public bool IsStEnterprise(long unitId, DateOnly day) => _byUnit[unitId].Any(c => c.ValidOn(day));

    /// <summary>A high-tech enterprise on a day: a valid hte certificate.</summary>
    public bool IsHighTech(long unitId, DateOnly day) =>
        _byUnit[unitId].Any(c => c.Kind == Data.CertificationKinds.HighTech && c.ValidOn(day));

    /// <summary>An S&amp;T-enterprise loan: its borrower was an S&amp;T enterprise on the day it was granted.</summary>
    public bool IsStLoan(LoanInfo loan) => IsStEnterprise(loan.BorrowerId, loan.GrantedOn);

    /// <summary>The top of an institution's chain of parents (itself when it has none); a cycle stops where it closes.</summary>
    public string RootOf(string code)
    {
        var byCode = _institutions ??= Institutions.ToDictionary(i => i.Code, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal) { code };
        var current = code;
        while (byCode.TryGetValue(current, out var i) && i.ParentCode is { } p && seen.Add(p) && byCode.ContainsKey(p))
        {
            current = p;
        }
        return current;
    }

    /// <summary>The institution and every one under it, by parent.</summary>
    public bool IsUnder(string lender, string institution)
    {
        var byCode = _institutions ??= Institutions.ToDictionary(i => i.Code, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = lender; c is not null && seen.Add(c); c = byCode.GetValueOrDefault(c)?.ParentCode)
        {
            if (c == institution)
            {
                return true;
            }
        }
        return false;
    }

    private Dictionary<string, InstitutionInfo>? _institutions;
}
