using Microsoft.EntityFrameworkCore;
using RdInvest.Common;
using RdInvest.Data;

namespace RdInvest.Finance;

/// <summary>Filters of the loan list: lender code, borrower credit code, kind, year granted.</summary>
public sealed record LoanQuery(string? Lender = null, string? Borrower = null, string? Kind = null, int? Year = null);

/// <summary>A loan as lists show it: money in yuan, the annual rate as a fraction (0.0435).</summary>
public sealed record LoanRow(string LenderCode, string LenderName, string LoanId, string Borrower, string BorrowerName, string Kind,
    string? GuarantorCode, DateOnly GrantedOn, DateOnly MaturesOn, DateOnly? RepaidOn, decimal Amount, decimal AnnualRate,
    decimal? GuaranteeFee, decimal? LossAmount, bool IsSynthetic);

/// <summary>
/// Reads loans for <c>GET /api/v1/finance/loans</c> and the loans page. <c>institution</c> is the caller's scope: null reads
/// every loan (region roles, finance); a financial institution's code reads the loans it or its branches lent, and any other
/// loan is not found (404), like every out-of-scope id.
/// </summary>
public sealed class LoanReadHandler(RdInvestDb db)
{
    public async Task<IReadOnlyList<LoanRow>> ListAsync(LoanQuery query, string? institution, CancellationToken ct)
    {
        var q = await ScopedAsync(institution, ct);
        if (query.Lender is { } lender)
        {
            q = q.Where(l => l.LenderCode == lender);
        }
        if (query.Kind is { } kind)
        {
            q = q.Where(l => l.Kind == kind);
        }
        if (query.Year is { } y)
        {
            var from = new DateOnly(y, 1, 1);
            var to = new DateOnly(y, 12, 31);
            q = q.Where(l => l.GrantedOn >= from && l.GrantedOn <= to);
        }
        var rows = from l in q
                   join u in db.Units.AsNoTracking() on l.BorrowerUnitId equals u.Id
                   join i in db.Institutions.AsNoTracking() on l.LenderCode equals i.Code
                   select new { l, u.CreditCode, UnitName = u.Name, LenderName = i.Name };
        if (query.Borrower is { } b)
        {
            rows = rows.Where(r => r.CreditCode == b);
        }
        var list = await rows.ToListAsync(ct);
        return list.OrderBy(r => r.l.LenderCode, StringComparer.Ordinal).ThenBy(r => r.l.LoanId, StringComparer.Ordinal)
            .Select(r => Row(r.l, r.LenderName, r.CreditCode, r.UnitName)).ToList();
    }

    public async Task<LoanRow> GetAsync(string lender, string loanId, string? institution, CancellationToken ct)
    {
        var q = await ScopedAsync(institution, ct);
        var r = await (from l in q.Where(l => l.LenderCode == lender && l.LoanId == loanId)
                       join u in db.Units.AsNoTracking() on l.BorrowerUnitId equals u.Id
                       join i in db.Institutions.AsNoTracking() on l.LenderCode equals i.Code
                       select new { l, u.CreditCode, UnitName = u.Name, LenderName = i.Name }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundError($"没有贷款 {lender}:{loanId}", $"no loan {lender}:{loanId}");
        return Row(r.l, r.LenderName, r.CreditCode, r.UnitName);
    }

    private async Task<IQueryable<Loan>> ScopedAsync(string? institution, CancellationToken ct)
    {
        var q = db.Loans.AsNoTracking();
        if (await FinanceRecordScope.CodesAsync(db, institution, ct) is { } codes)
        {
            var list = codes.ToList();
            q = q.Where(l => list.Contains(l.LenderCode));
        }
        return q;
    }

    private static LoanRow Row(Loan l, string lenderName, string borrower, string borrowerName) => new(
        l.LenderCode, lenderName, l.LoanId, borrower, borrowerName, l.Kind, l.GuarantorCode, l.GrantedOn, l.MaturesOn, l.RepaidOn,
        Money.ToYuan(l.AmountFen), l.AnnualRateBp4 / 1_000_000m, Money.ToYuan(l.GuaranteeFeeFen), Money.ToYuan(l.LossAmountFen), l.IsSynthetic);
}
