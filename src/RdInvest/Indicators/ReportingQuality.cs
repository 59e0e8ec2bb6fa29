using Microsoft.EntityFrameworkCore;
using RdInvest.Data;
using RdInvest.Targets;

namespace RdInvest.Indicators;

/// <summary>
/// Reporting quality of one league/city for a year (二(五)16): how many of its registered units reported a record,
/// and how much of what was reported is finalised. <see cref="ReportingRate"/> is the figure the assessment shows
/// beside its score (percent, null when no unit is registered).
/// </summary>
public sealed record ReportingQuality(string Division, string NameZh, int RegisteredUnits, int ReportedUnits, int FinalRecords, int Records)
{
    public decimal? ReportingRate => RegisteredUnits == 0 ? null : IndicatorCalculator.RoundPercent(100m * ReportedUnits / RegisteredUnits);
    public decimal? FinalRate => Records == 0 ? null : IndicatorCalculator.RoundPercent(100m * FinalRecords / Records);
}

/// <summary>`rdinvest reporting-quality`: <see cref="ReportingQuality"/> for every league/city, counted in SQL.</summary>
public sealed class ReportingQualityHandler(RdInvestDb db)
{
    public async Task<IReadOnlyList<ReportingQuality>> HandleAsync(int year, CancellationToken ct)
    {
        var divisions = await db.Divisions.AsNoTracking().ToDictionaryAsync(d => d.Code, StringComparer.Ordinal, ct);
        var registered = await db.Units.GroupBy(u => u.DivisionCode).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var reported = await (from r in db.RdRecords
                              join u in db.Units on r.UnitId equals u.Id
                              where r.Year == year
                              group r.Status by u.DivisionCode into g
                              select new { g.Key, N = g.Count(), Final = g.Sum(s => s == DataStatuses.Final ? 1 : 0) }).ToListAsync(ct);
        var byLeague = new Dictionary<string, (int Reg, int Rep, int Final)>(StringComparer.Ordinal);
        foreach (var r in registered)
        {
            var l = ProgressHandler.LeagueCityOf(r.Key, divisions);
            var c = byLeague.GetValueOrDefault(l);
            byLeague[l] = (c.Reg + r.N, c.Rep, c.Final);
        }
        foreach (var r in reported)
        {
            var l = ProgressHandler.LeagueCityOf(r.Key, divisions);
            var c = byLeague.GetValueOrDefault(l);
            byLeague[l] = (c.Reg, c.Rep + r.N, c.Final + r.Final);
        }
        // One record per unit and year, so reported units = records.
        return divisions.Values.Where(d => d.Level == DivisionLevels.LeagueCity).OrderBy(d => d.Code, StringComparer.Ordinal)
            .Select(d =>
            {
                var c = byLeague.GetValueOrDefault(d.Code);
                return new ReportingQuality(d.Code, d.NameZh, c.Reg, c.Rep, c.Final, c.Rep);
            }).ToList();
    }
}
