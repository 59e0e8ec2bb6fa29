using Microsoft.EntityFrameworkCore;
using RdInvest.Data;

namespace RdInvest.Indicators;

/// <summary>
/// Reads one year's measures with a handful of GROUP BY queries over integer fen (the databases aggregate;
/// no record is loaded one by one), and the division tree. Official figures use final unit records only
/// (二(五)16); <paramref name="preliminary"/> takes every record whatever its approval status. The leading and featured
/// industries of T11 come from <paramref name="plan"/>, else from the default plan.
/// </summary>
public sealed class MeasureLoader(RdInvestDb db, bool preliminary = false, Plans.Plan? plan = null)
{
    private Plans.Plan? _plan = plan;

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ChildrenAsync(CancellationToken ct)
    {
        var rows = await db.Divisions.AsNoTracking().Where(d => d.ParentCode != null)
            .Select(d => new { d.Code, d.ParentCode }).ToListAsync(ct);
        return rows.GroupBy(r => r.ParentCode!)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(x => x.Code).Order(StringComparer.Ordinal).ToList());
    }

    public async Task<Rollup> RollupAsync(int year, IReadOnlyDictionary<string, IReadOnlyList<string>> children, CancellationToken ct) =>
        new(children, await LoadYearAsync(year, ct));

    public async Task<IReadOnlyDictionary<string, DivisionInputs>> LoadYearAsync(int year, CancellationToken ct)
    {
        var direct = new Dictionary<string, Dictionary<string, DirectValue>>(StringComparer.Ordinal);
        void Put(string division, string measure, long sum, int units)
        {
            if (!direct.TryGetValue(division, out var m))
            {
                direct[division] = m = new Dictionary<string, DirectValue>(StringComparer.Ordinal);
            }
            m[measure] = new DirectValue(sum, units);
        }

        var records = from r in db.RdRecords
                      join u in db.Units on r.UnitId equals u.Id
                      where r.Year == year && (preliminary || r.Status == DataStatuses.Final)
                      select new { r, u };
        var sums = await records.GroupBy(x => x.u.DivisionCode).Select(g => new
        {
            Division = g.Key,
            N = g.Count(),
            RdTotal = g.Sum(x => x.r.RdTotalFen),
            Gov = g.Sum(x => x.r.GovFundsFen ?? 0),
            GovN = g.Sum(x => x.r.GovFundsFen != null ? 1 : 0),
            Ent = g.Sum(x => x.r.EnterpriseFundsFen ?? 0),
            EntN = g.Sum(x => x.r.EnterpriseFundsFen != null ? 1 : 0),
            For = g.Sum(x => x.r.ForeignFundsFen ?? 0),
            ForN = g.Sum(x => x.r.ForeignFundsFen != null ? 1 : 0),
            Oth = g.Sum(x => x.r.OtherFundsFen ?? 0),
            OthN = g.Sum(x => x.r.OtherFundsFen != null ? 1 : 0),
            Basic = g.Sum(x => x.r.BasicFen ?? 0),
            BasicN = g.Sum(x => x.r.BasicFen != null ? 1 : 0),
            Applied = g.Sum(x => x.r.AppliedFen ?? 0),
            AppliedN = g.Sum(x => x.r.AppliedFen != null ? 1 : 0),
            Exp = g.Sum(x => x.r.ExperimentalFen ?? 0),
            ExpN = g.Sum(x => x.r.ExperimentalFen != null ? 1 : 0),
            SecEnt = g.Sum(x => x.u.Sector == Sectors.Enterprise ? x.r.RdTotalFen : 0),
            SecEntN = g.Sum(x => x.u.Sector == Sectors.Enterprise ? 1 : 0),
            SecInst = g.Sum(x => x.u.Sector == Sectors.Institute ? x.r.RdTotalFen : 0),
            SecInstN = g.Sum(x => x.u.Sector == Sectors.Institute ? 1 : 0),
            SecUni = g.Sum(x => x.u.Sector == Sectors.University ? x.r.RdTotalFen : 0),
            SecUniN = g.Sum(x => x.u.Sector == Sectors.University ? 1 : 0),
        }).ToListAsync(ct);
        foreach (var s in sums)
        {
            Put(s.Division, Measure.RdTotal, s.RdTotal, s.N);
            Put(s.Division, Measure.GovFunds, s.Gov, s.GovN);
            Put(s.Division, Measure.EnterpriseFunds, s.Ent, s.EntN);
            Put(s.Division, Measure.ForeignFunds, s.For, s.ForN);
            Put(s.Division, Measure.OtherFunds, s.Oth, s.OthN);
            Put(s.Division, Measure.Basic, s.Basic, s.BasicN);
            Put(s.Division, Measure.Applied, s.Applied, s.AppliedN);
            Put(s.Division, Measure.Experimental, s.Exp, s.ExpN);
            // Every unit with a record counts behind the sector split, even when its sector adds zero.
            Put(s.Division, Measure.RdEnterprise, s.SecEnt, s.N);
            Put(s.Division, Measure.RdInstitute, s.SecInst, s.N);
            Put(s.Division, Measure.RdUniversity, s.SecUni, s.N);
        }

        // Above-scale industrial enterprises (规上工业: GB/T 4754 sections B, C, D) with a record that year.
        var industrial = records.Where(x => x.u.AboveScale && x.u.Sector == Sectors.Enterprise && x.u.IndustryCode != null
            && (x.u.IndustryCode.StartsWith("B") || x.u.IndustryCode.StartsWith("C") || x.u.IndustryCode.StartsWith("D")));
        var above = await industrial.GroupBy(x => x.u.DivisionCode).Select(g => new
        {
            Division = g.Key,
            N = g.Count(),
            Active = g.Sum(x => x.r.RdTotalFen > 0 ? 1 : 0),
            Inst = g.Sum(x => x.r.HasRdInstitution == true ? 1 : 0),
            Rd = g.Sum(x => x.r.RdTotalFen),
            Revenue = g.Sum(x => x.r.RevenueFen ?? 0),
            RevenueN = g.Sum(x => x.r.RevenueFen != null ? 1 : 0),
            Reserve = g.Sum(x => x.r.HasRdReserve == true ? 1 : 0),
            ReserveN = g.Sum(x => x.r.HasRdReserve != null ? 1 : 0),
        }).ToListAsync(ct);
        var yearEnd = new DateOnly(year, 12, 31);
        // Platforms counting that year (二(四)11; Platforms.PlatformValidity): region level or above for the platform shares,
        // any level as an R&D institution for T10. A region-level platform certificate (kind platform) counts as before.
        var valid = db.Platforms.Where(Platforms.PlatformValidity.In(year));
        var regionOrAbove = valid.Where(p => p.Level == Platforms.PlatformLevels.National || p.Level == Platforms.PlatformLevels.Region);
        var withPlatform = industrial
            .Where(x => db.Certifications.Any(c => c.UnitId == x.u.Id && c.Kind == CertificationKinds.Platform && c.Issued <= yearEnd
                && (c.Expires == null || c.Expires >= yearEnd)) || regionOrAbove.Any(p => p.HostUnitId == x.u.Id));
        var platforms = await withPlatform
            .GroupBy(x => x.u.DivisionCode).Select(g => new { Division = g.Key, N = g.Count() }).ToListAsync(ct);
        var institutions = await industrial.Where(x => x.r.HasRdInstitution == true || valid.Any(p => p.HostUnitId == x.u.Id))
            .GroupBy(x => x.u.DivisionCode).Select(g => new { Division = g.Key, N = g.Count() }).ToListAsync(ct);
        foreach (var a in above)
        {
            Put(a.Division, Measure.AboveScaleUnits, a.N, a.N);
            Put(a.Division, Measure.AboveScaleActive, a.Active, a.N);
            Put(a.Division, Measure.AboveScaleInstitution, a.Inst, a.N);
            Put(a.Division, Measure.AboveScalePlatform, 0, a.N);
            Put(a.Division, Measure.AboveScaleRd, a.Rd, a.N);
            Put(a.Division, Measure.AboveScaleRevenue, a.Revenue, a.RevenueN);
            if (a.ReserveN > 0)
            {
                // Only enterprises that reported the flag count: a file without the column says nothing about reserves.
                Put(a.Division, Measure.AboveScaleReserveReported, a.ReserveN, a.ReserveN);
                Put(a.Division, Measure.AboveScaleReserve, a.Reserve, a.ReserveN);
            }
        }
        foreach (var p in platforms)
        {
            Put(p.Division, Measure.AboveScalePlatform, p.N, direct[p.Division][Measure.AboveScaleUnits].Units);
        }
        foreach (var i in institutions)
        {
            Put(i.Division, Measure.AboveScaleInstitution, i.N, direct[i.Division][Measure.AboveScaleUnits].Units);
        }
        await LeadingAsync(year, industrial.Select(x => x.u), regionOrAbove, Put, ct);

        // A high-tech certificate is valid three years from issue unless an expiry is given: valid on 31 December
        // of the year when issued on or before it and (no expiry and issued on or after 1 January two years earlier,
        // or expiring on or after it).
        var hteFrom = new DateOnly(year - 2, 1, 1);
        var hte = await (from c in db.Certifications
                         join u in db.Units on c.UnitId equals u.Id
                         where c.Kind == CertificationKinds.HighTech && c.Issued <= yearEnd
                               && ((c.Expires == null && c.Issued >= hteFrom) || c.Expires >= yearEnd)
                         group c.UnitId by u.DivisionCode into g
                         select new { Division = g.Key, N = g.Distinct().Count() }).ToListAsync(ct);
        foreach (var h in hte)
        {
            Put(h.Division, Measure.HteCount, h.N, h.N);
        }
        var yearStart = new DateOnly(year, 1, 1);
        var tsme = await (from c in db.Certifications
                          join u in db.Units on c.UnitId equals u.Id
                          where c.Kind == CertificationKinds.TechSme && c.Issued >= yearStart && c.Issued <= yearEnd
                          group c.UnitId by u.DivisionCode into g
                          select new { Division = g.Key, N = g.Distinct().Count() }).ToListAsync(ct);
        foreach (var t in tsme)
        {
            Put(t.Division, Measure.TsmeCount, t.N, t.N);
        }

        var projects = await (from p in db.Projects
                              join u in db.Units on p.LeadUnitId equals u.Id
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
        foreach (var p in projects)
        {
            Put(p.Division, Measure.Projects, p.N, p.N);
            Put(p.Division, Measure.ProjectsEnterprise, p.Ent, p.N);
            Put(p.Division, Measure.ProjectsCompetitive, p.Competitive, p.N);
            Put(p.Division, Measure.ProjectsDirected, p.Directed, p.N);
            Put(p.Division, Measure.ProjectsOpenCall, p.OpenCall, p.N);
            Put(p.Division, Measure.ProjectsOther, p.Other, p.N);
            Put(p.Division, Measure.ProjectsModeUnstated, p.Unstated, p.N);
        }

        var figures = await db.DivisionFigures.AsNoTracking().Where(f => f.Year == year).ToListAsync(ct);
        var result = new Dictionary<string, DivisionInputs>(StringComparer.Ordinal);
        foreach (var code in direct.Keys.Union(figures.Select(f => f.DivisionCode)))
        {
            var f = figures.FirstOrDefault(x => x.DivisionCode == code);
            result[code] = new DivisionInputs(
                direct.TryGetValue(code, out var d) ? d : new Dictionary<string, DirectValue>(),
                f is null ? new Dictionary<string, long>() : Reported(f),
                f?.RdIntensityBp4 is { } bp ? bp / 10_000m : null);
        }
        return result;
    }

    /// <summary>
    /// T11 (二(四)11): above-scale industrial enterprises of the leading and featured industries (the plan's industry-code
    /// prefixes in force on 31 December) and those of them hosting a platform of region level or above counting that year.
    /// </summary>
    private async Task LeadingAsync(int year, IQueryable<ReportingUnit> industrial, IQueryable<Platforms.Platform> regionOrAbove,
        Action<string, string, long, int> put, CancellationToken ct)
    {
        _plan ??= await new Plans.PlanResolver(db).ResolveAsync(null, ct);
        if (Platforms.LeadingIndustries.Of(_plan, year) is not { Count: > 0 } prefixes)
        {
            return;
        }
        var leading = industrial.Where(Platforms.LeadingIndustries.Filter(prefixes));
        var units = await leading.GroupBy(u => u.DivisionCode).Select(g => new { Division = g.Key, N = g.Count() })
            .ToDictionaryAsync(x => x.Division, x => x.N, ct);
        var hosting = await leading.Where(u => regionOrAbove.Any(p => p.HostUnitId == u.Id))
            .GroupBy(u => u.DivisionCode).Select(g => new { Division = g.Key, N = g.Count() })
            .ToDictionaryAsync(x => x.Division, x => x.N, ct);
        foreach (var (division, n) in units)
        {
            put(division, Measure.LeadingUnits, n, n);
            put(division, Measure.LeadingPlatform, hosting.GetValueOrDefault(division), n);
        }
    }

    private static Dictionary<string, long> Reported(DivisionFigure f)
    {
        var r = new Dictionary<string, long>(StringComparer.Ordinal);
        void Add(string m, long? v)
        {
            if (v is { } x)
            {
                r[m] = x;
            }
        }
        Add(Measure.RdTotal, f.RdTotalFen);
        Add(Measure.GovFunds, f.GovFundsFen);
        Add(Measure.EnterpriseFunds, f.EnterpriseFundsFen);
        Add(Measure.ForeignFunds, f.ForeignFundsFen);
        Add(Measure.OtherFunds, f.OtherFundsFen);
        Add(Measure.Basic, f.BasicFen);
        Add(Measure.Applied, f.AppliedFen);
        Add(Measure.Experimental, f.ExperimentalFen);
        Add(Measure.RdEnterprise, f.RdEnterpriseFen);
        Add(Measure.RdInstitute, f.RdInstituteFen);
        Add(Measure.RdUniversity, f.RdUniversityFen);
        Add(Measure.Gdp, f.GdpFen);
        Add(Measure.GovStSpending, f.GovStSpendingFen);
        Add(Measure.HteCount, f.HteCount);
        Add(Measure.TsmeCount, f.TsmeCount);
        return r;
    }
}
