using Microsoft.EntityFrameworkCore;

namespace RdInvest.Data.Partitioning;

/// <summary>
/// Keeps one partition per year: a year without one lands in the DEFAULT partition (nothing is refused), and
/// <see cref="SplitDefaultAsync"/>, run by every `rdinvest db init` (also at `rdinvest serve` start and by `rdinvest demo`), moves such years
/// into partitions of their own. An operator may also run <c>SELECT rd_records_add_year(2031)</c> ahead of a year.
/// </summary>
public static class RdPartitions
{
    /// <summary>Gives every year found in the DEFAULT partition a partition of its own; the number created (0 on SQLite).</summary>
    public static async Task<int> SplitDefaultAsync(RdInvestDb db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return 0;
        }
        var created = await db.Database.SqlQueryRaw<int>("SELECT rd_records_split_default() AS \"Value\"").ToListAsync(ct);
        return created.Single();
    }

    /// <summary>The partitions of rd_records with their year ranges as PostgreSQL states them (empty on SQLite).</summary>
    public static async Task<IReadOnlyList<string>> ListAsync(RdInvestDb db, CancellationToken ct) =>
        !db.Database.IsNpgsql() ? []
        : await db.Database.SqlQueryRaw<string>(
            "SELECT c.relname || ' ' || pg_get_expr(c.relpartbound, c.oid) AS \"Value\" FROM pg_inherits i " +
            "JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'rd_records'::regclass ORDER BY c.relname").ToListAsync(ct);
}
