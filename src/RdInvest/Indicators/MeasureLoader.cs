using Microsoft.EntityFrameworkCore;
using RdInvest.Data;

namespace RdInvest.Indicators;

/// <summary>
/// Reads one year's measures — the direct values of every division from the analytics tables
/// (<see cref="Analytics.AnalyticsReader"/>, maintained with every write) and the published figures — and the division
/// tree. Official figures use final unit records only (二(五)16); <paramref name="preliminary"/> takes every record
/// whatever its approval status. The leading and featured industries of T11 come from <paramref name="plan"/>, else from
/// the default plan. What it reads is kept in the process-wide <see cref="Analytics.AnalyticsCache"/> under the data
/// stamp read once per loader (one small query), so a warm read of a year costs that query and a dictionary look-up.
/// </summary>
public sealed class MeasureLoader(RdInvestDb db, bool preliminary = false, Plans.Plan? plan = null)
{
    private Plans.Plan? _plan = plan;
    private long? _stamp;
    private bool _stamped;

    /// <summary>The data stamp this loader reads under (read from the database on first use).</summary>
    public async Task<long?> StampAsync(CancellationToken ct)
    {
        if (!_stamped)
        {
            _stamp = await Analytics.AnalyticsStamps.ReadAsync(db, ct);
            _stamped = true;
        }
        return _stamp;
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ChildrenAsync(CancellationToken ct) =>
        await Analytics.AnalyticsCache.GetAsync(db, await StampAsync(ct), "division-children", () => ReadChildrenAsync(ct), c => c.Count);

    /// <summary>The division tree by code (shared between readers: never change the entities).</summary>
    public async Task<IReadOnlyDictionary<string, Division>> DivisionsAsync(CancellationToken ct) =>
        await Analytics.AnalyticsCache.GetAsync<IReadOnlyDictionary<string, Division>>(db, await StampAsync(ct), "divisions",
            async () => await db.Divisions.AsNoTracking().ToDictionaryAsync(d => d.Code, StringComparer.Ordinal, ct), d => d.Count);

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ReadChildrenAsync(CancellationToken ct)
    {
        var rows = await db.Divisions.AsNoTracking().Where(d => d.ParentCode != null)
            .Select(d => new { d.Code, d.ParentCode }).ToListAsync(ct);
        return rows.GroupBy(r => r.ParentCode!)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(x => x.Code).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// The year's rollup over <paramref name="children"/>; when that is this loader's own tree, the rollup (with the values
    /// it has worked out) is kept under the data stamp and shared by every later read.
    /// </summary>
    public async Task<Rollup> RollupAsync(int year, IReadOnlyDictionary<string, IReadOnlyList<string>> children, CancellationToken ct)
    {
        if (!ReferenceEquals(children, await ChildrenAsync(ct)))
        {
            return new(children, await LoadYearAsync(year, ct));
        }
        var stamp = await StampAsync(ct);
        var leading = await LeadingAsync(year, stamp, ct);
        return await Analytics.AnalyticsCache.GetAsync(db, stamp, ("year-rollup", year, preliminary, leading),
            async () => new Rollup(children, await LoadYearAsync(year, ct)));
    }

    public async Task<IReadOnlyDictionary<string, DivisionInputs>> LoadYearAsync(int year, CancellationToken ct)
    {
        var stamp = await StampAsync(ct);
        var leading = await LeadingAsync(year, stamp, ct);
        return await Analytics.AnalyticsCache.GetAsync(db, stamp, ("year-inputs", year, preliminary, leading),
            () => ReadYearAsync(year, Analytics.AnalyticsPlan.Split(leading), ct), r => r.Count);
    }

    /// <summary>The year's leading-industry prefixes (joined): the given plan's, else the default plan's (kept under the stamp).</summary>
    private async Task<string> LeadingAsync(int year, long? stamp, CancellationToken ct)
    {
        if (_plan is not null)
        {
            return Analytics.AnalyticsPlan.Join(Analytics.AnalyticsPlan.Leading(_plan, year));
        }
        return await Analytics.AnalyticsCache.GetAsync(db, stamp, ("default-leading", year), async () =>
        {
            _plan ??= await new Plans.PlanResolver(db).ResolveAsync(null, ct);
            return Analytics.AnalyticsPlan.Join(Analytics.AnalyticsPlan.Leading(_plan, year));
        });
    }

    private async Task<IReadOnlyDictionary<string, DivisionInputs>> ReadYearAsync(int year, IReadOnlyList<string>? leading, CancellationToken ct)
    {
        var direct = await Analytics.AnalyticsReader.DivisionsAsync(db, year, preliminary, leading, ct);
        var figures = await db.DivisionFigures.AsNoTracking().Where(f => f.Year == year).ToListAsync(ct);
        var byCode = figures.ToDictionary(f => f.DivisionCode, StringComparer.Ordinal);
        var result = new Dictionary<string, DivisionInputs>(StringComparer.Ordinal);
        foreach (var code in direct.Keys.Union(byCode.Keys))
        {
            var f = byCode.GetValueOrDefault(code);
            result[code] = new DivisionInputs(
                direct.TryGetValue(code, out var d) ? d : new Dictionary<string, DirectValue>(),
                f is null ? new Dictionary<string, long>() : Reported(f),
                f?.RdIntensityBp4 is { } bp ? bp / 10_000m : null);
        }
        return result;
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
