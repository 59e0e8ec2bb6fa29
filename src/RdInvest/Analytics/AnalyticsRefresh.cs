using Microsoft.EntityFrameworkCore;
using RdInvest.Data;

namespace RdInvest.Analytics;

/// <summary>
/// Keeps the analytics tables equal to a computation from the records. Every write that changes a measure calls
/// <see cref="AfterWriteAsync"/> after its changes and before its commit, in its transaction: the touched divisions ×
/// years are recomputed (set-based, one GROUP BY pass per year restricted to those divisions) and replaced; a touched year
/// the tables do not hold yet is computed whole and held from then on. <see cref="RebuildAsync"/> recomputes everything.
/// </summary>
public static class AnalyticsRefresh
{
    /// <remarks>
    /// Every call renews the data stamp (<see cref="AnalyticsStamps"/>), also when no measure is touched: the write may
    /// change what reads show outside these tables (published figures).
    /// </remarks>
    public static async Task AfterWriteAsync(RdInvestDb db, AnalyticsTouch touch, CancellationToken ct)
    {
        await RefreshAsync(db, touch, ct);
        await AnalyticsStamps.BumpAsync(db, ct);
    }

    private static async Task RefreshAsync(RdInvestDb db, AnalyticsTouch touch, CancellationToken ct)
    {
        if (touch.IsEmpty)
        {
            return;
        }
        var held = await db.AnalyticsYears.AsNoTracking().ToDictionaryAsync(y => y.Year, y => y.LeadingPrefixes, ct);
        var years = touch.Years ?? (IReadOnlySet<int>)held.Keys.ToHashSet();
        if (years.Count == 0)
        {
            return;
        }
        var divisions = touch.Divisions.ToList();
        var parks = await db.Units.AsNoTracking()
            .Where(u => u.ParkId != null && EF.Parameter(divisions).Contains(u.DivisionCode)).Select(u => u.ParkId!).Distinct().ToListAsync(ct);
        parks = parks.Union(touch.Parks, StringComparer.Ordinal).ToList();
        Plans.Plan? plan = null;
        foreach (var year in years.Order())
        {
            if (held.TryGetValue(year, out var prefixes))
            {
                var leading = AnalyticsPlan.Split(prefixes);
                if (divisions.Count > 0)
                {
                    await AnalyticsStore.ReplaceAsync(db, await new AnalyticsComputer(db).ComputeAsync(year, divisions, leading, ct), divisions, ct);
                }
                if (parks.Count > 0)
                {
                    await AnalyticsStore.ReplaceParksAsync(db, year, await new ParkAnalyticsComputer(db).ComputeAsync(year, parks, ct), parks, ct);
                }
            }
            else
            {
                // A year written for the first time is held whole, with the year before it (its growth's base).
                plan ??= await AnalyticsPlan.DefaultAsync(db, ct);
                await ComputeYearAsync(db, year, AnalyticsPlan.Leading(plan, year), ct);
                held[year] = "";
                if (!held.ContainsKey(year - 1))
                {
                    await ComputeYearAsync(db, year - 1, AnalyticsPlan.Leading(plan, year - 1), ct);
                    held[year - 1] = "";
                }
            }
        }
    }

    /// <summary>
    /// After a plan is loaded: a held year whose T11 measures were computed with leading industries other than the default
    /// plan's now is recomputed.
    /// </summary>
    public static async Task AfterPlanLoadAsync(RdInvestDb db, CancellationToken ct)
    {
        await AnalyticsStamps.BumpAsync(db, ct);
        var held = await db.AnalyticsYears.AsNoTracking().ToListAsync(ct);
        var plan = await AnalyticsPlan.DefaultAsync(db, ct);
        foreach (var y in held.Where(y => y.LeadingPrefixes != AnalyticsPlan.Join(AnalyticsPlan.Leading(plan, y.Year))))
        {
            await ComputeYearAsync(db, y.Year, AnalyticsPlan.Leading(plan, y.Year), ct);
        }
    }

    /// <summary>Recomputes every held year from the records, in the caller's transaction when there is one.</summary>
    public static async Task<IReadOnlyList<int>> RebuildAsync(RdInvestDb db, CancellationToken ct)
    {
        await db.AnalyticsMeasures.ExecuteDeleteAsync(ct);
        await db.AnalyticsParkMeasures.ExecuteDeleteAsync(ct);
        await db.AnalyticsYears.ExecuteDeleteAsync(ct);
        var years = await YearsToHoldAsync(db, ct);
        var plan = await AnalyticsPlan.DefaultAsync(db, ct);
        var leading = years.ToDictionary(y => y, y => AnalyticsPlan.Leading(plan, y));
        // One pass over every record for every year; the per-year queries only when a plan's prefix is not a plain code.
        var groups = (await AnalyticsBulk.ReadAsync(db, leading, ct))?.ToLookup(g => g.Y);
        foreach (var year in years)
        {
            if (groups is null)
            {
                await ComputeYearAsync(db, year, leading[year], ct);
                continue;
            }
            await AnalyticsStore.ReplaceAsync(db, await new AnalyticsComputer(db).FromPartsAsync(year, AnalyticsBulk.PartsOf(groups[year]), ct), null, ct);
            await AnalyticsStore.ReplaceParksAsync(db, year,
                await new ParkAnalyticsComputer(db).FromSumsAsync(year, AnalyticsBulk.ParksOf(groups[year]), ct), null, ct);
            await HoldAsync(db, year, leading[year], ct);
        }
        await AnalyticsStamps.BumpAsync(db, ct);
        return years;
    }

    /// <summary>
    /// On a database whose records predate the analytics tables (records present, no year held), fills them: run after
    /// every migration, so an upgraded database never shows empty figures.
    /// </summary>
    /// <remarks>A database never stamped (upgraded from a version without the stamp) gets its first stamp here.</remarks>
    public static async Task EnsureFilledAsync(RdInvestDb db, CancellationToken ct)
    {
        if (await AnalyticsStamps.ReadAsync(db, ct) is null)
        {
            await AnalyticsStamps.BumpAsync(db, ct);
        }
        if (await db.AnalyticsYears.AnyAsync(ct) || !(await db.RdRecords.AnyAsync(ct) || await db.Projects.AnyAsync(ct)))
        {
            return;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await RebuildAsync(db, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The years a rebuild holds: every year with records, projects or published figures, and the year before each.</summary>
    public static async Task<List<int>> YearsToHoldAsync(RdInvestDb db, CancellationToken ct) =>
        (await YearsWithDataAsync(db, ct)).SelectMany(y => new[] { y - 1, y }).Distinct().Order().ToList();

    /// <summary>Every year with records, projects or published figures.</summary>
    public static async Task<List<int>> YearsWithDataAsync(RdInvestDb db, CancellationToken ct)
    {
        var years = (await db.RdRecords.Select(r => r.Year).Distinct().ToListAsync(ct))
            .Union(await db.Projects.Select(p => p.Year).Distinct().ToListAsync(ct))
            .Union(await db.DivisionFigures.Select(f => f.Year).Distinct().ToListAsync(ct))
            .Union(await db.ParkFigures.Select(f => f.Year).Distinct().ToListAsync(ct))
            .ToList();
        return years.Order().ToList();
    }

    private static async Task ComputeYearAsync(RdInvestDb db, int year, IReadOnlyList<string>? leading, CancellationToken ct)
    {
        await AnalyticsStore.ReplaceAsync(db, await new AnalyticsComputer(db).ComputeAsync(year, null, leading, ct), null, ct);
        await AnalyticsStore.ReplaceParksAsync(db, year, await new ParkAnalyticsComputer(db).ComputeAsync(year, null, ct), null, ct);
        await HoldAsync(db, year, leading, ct);
    }

    private static async Task HoldAsync(RdInvestDb db, int year, IReadOnlyList<string>? leading, CancellationToken ct)
    {
        await db.AnalyticsYears.Where(y => y.Year == year).ExecuteDeleteAsync(ct);
        var prefixes = AnalyticsPlan.Join(leading);
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO analytics_years ("Year", "LeadingPrefixes") VALUES ({0}, {1})""", [year, prefixes], ct);
    }
}
