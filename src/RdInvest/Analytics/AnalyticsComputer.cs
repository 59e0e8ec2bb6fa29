using Microsoft.EntityFrameworkCore;
using RdInvest.Data;
using RdInvest.Indicators;
using RdInvest.Platforms;

namespace RdInvest.Analytics;

/// <summary>
/// The raw-record aggregation behind the analytics tables: a handful of GROUP BY queries over integer fen for one year,
/// every division or only <c>divisions</c> (one array parameter, whatever its size). Each record group is split by
/// approval status once, so one pass gives both scopes: official (final records only, 二(五)16) and preliminary (every
/// record). Used only by rebuild, by the in-transaction refresh after a write, by <c>analytics check</c> and by reads of
/// a year the tables do not hold. T11's leading industries are <c>leadingPrefixes</c> (null or empty: none).
/// </summary>
public sealed class AnalyticsComputer(RdInvestDb db)
{
    /// <summary>One division × approval status group of an aggregate: its values in the order the fill methods read them.</summary>
    internal sealed record Part(string Division, string Status, long[] V);

    /// <summary>The record aggregates of one year, as <see cref="AnalyticsBulk"/> reads them for every year in one pass.</summary>
    internal sealed record YearParts(List<Part> Sums, List<Part> Above, List<Part> Platforms, List<Part> Institutions, List<Part> Leading,
        List<Part> Hosting);

    /// <summary>A year's measures from record aggregates read elsewhere, plus its certificates and projects.</summary>
    internal async Task<YearDirect> FromPartsAsync(int year, YearParts parts, CancellationToken ct)
    {
        var result = new YearDirect(year, new DirectValues(), new DirectValues());
        FillSums(result, parts.Sums);
        FillIndustrial(result, parts.Above, parts.Platforms, parts.Institutions, parts.Leading, parts.Hosting);
        await CertificatesAndProjectsAsync(result, year, db.Units, ct);
        return result;
    }

    private sealed class Row
    {
        public required UnitRdRecord R { get; init; }
        public required ReportingUnit U { get; init; }
    }

    public async Task<YearDirect> ComputeAsync(int year, IReadOnlyCollection<string>? divisions, IReadOnlyList<string>? leadingPrefixes,
        CancellationToken ct)
    {
        var result = new YearDirect(year, new DirectValues(), new DirectValues());
        var filter = divisions?.ToList();
        var units = filter is null ? db.Units : db.Units.Where(u => EF.Parameter(filter).Contains(u.DivisionCode));
        var records = from r in db.RdRecords
                      join u in units on r.UnitId equals u.Id
                      where r.Year == year
                      select new Row { R = r, U = u };
        var sums = (await records.GroupBy(x => new { x.U.DivisionCode, x.R.Status }).Select(g => new
        {
            g.Key.DivisionCode,
            g.Key.Status,
            N = g.Count(),
            RdTotal = g.Sum(x => x.R.RdTotalFen),
            Gov = g.Sum(x => x.R.GovFundsFen ?? 0),
            GovN = g.Sum(x => x.R.GovFundsFen != null ? 1 : 0),
            Ent = g.Sum(x => x.R.EnterpriseFundsFen ?? 0),
            EntN = g.Sum(x => x.R.EnterpriseFundsFen != null ? 1 : 0),
            For = g.Sum(x => x.R.ForeignFundsFen ?? 0),
            ForN = g.Sum(x => x.R.ForeignFundsFen != null ? 1 : 0),
            Oth = g.Sum(x => x.R.OtherFundsFen ?? 0),
            OthN = g.Sum(x => x.R.OtherFundsFen != null ? 1 : 0),
            Basic = g.Sum(x => x.R.BasicFen ?? 0),
            BasicN = g.Sum(x => x.R.BasicFen != null ? 1 : 0),
            Applied = g.Sum(x => x.R.AppliedFen ?? 0),
            AppliedN = g.Sum(x => x.R.AppliedFen != null ? 1 : 0),
            Exp = g.Sum(x => x.R.ExperimentalFen ?? 0),
            ExpN = g.Sum(x => x.R.ExperimentalFen != null ? 1 : 0),
            SecEnt = g.Sum(x => x.U.Sector == Sectors.Enterprise ? x.R.RdTotalFen : 0),
            SecInst = g.Sum(x => x.U.Sector == Sectors.Institute ? x.R.RdTotalFen : 0),
            SecUni = g.Sum(x => x.U.Sector == Sectors.University ? x.R.RdTotalFen : 0),
        }).ToListAsync(ct)).Select(s => new Part(s.DivisionCode, s.Status,
        [
            s.N, s.RdTotal, s.Gov, s.GovN, s.Ent, s.EntN, s.For, s.ForN, s.Oth, s.OthN, s.Basic, s.BasicN,
            s.Applied, s.AppliedN, s.Exp, s.ExpN, s.SecEnt, s.SecInst, s.SecUni,
        ])).ToList();
        FillSums(result, sums);
        var industrial = records.Where(x => x.U.AboveScale && x.U.Sector == Sectors.Enterprise && x.U.IndustryCode != null
            && (x.U.IndustryCode.StartsWith("B") || x.U.IndustryCode.StartsWith("C") || x.U.IndustryCode.StartsWith("D")));
        await IndustrialAsync(result, industrial, year, leadingPrefixes, ct);
        await CertificatesAndProjectsAsync(result, year, units, ct);
        return result;
    }

    private static void FillSums(YearDirect result, List<Part> sums)
    {
        foreach (var (scope, prelim) in Scopes(result))
        {
            foreach (var (d, v) in Combine(sums, prelim))
            {
                var n = checked((int)v[0]);
                scope.Put(d, Measure.RdTotal, v[1], n);
                scope.Put(d, Measure.GovFunds, v[2], checked((int)v[3]));
                scope.Put(d, Measure.EnterpriseFunds, v[4], checked((int)v[5]));
                scope.Put(d, Measure.ForeignFunds, v[6], checked((int)v[7]));
                scope.Put(d, Measure.OtherFunds, v[8], checked((int)v[9]));
                scope.Put(d, Measure.Basic, v[10], checked((int)v[11]));
                scope.Put(d, Measure.Applied, v[12], checked((int)v[13]));
                scope.Put(d, Measure.Experimental, v[14], checked((int)v[15]));
                // Every unit with a record counts behind the sector split, even when its sector adds zero.
                scope.Put(d, Measure.RdEnterprise, v[16], n);
                scope.Put(d, Measure.RdInstitute, v[17], n);
                scope.Put(d, Measure.RdUniversity, v[18], n);
            }
        }
    }

    /// <summary>Above-scale industrial enterprises (规上工业: GB/T 4754 sections B, C, D) with a record that year, and T10/T11.</summary>
    private async Task IndustrialAsync(YearDirect result, IQueryable<Row> industrial, int year, IReadOnlyList<string>? leadingPrefixes,
        CancellationToken ct)
    {
        var above = (await industrial.GroupBy(x => new { x.U.DivisionCode, x.R.Status }).Select(g => new
        {
            g.Key.DivisionCode,
            g.Key.Status,
            N = g.Count(),
            Active = g.Sum(x => x.R.RdTotalFen > 0 ? 1 : 0),
            Inst = g.Sum(x => x.R.HasRdInstitution == true ? 1 : 0),
            Rd = g.Sum(x => x.R.RdTotalFen),
            Revenue = g.Sum(x => x.R.RevenueFen ?? 0),
            RevenueN = g.Sum(x => x.R.RevenueFen != null ? 1 : 0),
            Reserve = g.Sum(x => x.R.HasRdReserve == true ? 1 : 0),
            ReserveN = g.Sum(x => x.R.HasRdReserve != null ? 1 : 0),
        }).ToListAsync(ct)).Select(a => new Part(a.DivisionCode, a.Status,
            [a.N, a.Active, a.Inst, a.Rd, a.Revenue, a.RevenueN, a.Reserve, a.ReserveN])).ToList();
        var yearEnd = new DateOnly(year, 12, 31);
        // Platforms counting that year (二(四)11; PlatformValidity): region level or above for the platform shares, any level
        // as an R&D institution for T10. A region-level platform certificate (kind platform) counts as before.
        var valid = db.Platforms.Where(PlatformValidity.In(year));
        var regionOrAbove = valid.Where(p => p.Level == PlatformLevels.National || p.Level == PlatformLevels.Region);
        var platforms = await CountAsync(industrial.Where(x => db.Certifications.Any(c => c.UnitId == x.U.Id && c.Kind == CertificationKinds.Platform
                && c.Issued <= yearEnd && (c.Expires == null || c.Expires >= yearEnd)) || regionOrAbove.Any(p => p.HostUnitId == x.U.Id))
            .GroupBy(x => new { x.U.DivisionCode, x.R.Status }).Select(g => new Part(g.Key.DivisionCode, g.Key.Status, new long[] { g.Count() })), ct);
        var institutions = await CountAsync(industrial.Where(x => x.R.HasRdInstitution == true || valid.Any(p => p.HostUnitId == x.U.Id))
            .GroupBy(x => new { x.U.DivisionCode, x.R.Status }).Select(g => new Part(g.Key.DivisionCode, g.Key.Status, new long[] { g.Count() })), ct);
        List<Part> leading = [], hosting = [];
        if (leadingPrefixes is { Count: > 0 })
        {
            var lead = from x in industrial
                       join u in db.Units.Where(LeadingIndustries.Filter(leadingPrefixes)) on x.U.Id equals u.Id
                       select x;
            leading = await CountAsync(lead.GroupBy(x => new { x.U.DivisionCode, x.R.Status })
                .Select(g => new Part(g.Key.DivisionCode, g.Key.Status, new long[] { g.Count() })), ct);
            hosting = await CountAsync(lead.Where(x => regionOrAbove.Any(p => p.HostUnitId == x.U.Id)).GroupBy(x => new { x.U.DivisionCode, x.R.Status })
                .Select(g => new Part(g.Key.DivisionCode, g.Key.Status, new long[] { g.Count() })), ct);
        }
        FillIndustrial(result, above, platforms, institutions, leading, hosting);
    }

    private static void FillIndustrial(YearDirect result, List<Part> above, List<Part> platforms, List<Part> institutions, List<Part> leading,
        List<Part> hosting)
    {
        foreach (var (scope, prelim) in Scopes(result))
        {
            foreach (var (d, v) in Combine(above, prelim))
            {
                var n = checked((int)v[0]);
                scope.Put(d, Measure.AboveScaleUnits, n, n);
                scope.Put(d, Measure.AboveScaleActive, v[1], n);
                scope.Put(d, Measure.AboveScaleInstitution, v[2], n);
                scope.Put(d, Measure.AboveScalePlatform, 0, n);
                scope.Put(d, Measure.AboveScaleRd, v[3], n);
                scope.Put(d, Measure.AboveScaleRevenue, v[4], checked((int)v[5]));
                if (v[7] > 0)
                {
                    // Only enterprises that reported the flag count: a file without the column says nothing about reserves.
                    scope.Put(d, Measure.AboveScaleReserveReported, v[7], checked((int)v[7]));
                    scope.Put(d, Measure.AboveScaleReserve, v[6], checked((int)v[7]));
                }
            }
            foreach (var (d, v) in Combine(platforms, prelim))
            {
                scope.Put(d, Measure.AboveScalePlatform, v[0], scope.Get(d, Measure.AboveScaleUnits)!.Value.Units);
            }
            foreach (var (d, v) in Combine(institutions, prelim))
            {
                scope.Put(d, Measure.AboveScaleInstitution, v[0], scope.Get(d, Measure.AboveScaleUnits)!.Value.Units);
            }
            var hosts = Combine(hosting, prelim).ToDictionary(x => x.Division, x => x.V[0], StringComparer.Ordinal);
            foreach (var (d, v) in Combine(leading, prelim))
            {
                var n = checked((int)v[0]);
                scope.Put(d, Measure.LeadingUnits, n, n);
                scope.Put(d, Measure.LeadingPlatform, hosts.GetValueOrDefault(d), n);
            }
        }
    }

    /// <summary>High-tech enterprises, technology-based SMEs and major projects: the same in both scopes (no approval status).</summary>
    private async Task CertificatesAndProjectsAsync(YearDirect result, int year, IQueryable<ReportingUnit> units, CancellationToken ct)
    {
        // A high-tech certificate is valid three years from issue unless an expiry is given: valid on 31 December of the
        // year when issued on or before it and (no expiry and issued on or after 1 January two years earlier, or expiring
        // on or after it).
        var yearEnd = new DateOnly(year, 12, 31);
        var hteFrom = new DateOnly(year - 2, 1, 1);
        var hte = await (from c in db.Certifications
                         join u in units on c.UnitId equals u.Id
                         where c.Kind == CertificationKinds.HighTech && c.Issued <= yearEnd
                               && ((c.Expires == null && c.Issued >= hteFrom) || c.Expires >= yearEnd)
                         group c.UnitId by u.DivisionCode into g
                         select new { Division = g.Key, N = g.Distinct().Count() }).ToListAsync(ct);
        var yearStart = new DateOnly(year, 1, 1);
        var tsme = await (from c in db.Certifications
                          join u in units on c.UnitId equals u.Id
                          where c.Kind == CertificationKinds.TechSme && c.Issued >= yearStart && c.Issued <= yearEnd
                          group c.UnitId by u.DivisionCode into g
                          select new { Division = g.Key, N = g.Distinct().Count() }).ToListAsync(ct);
        var projects = await (from p in db.Projects
                              join u in units on p.LeadUnitId equals u.Id
                              where p.Year == year
                              group new { u.Sector, p.Mode } by u.DivisionCode into g
                              select new
                              {
                                  Division = g.Key,
                                  N = g.Count(),
                                  Ent = g.Sum(s => s.Sector == Sectors.Enterprise ? 1 : 0),
                                  Competitive = g.Sum(s => s.Mode == ProjectModes.Competitive ? 1 : 0),
                                  Directed = g.Sum(s => s.Mode == ProjectModes.Directed ? 1 : 0),
                                  OpenCall = g.Sum(s => s.Mode == ProjectModes.OpenCall ? 1 : 0),
                                  Other = g.Sum(s => s.Mode == ProjectModes.Other ? 1 : 0),
                                  Unstated = g.Sum(s => s.Mode == null ? 1 : 0),
                              }).ToListAsync(ct);
        foreach (var (scope, _) in Scopes(result))
        {
            foreach (var h in hte)
            {
                scope.Put(h.Division, Measure.HteCount, h.N, h.N);
            }
            foreach (var t in tsme)
            {
                scope.Put(t.Division, Measure.TsmeCount, t.N, t.N);
            }
            foreach (var p in projects)
            {
                scope.Put(p.Division, Measure.Projects, p.N, p.N);
                scope.Put(p.Division, Measure.ProjectsEnterprise, p.Ent, p.N);
                scope.Put(p.Division, Measure.ProjectsCompetitive, p.Competitive, p.N);
                scope.Put(p.Division, Measure.ProjectsDirected, p.Directed, p.N);
                scope.Put(p.Division, Measure.ProjectsOpenCall, p.OpenCall, p.N);
                scope.Put(p.Division, Measure.ProjectsOther, p.Other, p.N);
                scope.Put(p.Division, Measure.ProjectsModeUnstated, p.Unstated, p.N);
            }
        }
    }

    private static Task<List<Part>> CountAsync(IQueryable<Part> q, CancellationToken ct) => q.ToListAsync(ct);

    private static IEnumerable<(DirectValues Scope, bool Preliminary)> Scopes(YearDirect r) => [(r.Final, false), (r.Preliminary, true)];

    /// <summary>Adds the status groups of each division: final ones only, or all of them.</summary>
    private static IEnumerable<(string Division, long[] V)> Combine(IEnumerable<Part> parts, bool preliminary) =>
        parts.Where(p => preliminary || p.Status == DataStatuses.Final)
            .GroupBy(p => p.Division, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Aggregate(new long[g.First().V.Length], (acc, p) =>
            {
                for (var i = 0; i < acc.Length; i++)
                {
                    acc[i] = checked(acc[i] + p.V[i]);
                }
                return acc;
            })));
}
