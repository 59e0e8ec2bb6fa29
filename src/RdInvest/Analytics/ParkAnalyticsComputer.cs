using Microsoft.EntityFrameworkCore;
using RdInvest.Data;
using RdInvest.Indicators;

namespace RdInvest.Analytics;

/// <summary>
/// The raw-record aggregation behind the park analytics table: for one year, every park or only <c>parks</c>, the sums
/// over member units (<c>units.park_id</c>) that <see cref="Parks.ParkFigureRollup"/> derives — R&amp;D, R&amp;D
/// institutions and invention patents over final records, and high-tech enterprises holding a certificate valid on
/// 31 December. A park with no final record that year has no R&amp;D row (not a zero).
/// </summary>
public sealed class ParkAnalyticsComputer(RdInvestDb db)
{
    public const string RdTotal = "rd_total";
    public const string RdInstitutions = "rd_institutions";
    public const string InventionPatents = "invention_patents";
    public const string HteCount = "hte_count";

    public async Task<Dictionary<string, Dictionary<string, DirectValue>>> ComputeAsync(int year, IReadOnlyCollection<string>? parks,
        CancellationToken ct)
    {
        var filter = parks?.ToList();
        var units = filter is null ? db.Units.Where(u => u.ParkId != null) : db.Units.Where(u => u.ParkId != null && EF.Parameter(filter).Contains(u.ParkId));
        var records = await (from r in db.RdRecords
                             join u in units on r.UnitId equals u.Id
                             where r.Year == year && r.Status == DataStatuses.Final
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
                             }).ToListAsync(ct);
        return await WithHighTechAsync(year, units, records.Select(r => new ParkSums(r.Park, r.N, r.Rd, r.Inst, r.InstN, r.Patents, r.PatentsN)), ct);
    }

    /// <summary>One park's sums over its member units' final records of a year.</summary>
    internal sealed record ParkSums(string Park, long N, long Rd, long Inst, long InstN, long Patents, long PatentsN);

    /// <summary>Every park's measures of a year from record sums read elsewhere, plus its high-tech enterprises.</summary>
    internal Task<Dictionary<string, Dictionary<string, DirectValue>>> FromSumsAsync(int year, IEnumerable<ParkSums> sums, CancellationToken ct) =>
        WithHighTechAsync(year, db.Units.Where(u => u.ParkId != null), sums, ct);

    private async Task<Dictionary<string, Dictionary<string, DirectValue>>> WithHighTechAsync(int year, IQueryable<ReportingUnit> units,
        IEnumerable<ParkSums> records, CancellationToken ct)
    {
        var yearEnd = new DateOnly(year, 12, 31);
        var hteFrom = new DateOnly(year - 2, 1, 1);
        var hte = await (from c in db.Certifications
                         join u in units on c.UnitId equals u.Id
                         where c.Kind == CertificationKinds.HighTech && c.Issued <= yearEnd
                               && ((c.Expires == null && c.Issued >= hteFrom) || c.Expires >= yearEnd)
                         group c.UnitId by u.ParkId into g
                         select new { Park = g.Key!, N = g.Distinct().Count() }).ToListAsync(ct);
        var result = new Dictionary<string, Dictionary<string, DirectValue>>(StringComparer.Ordinal);
        Dictionary<string, DirectValue> Of(string park) =>
            result.TryGetValue(park, out var m) ? m : result[park] = new Dictionary<string, DirectValue>(StringComparer.Ordinal);
        foreach (var r in records)
        {
            var m = Of(r.Park);
            m[RdTotal] = new DirectValue(r.Rd, checked((int)r.N));
            m[RdInstitutions] = new DirectValue(r.Inst, checked((int)r.InstN));
            m[InventionPatents] = new DirectValue(r.Patents, checked((int)r.PatentsN));
        }
        foreach (var h in hte)
        {
            Of(h.Park)[HteCount] = new DirectValue(h.N, h.N);
        }
        return result;
    }
}
