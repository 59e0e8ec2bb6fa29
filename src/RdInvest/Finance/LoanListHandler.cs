using Microsoft.EntityFrameworkCore;
using RdInvest.Common;
using RdInvest.Data;

namespace RdInvest.Finance;

/// <param name="GrantedYear">Loans granted in this year; null for any.</param>
/// <param name="Lender">Loans of this lender and of the institutions under it (a bank's branches); null for any.</param>
/// <param name="Kind">One of <see cref="LoanKinds"/>; null for any.</param>
/// <param name="StEnterprise">True: S&amp;T-enterprise loans only (the borrower was an S&amp;T enterprise on the grant day); false: the others.</param>
/// <param name="BorrowerDivision">A league/city or county: borrowers located within it; null for any.</param>
/// <param name="OutstandingAtEndOf">Loans outstanding at the end of 31 December of this year (as the balance counts them); null for any.</param>
/// <param name="Institution">
/// Scope: only the loans of this institution and those under it (a finance institution reads its own loans and nobody
/// else's); null for every loan. Applied before every other filter.
/// </param>
public sealed record LoanListRequest(
    int? GrantedYear = null, string? Lender = null, string? Kind = null, bool? StEnterprise = null, string? BorrowerDivision = null,
    int? OutstandingAtEndOf = null, string? Institution = null);

/// <summary>A loan as its list shows it; money in yuan, the rate in percent (4.35).</summary>
public sealed record LoanListRow(
    string LenderCode, string LenderName, string LoanId, string BorrowerCode, string BorrowerName, string BorrowerDivision,
    string? BorrowerDivisionZh, string? BorrowerDivisionEn, string Kind, string? GuarantorCode, DateOnly GrantedOn, DateOnly MaturesOn,
    DateOnly? RepaidOn, decimal Amount, decimal AnnualRatePercent, decimal? GuaranteeFee, decimal? LossAmount, bool StEnterpriseLoan, bool IsSynthetic);

/// <summary>
/// The loans of financial institutions to units (二(三)7): filtered by grant year, lender (its branches included), kind,
/// whether an S&amp;T-enterprise loan (the statistics' definition), the borrower's division and whether outstanding at a
/// year end; ordered by grant day (newest first), lender and loan id.
/// </summary>
public sealed class LoanListHandler(RdInvestDb db)
{
    public async Task<IReadOnlyList<LoanListRow>> HandleAsync(LoanListRequest request, CancellationToken ct)
    {
        foreach (var (field, year) in new[] { ("granted_year", request.GrantedYear), ("outstanding_at", request.OutstandingAtEndOf) })
        {
            if (year is { } y && !Bounds.IsYear(y))
            {
                throw new UserError($"{field}：年份 {y} 应在 {Bounds.MinYear}–{Bounds.MaxYear} 之内",
                    $"{field}: the year {y} must be within {Bounds.MinYear}–{Bounds.MaxYear}", 2);
            }
        }
        if (request.Kind is { } k && !LoanKinds.All.Contains(k))
        {
            throw new UserError($"kind：贷款类型 {k} 不存在，应为 {string.Join("、", LoanKinds.All)}",
                $"kind: loan kind {k} does not exist; use one of {string.Join(", ", LoanKinds.All)}", 2);
        }
        var institutions = await db.Institutions.AsNoTracking()
            .Select(i => new InstitutionInfo(i.Code, i.Name, i.Kind, i.ParentCode, i.DivisionCode)).ToListAsync(ct);
        var tree = new FinanceData(institutions, [], [], new Dictionary<long, BorrowerInfo>(), [], new Dictionary<string, string>());
        var lenders = LendersUnder(tree, request.Institution, request.Lender);

        var query = db.Loans.AsNoTracking();
        if (lenders is not null)
        {
            query = query.Where(l => lenders.Contains(l.LenderCode));
        }
        if (request.Kind is { } kind)
        {
            query = query.Where(l => l.Kind == kind);
        }
        if (request.GrantedYear is { } gy)
        {
            var (from, to) = (new DateOnly(gy, 1, 1), new DateOnly(gy, 12, 31));
            query = query.Where(l => l.GrantedOn >= from && l.GrantedOn <= to);
        }
        if (request.OutstandingAtEndOf is { } oy)
        {
            var end = new DateOnly(oy, 12, 31);
            query = query.Where(l => l.GrantedOn <= end && (l.RepaidOn == null || l.RepaidOn > end) && l.MaturesOn > end);
        }
        var loans = await query.ToListAsync(ct);

        var unitIds = loans.Select(l => l.BorrowerUnitId).Distinct().ToList();
        var units = (await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .Select(u => new { u.Id, u.CreditCode, u.Name, u.DivisionCode }).ToListAsync(ct)).ToDictionary(u => u.Id);
        var certificates = await db.Certifications.AsNoTracking()
            .Where(c => unitIds.Contains(c.UnitId) && (c.Kind == CertificationKinds.HighTech || c.Kind == CertificationKinds.TechSme))
            .Select(c => new StCertificate(c.UnitId, c.Kind, c.Issued, c.Expires)).ToListAsync(ct);
        var st = new FinanceData([], [], [], new Dictionary<long, BorrowerInfo>(), certificates, new Dictionary<string, string>());
        var divisions = await db.Divisions.AsNoTracking().ToDictionaryAsync(d => d.Code, StringComparer.Ordinal, ct);
        var names = institutions.ToDictionary(i => i.Code, i => i.Name, StringComparer.Ordinal);

        return loans
            .Select(l =>
            {
                var u = units[l.BorrowerUnitId];
                var d = divisions.GetValueOrDefault(u.DivisionCode);
                return new LoanListRow(l.LenderCode, names.GetValueOrDefault(l.LenderCode, l.LenderCode), l.LoanId, u.CreditCode, u.Name,
                    u.DivisionCode, d?.NameZh, d?.NameEn, l.Kind, l.GuarantorCode, l.GrantedOn, l.MaturesOn, l.RepaidOn, Money.ToYuan(l.AmountFen),
                    Policy.RuleFormat.Normalize(l.AnnualRateBp4 / 10_000m), Money.ToYuan(l.GuaranteeFeeFen), Money.ToYuan(l.LossAmountFen),
                    st.IsStEnterprise(l.BorrowerUnitId, l.GrantedOn), l.IsSynthetic);
            })
            .Where(r => request.StEnterprise is null || r.StEnterpriseLoan == request.StEnterprise)
            .Where(r => request.BorrowerDivision is null || FinanceDivisions.IsWithin(divisions, r.BorrowerDivision, request.BorrowerDivision))
            .OrderByDescending(r => r.GrantedOn).ThenBy(r => r.LenderCode, StringComparer.Ordinal).ThenBy(r => r.LoanId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The lender codes a request admits (the scope's institutions, then the lender's, both with those under them), or null for all.</summary>
    private static HashSet<string>? LendersUnder(FinanceData tree, string? scope, string? lender)
    {
        if (scope is null && lender is null)
        {
            return null;
        }
        return tree.Institutions.Select(i => i.Code)
            .Where(c => (scope is null || tree.IsUnder(c, scope)) && (lender is null || tree.IsUnder(c, lender)))
            .ToHashSet(StringComparer.Ordinal);
    }
}
