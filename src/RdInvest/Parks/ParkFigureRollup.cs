using Microsoft.EntityFrameworkCore;
using RdInvest.Data;
using RdInvest.Indicators;

namespace RdInvest.Parks;

/// <summary>A park measure: the park's reported figure, the sum over its member units, and which one applies.</summary>
/// <param name="Reported">The park-figures value, null when not reported.</param>
/// <param name="Derived">The sum over the member units (<c>units.park_id</c>), null when no member unit contributes.</param>
/// <param name="Units">How many member units are behind <paramref name="Derived"/>.</param>
public sealed record ParkMeasure(long? Reported, long? Derived, int Units)
{
    /// <summary>Reported beats derived, as for divisions.</summary>
    public long? Value => Reported ?? Derived;

    public string? Provenance => Reported is not null ? Indicators.Provenance.ReportedKind : Derived is not null ? Indicators.Provenance.DerivedKind : null;
}

/// <summary>A park's four evaluation measures (二(五)17) for a year, plus its reported GDP and revenue (units give none).</summary>
public sealed record ParkMeasures(string ParkId, ParkMeasure RdTotalFen, ParkMeasure RdInstitutions, ParkMeasure HteCount, ParkMeasure InventionPatents,
    long? GdpFen, long? RevenueFen, bool ReportedSynthetic);

/// <summary>
/// Parks built from their units (二(五)17): a park's R&amp;D, R&amp;D institutions, high-tech enterprises and invention
/// patents are summed over its member units when the park's own figures are not reported; a reported figure wins, as
/// for divisions. Unit records count as for official figures: final records only. High-tech enterprises are the member
/// units holding a certificate valid on 31 December (three years from issue when no expiry is recorded).
/// </summary>
public sealed class ParkFigureRollup(RdInvestDb db)
{
    public async Task<IReadOnlyDictionary<string, ParkMeasures>> LoadAsync(int year, CancellationToken ct)
    {
        var figures = await db.ParkFigures.AsNoTracking().Where(f => f.Year == year).ToDictionaryAsync(f => f.ParkId, StringComparer.Ordinal, ct);
        var records = await (from r in db.RdRecords
                             join u in db.Units on r.UnitId equals u.Id
                             where r.Year == year && r.Status == DataStatuses.Final && u.ParkId != null
                             group r by u.ParkId into g
                             select new
                             {
                                 Park = g.Key!,
                                 N = g.Count(),
                                 Rd = g.Sum(x => x.RdTotalFen),
                                 Inst = g.Sum(x => x.HasRdInstitution == true ? 1 : 0),
                                 InstN = g.Sum(x => x.HasRdInstitution != null ? 1 : 0),
                                 Patents = g.Sum(x => x.InventionPatents ?? 0),
                                 PatentsN = g.Sum(x => x.InventionPatents != null ? 1 : 0),
                             }).ToDictionaryAsync(x => x.Park, StringComparer.Ordinal, ct);
        var yearEnd = new DateOnly(year, 12, 31);
        var hteFrom = new DateOnly(year - 2, 1, 1);
        var hte = await (from c in db.Certifications
                         join u in db.Units on c.UnitId equals u.Id
                         where u.ParkId != null && c.Kind == CertificationKinds.HighTech && c.Issued <= yearEnd
                               && ((c.Expires == null && c.Issued >= hteFrom) || c.Expires >= yearEnd)
                         group c.UnitId by u.ParkId into g
                         select new { Park = g.Key!, N = g.Distinct().Count() }).ToDictionaryAsync(x => x.Park, x => x.N, StringComparer.Ordinal, ct);
        var parks = await db.Parks.AsNoTracking().Select(p => p.Id).ToListAsync(ct);
        return parks.ToDictionary(id => id, id =>
        {
            var f = figures.GetValueOrDefault(id);
            var r = records.GetValueOrDefault(id);
            var h = hte.GetValueOrDefault(id);
            return new ParkMeasures(id,
                new ParkMeasure(f?.RdTotalFen, r is null ? null : r.Rd, r?.N ?? 0),
                new ParkMeasure(f?.RdInstitutions, r is { InstN: > 0 } ? r.Inst : null, r?.InstN ?? 0),
                new ParkMeasure(f?.HteCount, h > 0 ? h : null, h),
                new ParkMeasure(f?.InventionPatents, r is { PatentsN: > 0 } ? r.Patents : null, r?.PatentsN ?? 0),
                f?.GdpFen, f?.RevenueFen, f?.IsSynthetic == true);
        }, StringComparer.Ordinal);
    }
}
