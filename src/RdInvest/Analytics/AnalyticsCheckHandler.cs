using Microsoft.EntityFrameworkCore;
using RdInvest.Data;
using RdInvest.Indicators;

namespace RdInvest.Analytics;

/// <summary>A stored value that differs from a fresh computation. <c>Scope</c> is final, preliminary or park; null values are missing rows.</summary>
public sealed record AnalyticsDifference(string Key, int Year, string Scope, string Measure, DirectValue? Stored, DirectValue? Computed);

public sealed record AnalyticsCheckResult(IReadOnlyList<int> Years, long Compared, IReadOnlyList<AnalyticsDifference> Differences)
{
    public bool Equal => Differences.Count == 0;
}

/// <summary>
/// `rdinvest analytics check`: compares the maintained analytics tables with a computation from the records — every
/// division × year × scope × measure and every park × year × measure — and lists every difference. A year with data the
/// tables do not hold is a difference too (measure <c>*</c>).
/// </summary>
public sealed class AnalyticsCheckHandler(RdInvestDb db)
{
    public const string Final = "final";
    public const string Preliminary = "preliminary";
    public const string Park = "park";

    public async Task<AnalyticsCheckResult> HandleAsync(CancellationToken ct)
    {
        var held = await db.AnalyticsYears.AsNoTracking().OrderBy(y => y.Year).ToListAsync(ct);
        var differences = new List<AnalyticsDifference>();
        long compared = 0;
        foreach (var missing in (await AnalyticsRefresh.YearsWithDataAsync(db, ct)).Except(held.Select(h => h.Year)))
        {
            differences.Add(new AnalyticsDifference("*", missing, "*", "*", null, null));
        }
        foreach (var y in held)
        {
            var computed = await new AnalyticsComputer(db).ComputeAsync(y.Year, null, AnalyticsPlan.Split(y.LeadingPrefixes), ct);
            foreach (var prelim in new[] { false, true })
            {
                var stored = await AnalyticsStore.ReadAsync(db, y.Year, prelim, ct);
                compared += Compare(stored, computed.Of(prelim).ByDivision, y.Year, prelim ? Preliminary : Final, differences);
            }
            compared += Compare(await AnalyticsStore.ReadParksAsync(db, y.Year, ct),
                await new ParkAnalyticsComputer(db).ComputeAsync(y.Year, null, ct), y.Year, Park, differences);
        }
        return new AnalyticsCheckResult(held.Select(h => h.Year).ToList(), compared, differences);
    }

    private static long Compare(IReadOnlyDictionary<string, Dictionary<string, DirectValue>> stored,
        IReadOnlyDictionary<string, Dictionary<string, DirectValue>> computed, int year, string scope, List<AnalyticsDifference> into)
    {
        long n = 0;
        foreach (var key in stored.Keys.Union(computed.Keys).Order(StringComparer.Ordinal))
        {
            var s = stored.GetValueOrDefault(key) ?? [];
            var c = computed.GetValueOrDefault(key) ?? [];
            foreach (var m in s.Keys.Union(c.Keys).Order(StringComparer.Ordinal))
            {
                n++;
                DirectValue? sv = s.TryGetValue(m, out var a) ? a : null;
                DirectValue? cv = c.TryGetValue(m, out var b) ? b : null;
                if (sv != cv)
                {
                    into.Add(new AnalyticsDifference(key, year, scope, m, sv, cv));
                }
            }
        }
        return n;
    }
}
