using Microsoft.EntityFrameworkCore;
using RdInvest.Data;

namespace RdInvest.Importing;

/// <summary>
/// Imports into one database run one at a time, each whole: a second import waits for the first to commit or roll back
/// before it reads anything, so its comparison, revisions and audit entries see the first one's result, never a mix.
/// SQLite gets this from its write transaction (<c>BEGIN IMMEDIATE</c> waits for the writer before it); PostgreSQL
/// from a transaction-level advisory lock taken first thing in the import's transaction.
/// </summary>
public static class ImportLock
{
    /// <summary>The advisory-lock key of imports ("RdImport" in ASCII).</summary>
    private const long Key = 0x5264496d706f7274;

    public static async Task AcquireAsync(RdInvestDb db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({Key})", ct);
        }
    }
}
