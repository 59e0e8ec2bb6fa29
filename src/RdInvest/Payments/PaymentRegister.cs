using Microsoft.EntityFrameworkCore;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Policy;

namespace RdInvest.Payments;

/// <summary>
/// One payment of the register: the keys of <see cref="PaymentView"/>, then the league/city of the unit (its county's
/// parent, or the division it is registered at).
/// </summary>
public sealed record PaymentRegisterRow(long Id, string CreditCode, string Name, string Rule, int Year, decimal Amount, DateOnly PaidOn,
    string Source, long? RoundId, string? Note, string LeagueCityCode, string LeagueCity, string LeagueCityEn)
{
    public PaymentView View => new(Id, CreditCode, Name, Rule, Year, Amount, PaidOn, Source, RoundId, Note);
}

/// <summary>
/// The payment register (奖补发放登记): every recorded payment, filtered by unit, rule, year and league/city, in the
/// order year, rule, credit code. <c>payments list</c>, <c>GET /api/v1/payments</c> and the <c>/payments</c> page read it.
/// </summary>
public sealed class PaymentRegisterHandler(RdInvestDb db)
{
    public async Task<IReadOnlyList<PaymentRegisterRow>> ListAsync(PaymentQuery query, CancellationToken ct)
    {
        var q = from p in db.Payments.AsNoTracking()
                join u in db.Units.AsNoTracking() on p.UnitId equals u.Id
                join d in db.Divisions.AsNoTracking() on u.DivisionCode equals d.Code
                select new { p, u.CreditCode, u.Name, League = d.Level == DivisionLevels.County && d.ParentCode != null ? d.ParentCode : d.Code };
        if (query.CreditCode is { } cc)
        {
            q = q.Where(x => x.CreditCode == cc);
        }
        if (query.Rule is { } r)
        {
            var id = RuleRegistry.Find(r).Id;
            q = q.Where(x => x.p.RuleId == id);
        }
        if (query.Year is { } y)
        {
            q = q.Where(x => x.p.Year == y);
        }
        if (query.LeagueCity is { } lc)
        {
            q = q.Where(x => x.League == lc);
        }
        var rows = await q.ToListAsync(ct);
        // Institutions paid (R15's lender, 二(三)9) by the institution's code, at its own division's league/city.
        var iq = from p in db.Payments.AsNoTracking()
                 join i in db.Institutions.AsNoTracking() on p.InstitutionCode equals i.Code
                 join d in db.Divisions.AsNoTracking() on i.DivisionCode equals d.Code
                 select new { p, CreditCode = i.Code, i.Name, League = d.Level == DivisionLevels.County && d.ParentCode != null ? d.ParentCode : d.Code };
        if (query.CreditCode is { } ic)
        {
            iq = iq.Where(x => x.CreditCode == ic);
        }
        if (query.Rule is { } ir)
        {
            var id = RuleRegistry.Find(ir).Id;
            iq = iq.Where(x => x.p.RuleId == id);
        }
        if (query.Year is { } iy)
        {
            iq = iq.Where(x => x.p.Year == iy);
        }
        if (query.LeagueCity is { } ilc)
        {
            iq = iq.Where(x => x.League == ilc);
        }
        rows.AddRange(await iq.ToListAsync(ct));
        rows = [.. rows.OrderBy(x => x.p.Year).ThenBy(x => x.p.RuleId, StringComparer.Ordinal).ThenBy(x => x.CreditCode, StringComparer.Ordinal).ThenBy(x => x.p.Id)];
        var codes = rows.Select(x => x.League).Distinct().ToList();
        var names = await db.Divisions.AsNoTracking().Where(d => codes.Contains(d.Code))
            .ToDictionaryAsync(d => d.Code, d => (d.NameZh, d.NameEn), StringComparer.Ordinal, ct);
        return rows.Select(x =>
        {
            var (zh, en) = names.TryGetValue(x.League, out var n) ? n : (x.League, x.League);
            return new PaymentRegisterRow(x.p.Id, x.CreditCode, x.Name, x.p.RuleId, x.p.Year, Money.ToYuan(x.p.AmountFen), x.p.PaidOn,
                x.p.Source, x.p.RoundId, x.p.Note, x.League, zh, en);
        }).ToList();
    }
}
