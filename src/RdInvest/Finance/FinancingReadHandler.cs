using Microsoft.EntityFrameworkCore;
using RdInvest.Common;
using RdInvest.Data;

namespace RdInvest.Finance;

/// <summary>Filters of the financing list: unit credit code, kind, year.</summary>
public sealed record FinancingQuery(string? Unit = null, string? Kind = null, int? Year = null);

/// <summary>A direct financing event as lists show it; money in yuan.</summary>
public sealed record FinancingRow(string EventId, string Unit, string UnitName, string Kind, DateOnly Date, decimal AmountRaised,
    string? InstitutionCode, bool IsSynthetic);

/// <summary>
/// Reads financing events for <c>GET /api/v1/finance/financing</c> and the financing pages. <c>institution</c> is the caller's
/// scope: null reads every event; a financial institution's code reads the events it or its branches sponsored, and any other
/// event is not found (404).
/// </summary>
public sealed class FinancingReadHandler(RdInvestDb db)
{
    public async Task<IReadOnlyList<FinancingRow>> ListAsync(FinancingQuery query, string? institution, CancellationToken ct)
    {
        var q = await ScopedAsync(institution, ct);
        if (query.Kind is { } kind)
        {
            q = q.Where(e => e.Kind == kind);
        }
        if (query.Year is { } y)
        {
            var from = new DateOnly(y, 1, 1);
            var to = new DateOnly(y, 12, 31);
            q = q.Where(e => e.Date >= from && e.Date <= to);
        }
        var rows = from e in q join u in db.Units.AsNoTracking() on e.UnitId equals u.Id select new { e, u.CreditCode, u.Name };
        if (query.Unit is { } unit)
        {
            rows = rows.Where(r => r.CreditCode == unit);
        }
        var list = await rows.ToListAsync(ct);
        return list.OrderBy(r => r.e.Date).ThenBy(r => r.e.Id, StringComparer.Ordinal).Select(r => Row(r.e, r.CreditCode, r.Name)).ToList();
    }

    public async Task<FinancingRow> GetAsync(string id, string? institution, CancellationToken ct)
    {
        var q = await ScopedAsync(institution, ct);
        var r = await (from e in q.Where(e => e.Id == id) join u in db.Units.AsNoTracking() on e.UnitId equals u.Id select new { e, u.CreditCode, u.Name })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundError($"没有融资事件 {id}", $"no financing event {id}");
        return Row(r.e, r.CreditCode, r.Name);
    }

    private async Task<IQueryable<FinancingEvent>> ScopedAsync(string? institution, CancellationToken ct)
    {
        var q = db.FinancingEvents.AsNoTracking();
        if (await FinanceRecordScope.CodesAsync(db, institution, ct) is { } codes)
        {
            var list = codes.ToList();
            q = q.Where(e => e.InstitutionCode != null && list.Contains(e.InstitutionCode));
        }
        return q;
    }

    private static FinancingRow Row(FinancingEvent e, string unit, string name) =>
        new(e.Id, unit, name, e.Kind, e.Date, Money.ToYuan(e.AmountRaisedFen), e.InstitutionCode, e.IsSynthetic);
}
