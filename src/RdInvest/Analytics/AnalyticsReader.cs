using Microsoft.EntityFrameworkCore;
using RdInvest.Data;
using RdInvest.Indicators;

namespace RdInvest.Analytics;

/// <summary>
/// Where every figure read gets its direct values: the analytics tables for a year they hold (one indexed range of a
/// few thousand rows, whatever the number of records), else a computation from the records (a year never written, or
/// leading industries other than the ones the tables were computed with).
/// </summary>
public static class AnalyticsReader
{
    public static async Task<IReadOnlyDictionary<string, Dictionary<string, DirectValue>>> DivisionsAsync(RdInvestDb db, int year, bool preliminary,
        IReadOnlyList<string>? leadingPrefixes, CancellationToken ct)
    {
        var held = await db.AnalyticsYears.AsNoTracking().Where(y => y.Year == year).Select(y => y.LeadingPrefixes).FirstOrDefaultAsync(ct);
        if (held is not null && held == AnalyticsPlan.Join(leadingPrefixes))
        {
            return await AnalyticsStore.ReadAsync(db, year, preliminary, ct);
        }
        return (await new AnalyticsComputer(db).ComputeAsync(year, null, leadingPrefixes, ct)).Of(preliminary).ByDivision;
    }

    public static async Task<IReadOnlyDictionary<string, Dictionary<string, DirectValue>>> ParksAsync(RdInvestDb db, int year, CancellationToken ct)
    {
        if (await db.AnalyticsYears.AsNoTracking().AnyAsync(y => y.Year == year, ct))
        {
            return await AnalyticsStore.ReadParksAsync(db, year, ct);
        }
        return await new ParkAnalyticsComputer(db).ComputeAsync(year, null, ct);
    }
}
