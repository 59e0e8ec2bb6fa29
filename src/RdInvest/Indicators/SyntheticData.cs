using Microsoft.EntityFrameworkCore;
using RdInvest.Data;

namespace RdInvest.Indicators;

/// <summary>
/// Whether a year's unit records include synthetic (demo) ones: derived figures of that year then carry the 示例 badge.
/// Kept under the data stamp, so the records are looked at once per year after each write.
/// </summary>
public static class SyntheticData
{
    private static readonly object s_yes = new(), s_no = new();

    public static async Task<bool> InYearAsync(RdInvestDb db, int year, CancellationToken ct) =>
        ReferenceEquals(s_yes, await Analytics.AnalyticsCache.GetAsync(db, await Analytics.AnalyticsStamps.ReadAsync(db, ct), ("synthetic", year),
            async () => await db.RdRecords.AsNoTracking().AnyAsync(r => r.Year == year && r.IsSynthetic, ct) ? s_yes : s_no));
}
