using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using RdInvest.Data;

namespace RdInvest.Analytics;

/// <summary>
/// The process-wide cache of what reads compute from the data, keyed by the database (its connection string), the data
/// stamp read at the start of the request (<see cref="AnalyticsStamps.ReadAsync"/>) and the caller's key. A write renews
/// the stamp, so an entry is never served after the data it came from changed, whichever process wrote. Bounded: every
/// entry has a size (about one unit per division row it holds) and the least recently used go first past the limit.
/// Entries are shared between threads and must not be changed by their readers.
/// </summary>
public static class AnalyticsCache
{
    public const long SizeLimit = 50_000;

    private static readonly MemoryCache s_cache = new(new MemoryCacheOptions { SizeLimit = SizeLimit, CompactionPercentage = 0.25 });

    /// <summary>The cached value, else <paramref name="compute"/>'s, kept under the stamp; without a stamp nothing is kept.</summary>
    public static async Task<T> GetAsync<T>(RdInvestDb db, long? stamp, object key, Func<Task<T>> compute, Func<T, int>? size = null)
        where T : class
    {
        if (stamp is not { } s)
        {
            return await compute();
        }
        var full = new Key(db.Database.GetConnectionString() ?? "", s, key);
        if (s_cache.TryGetValue(full, out var hit) && hit is T value)
        {
            return value;
        }
        value = await compute();
        s_cache.Set(full, value, new MemoryCacheEntryOptions
        {
            Size = Math.Max(1, size?.Invoke(value) ?? 1),
            SlidingExpiration = TimeSpan.FromMinutes(30),
        });
        return value;
    }

    private sealed record Key(string Database, long Stamp, object What);
}
