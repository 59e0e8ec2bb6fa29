using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using RdInvest.Data;

namespace RdInvest.Analytics;

public sealed record AnalyticsRebuildResult(IReadOnlyList<int> Years, long Rows, long ParkRows, TimeSpan Elapsed);

/// <summary>`rdinvest analytics rebuild`: recomputes the analytics tables from the records, in one transaction.</summary>
public sealed class AnalyticsRebuildHandler(RdInvestDb db)
{
    public async Task<AnalyticsRebuildResult> HandleAsync(CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var years = await AnalyticsRefresh.RebuildAsync(db, ct);
        await tx.CommitAsync(ct);
        var rows = await db.AnalyticsMeasures.LongCountAsync(ct);
        var parkRows = await db.AnalyticsParkMeasures.LongCountAsync(ct);
        return new AnalyticsRebuildResult(years, rows, parkRows, watch.Elapsed);
    }
}
