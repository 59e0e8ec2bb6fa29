using Microsoft.EntityFrameworkCore;
using RdInvest.Data;
using RdInvest.Payments;

namespace RdInvest.Records;

/// <summary>A certificate of a unit (高新技术企业, 科技型中小企业, innovation platform).</summary>
public sealed record UnitCertificate(string Kind, string Number, DateOnly Issued, DateOnly? Expires, bool? Relocated, bool IsSynthetic);

/// <summary>
/// Everything the unit page shows: identity (sector, industry, division and league/city, park), the R&amp;D records
/// by year, certificates and payments received. Money in yuan.
/// </summary>
public sealed record UnitPage(UnitView Unit, bool IsSynthetic, string DivisionZh, string DivisionEn, string? LeagueCityCode, string? LeagueCityZh,
    string? LeagueCityEn, string? ParkName, IReadOnlyList<RdRecordView> Records, IReadOnlyList<UnitCertificate> Certificates,
    IReadOnlyList<PaymentView> Payments);

/// <summary>A line of the unit list: identity and the R&amp;D of the given year (null without a record).</summary>
public sealed record UnitListRow(string CreditCode, string Name, string Sector, string DivisionCode, string DivisionZh, string DivisionEn,
    string? ParkName, decimal? RdTotal, string? Status, bool IsSynthetic);

/// <summary>
/// The unit page and the unit list of the web platform, within the reader's scope (the caller passes the scope's
/// query filter, as for the API): the same record and payment handlers as `GET /api/v1/units/{code}/records` and
/// `rdinvest payments list`. A unit outside the scope is not found.
/// </summary>
public sealed class UnitPageHandler(RdInvestDb db)
{
    /// <summary>The unit's page, or null when it does not exist or lies outside <paramref name="scoped"/>.</summary>
    public async Task<UnitPage?> HandleAsync(IQueryable<ReportingUnit> scoped, string creditCode, CancellationToken ct)
    {
        var unit = await scoped.AsNoTracking().FirstOrDefaultAsync(u => u.CreditCode == creditCode, ct);
        if (unit is null)
        {
            return null;
        }
        var division = await db.Divisions.AsNoTracking().FirstAsync(d => d.Code == unit.DivisionCode, ct);
        var league = division.Level == DivisionLevels.County && division.ParentCode is { } p
            ? await db.Divisions.AsNoTracking().FirstOrDefaultAsync(d => d.Code == p, ct)
            : division.Level == DivisionLevels.LeagueCity ? division : null;
        var park = unit.ParkId is { } pid ? await db.Parks.AsNoTracking().Where(x => x.Id == pid).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var records = await new RdRecordQueryHandler(db).ListAsync(scoped, creditCode, ct);
        var certificates = (await db.Certifications.AsNoTracking().Where(c => c.UnitId == unit.Id).ToListAsync(ct))
            .OrderBy(c => c.Issued).ThenBy(c => c.Kind, StringComparer.Ordinal)
            .Select(c => new UnitCertificate(c.Kind, c.Number, c.Issued, c.Expires, c.Relocated, c.IsSynthetic)).ToList();
        var payments = await new PaymentHandler(db, TimeProvider.System).ListAsync(new PaymentQuery(CreditCode: creditCode), ct);
        return new UnitPage(UnitView.Of(unit), unit.IsSynthetic, division.NameZh, division.NameEn, league?.Code, league?.NameZh, league?.NameEn, park,
            records.OrderBy(r => r.Year).ToList(), certificates, payments);
    }

    /// <summary>Every unit within <paramref name="scoped"/> with its R&amp;D of <paramref name="year"/> (final records only unless preliminary).</summary>
    public async Task<IReadOnlyList<UnitListRow>> ListAsync(IQueryable<ReportingUnit> scoped, int year, bool preliminary, CancellationToken ct)
    {
        var rows = await (from u in scoped.AsNoTracking()
                          join d in db.Divisions on u.DivisionCode equals d.Code
                          join pk in db.Parks on u.ParkId equals pk.Id into pks
                          from pk in pks.DefaultIfEmpty()
                          join r in db.RdRecords.Where(r => r.Year == year && (preliminary || r.Status == DataStatuses.Final)) on u.Id equals r.UnitId into rs
                          from r in rs.DefaultIfEmpty()
                          select new
                          {
                              u.CreditCode, u.Name, u.Sector, u.DivisionCode, d.NameZh, d.NameEn, Park = pk == null ? null : pk.Name,
                              Fen = r == null ? (long?)null : r.RdTotalFen, Status = r == null ? null : r.Status, u.IsSynthetic,
                          }).ToListAsync(ct);
        return rows.OrderBy(r => r.CreditCode, StringComparer.Ordinal)
            .Select(r => new UnitListRow(r.CreditCode, r.Name, r.Sector, r.DivisionCode, r.NameZh, r.NameEn, r.Park, Common.Money.ToYuan(r.Fen), r.Status, r.IsSynthetic))
            .ToList();
    }
}
