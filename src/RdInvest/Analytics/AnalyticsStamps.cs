using Microsoft.EntityFrameworkCore;
using RdInvest.Data;

namespace RdInvest.Analytics;

/// <summary>Reads and renews the data stamp (<see cref="AnalyticsStamp"/>).</summary>
public static class AnalyticsStamps
{
    /// <summary>The current stamp, or null when the database was never stamped (nothing may then be cached).</summary>
    public static Task<long?> ReadAsync(RdInvestDb db, CancellationToken ct) =>
        db.AnalyticsStamps.AsNoTracking().Where(s => s.Id == AnalyticsStamp.RowId).Select(s => (long?)s.Stamp).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Writes a fresh stamp in the caller's transaction. On PostgreSQL the audit chain's advisory lock is taken first,
    /// so every writer takes that lock before the stamp's row and two writers never wait on each other crosswise.
    /// </summary>
    public static async Task BumpAsync(RdInvestDb db, CancellationToken ct)
    {
        long stamp;
        do
        {
            stamp = Random.Shared.NextInt64(long.MinValue, long.MaxValue);
        }
        while (stamp == 0);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(770701)", ct);
        }
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO analytics_stamp ("Id", "Stamp") VALUES ({0}, {1})
            ON CONFLICT ("Id") DO UPDATE SET "Stamp" = excluded."Stamp"
            """, [AnalyticsStamp.RowId, stamp], ct);
    }
}
