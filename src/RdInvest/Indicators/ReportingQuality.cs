using Microsoft.EntityFrameworkCore;
using RdInvest.Data;
using RdInvest.Targets;

namespace RdInvest.Indicators;

/// <summary>
/// Reporting quality of one league/city for a year (二(五)16): how many of its registered units reported a record,
/// how much of what was reported is finalised, and how clean its imports were. <see cref="ReportingRate"/> is the
/// figure the assessment shows beside its score (percent, null when no unit is registered).
/// </summary>
/// <remarks>
/// Import rows come from the import log (import_runs, every import but dry runs, accepted or rejected), attributed
/// to the league/city of the row's division column, unit or park. A row counts for year Y when its own year is Y;
/// a row without a year (units, parks, certifications files) counts for the UTC calendar year in which it was
/// imported. <see cref="ErrorRows"/> and <see cref="WarningRows"/> are rows with at least one error or warning;
/// a rejected file's clean rows still count as rows. Findings of the header row belong to no row and are not counted.
/// </remarks>
public sealed record ReportingQuality(string Division, string NameZh, int RegisteredUnits, int ReportedUnits, int FinalRecords, int Records,
    int ImportRows = 0, int ErrorRows = 0, int WarningRows = 0)
{
    public decimal? ReportingRate => RegisteredUnits == 0 ? null : IndicatorCalculator.RoundPercent(100m * ReportedUnits / RegisteredUnits);
    public decimal? FinalRate => Records == 0 ? null : IndicatorCalculator.RoundPercent(100m * FinalRecords / Records);
    /// <summary>Imported rows with at least one error, percent of <see cref="ImportRows"/>; null when no rows.</summary>
    public decimal? ErrorRate => ImportRows == 0 ? null : IndicatorCalculator.RoundPercent(100m * ErrorRows / ImportRows);
    /// <summary>Imported rows with at least one warning, percent of <see cref="ImportRows"/>; null when no rows.</summary>
    public decimal? WarningRate => ImportRows == 0 ? null : IndicatorCalculator.RoundPercent(100m * WarningRows / ImportRows);
}

/// <summary>Imported rows that could not be attributed to a league/city (unknown unit, malformed code, region rows).</summary>
public sealed record UnattributedImports(int ImportRows, int ErrorRows, int WarningRows)
{
    public decimal? ErrorRate => ImportRows == 0 ? null : IndicatorCalculator.RoundPercent(100m * ErrorRows / ImportRows);
    public decimal? WarningRate => ImportRows == 0 ? null : IndicatorCalculator.RoundPercent(100m * WarningRows / ImportRows);
}

/// <summary>One division's records of a year: how many, and how many final.</summary>
internal sealed record Reported(string Key, int N, int Final);

public sealed record ReportingQualityReport(int Year, IReadOnlyList<ReportingQuality> Results, UnattributedImports Unattributed);

/// <summary>`rdinvest reporting-quality`: <see cref="ReportingQuality"/> for every league/city, counted in SQL.</summary>
public sealed class ReportingQualityHandler(RdInvestDb db)
{
    public async Task<IReadOnlyList<ReportingQuality>> HandleAsync(int year, CancellationToken ct) =>
        (await ReportAsync(year, ct)).Results;

    /// <summary>Every league/city, plus the import rows no league/city could be given.</summary>
    public async Task<ReportingQualityReport> ReportAsync(int year, CancellationToken ct)
    {
        var divisions = await db.Divisions.AsNoTracking().ToDictionaryAsync(d => d.Code, StringComparer.Ordinal, ct);
        var registered = await db.Units.GroupBy(u => u.DivisionCode).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        // The year's records per division: kept under the data stamp (every record write renews it), one scan per write.
        var reported = await Analytics.AnalyticsCache.GetAsync(db, await Analytics.AnalyticsStamps.ReadAsync(db, ct), ("reported-units", year),
            async () => await (from r in db.RdRecords
                               join u in db.Units on r.UnitId equals u.Id
                               where r.Year == year
                               group r.Status by u.DivisionCode into g
                               select new Reported(g.Key, g.Count(), g.Sum(s => s == DataStatuses.Final ? 1 : 0))).ToListAsync(ct), r => r.Count);
        var start = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var end = start.AddYears(1);
        var imported = await (from d in db.ImportRunDivisions
                              join r in db.ImportRuns on d.RunId equals r.Id
                              where d.Year == year || (d.Year == null && r.At >= start && r.At < end)
                              group d by d.LeagueCityCode into g
                              select new { g.Key, Rows = g.Sum(x => x.Rows), Errors = g.Sum(x => x.ErrorRows), Warnings = g.Sum(x => x.WarningRows) })
                             .ToListAsync(ct);
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
        var imports = imported.Where(i => i.Key is not null).ToDictionary(i => i.Key!, StringComparer.Ordinal);
        var none = imported.FirstOrDefault(i => i.Key is null);
        // One record per unit and year, so reported units = records.
        var results = divisions.Values.Where(d => d.Level == DivisionLevels.LeagueCity).OrderBy(d => d.Code, StringComparer.Ordinal)
            .Select(d =>
            {
                var c = byLeague.GetValueOrDefault(d.Code);
                var i = imports.GetValueOrDefault(d.Code);
                return new ReportingQuality(d.Code, d.NameZh, c.Reg, c.Rep, c.Final, c.Rep, i?.Rows ?? 0, i?.Errors ?? 0, i?.Warnings ?? 0);
            }).ToList();
        return new ReportingQualityReport(year, results, new UnattributedImports(none?.Rows ?? 0, none?.Errors ?? 0, none?.Warnings ?? 0));
    }
}
