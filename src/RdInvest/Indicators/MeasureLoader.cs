using Microsoft.EntityFrameworkCore;
using RdInvest.Data;

namespace RdInvest.Indicators;

/// <summary>
/// Reads one year's measures — the direct values of every division from the analytics tables
/// (<see cref="Analytics.AnalyticsReader"/>, maintained with every write) and the published figures — and the division
/// tree. Official figures use final unit records only (二(五)16); <paramref name="preliminary"/> takes every record
/// whatever its approval status. The leading and featured industries of T11 come from <paramref name="plan"/>, else from
/// the default plan.
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
        _plan ??= await new Plans.PlanResolver(db).ResolveAsync(null, ct);
        var direct = await Analytics.AnalyticsReader.DivisionsAsync(db, year, preliminary, Analytics.AnalyticsPlan.Leading(_plan, year), ct);
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
