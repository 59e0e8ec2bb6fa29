using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RdInvest.Auditing;
using RdInvest.Common;
using RdInvest.Data;

namespace RdInvest.Backup;

/// <summary>What a backup holds and how it was checked.</summary>
/// <param name="Database">The database backed up (without a password).</param>
/// <param name="File">The backup file.</param>
/// <param name="Format"><c>sqlite</c> (a database file) or <c>pg_dump</c> (PostgreSQL custom format, for pg_restore).</param>
/// <param name="Bytes">Size of the file.</param>
/// <param name="Sha256">SHA-256 of the file, to record beside it.</param>
/// <param name="AuditIntact">The audit chain verified intact (in the copy for SQLite; in the database at dump time for PostgreSQL).</param>
/// <param name="AuditEntries">Sealed audit entries.</param>
/// <param name="AuditHead">The newest entry as SEQ:HASH — keep it: <c>audit verify --anchor</c> later proves nothing was removed.</param>
/// <param name="Rows">Rows per table in the backup.</param>
public sealed record BackupResult(string Database, string File, string Format, long Bytes, string Sha256, bool AuditIntact, long AuditEntries,
    string? AuditHead, IReadOnlyDictionary<string, long> Rows);

/// <summary>
/// `rdinvest backup --out FILE`: a consistent copy of the whole database taken while it is in use. SQLite
/// uses its online backup API into a temporary file, checks the copy (integrity check, audit chain, row counts) and
/// only then renames it into place; PostgreSQL runs the server's own <c>pg_dump</c> in custom format and checks the
/// archive with <c>pg_restore --list</c>. An existing file is never overwritten, and a failed backup leaves no file.
/// <c>rdinvest restore FILE</c> (<see cref="RestoreHandler"/>) puts a backup back.
/// </summary>
public sealed class BackupHandler(DbTarget target)
{
    public async Task<BackupResult> HandleAsync(string outPath, CancellationToken ct)
    {
        var path = Path.GetFullPath(outPath);
        if (File.Exists(path))
        {
            throw new UserError($"备份文件已存在，不会覆盖：{path}", $"the backup file exists and is never overwritten: {path}", 2);
        }
        var dir = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(dir))
        {
            throw new UserError($"目录不存在：{dir}", $"no such folder: {dir}", 2);
        }
        await using (var db = target.CreateContext())
        {
            await Schema.RequireAsync(db, ct);
        }
        var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.partial");
        try
        {
            var result = target.Provider == DbProvider.Sqlite
                ? await SqliteAsync(temp, path, ct)
                : await PostgresAsync(temp, path, ct);
            File.Move(temp, path);
            return result;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private async Task<BackupResult> SqliteAsync(string temp, string path, CancellationToken ct)
    {
        await using (var source = new SqliteConnection(target.ConnectionString))
        await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temp, Pooling = false }.ToString()))
        {
            await source.OpenAsync(ct);
            await copy.OpenAsync(ct);
            source.BackupDatabase(copy);
            await using var cmd = copy.CreateCommand();
            cmd.CommandText = "PRAGMA integrity_check";
            var check = (string?)await cmd.ExecuteScalarAsync(ct);
            if (check != "ok")
            {
                throw new UserError($"备份副本的完整性检查失败：{check}", $"the backup copy failed its integrity check: {check}");
            }
        }
        await using var db = DbTarget.Parse(temp).CreateContext();
        return await ResultAsync(db, path, "sqlite", temp, ct);
    }

    private async Task<BackupResult> PostgresAsync(string temp, string path, CancellationToken ct)
    {
        var pgDump = PgTools.Find("pg_dump");
        var pgRestore = PgTools.Find("pg_restore");
        var env = PgTools.Environment(target.ConnectionString);
        // The chain is read just before the dump; pg_dump's snapshot holds at least these entries.
        await using var db = target.CreateContext();
        var result = await ResultAsync(db, path, "pg_dump", null, ct);
        await PgTools.RunAsync(pgDump, ["--format=custom", "--no-owner", "--file", temp], env, ct);
        await PgTools.RunAsync(pgRestore, ["--list", temp], env, ct);
        return result with { Bytes = new FileInfo(temp).Length, Sha256 = await HashAsync(temp, ct) };
    }

    private async Task<BackupResult> ResultAsync(RdInvestDb db, string path, string format, string? file, CancellationToken ct)
    {
        var verify = await AuditChain.VerifyAsync(db, ct);
        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal)
        {
            ["divisions"] = await db.Divisions.LongCountAsync(ct),
            ["units"] = await db.Units.LongCountAsync(ct),
            ["rd_records"] = await db.RdRecords.LongCountAsync(ct),
            ["division_figures"] = await db.DivisionFigures.LongCountAsync(ct),
            ["certifications"] = await db.Certifications.LongCountAsync(ct),
            ["parks"] = await db.Parks.LongCountAsync(ct),
            ["park_figures"] = await db.ParkFigures.LongCountAsync(ct),
            ["projects"] = await db.Projects.LongCountAsync(ct),
            ["platforms"] = await db.Platforms.LongCountAsync(ct),
            ["platform_evaluations"] = await db.PlatformEvaluations.LongCountAsync(ct),
            ["plans"] = await db.Plans.LongCountAsync(ct),
            ["approvals"] = await db.Approvals.LongCountAsync(ct),
            ["notifications"] = await db.Notifications.LongCountAsync(ct),
            ["users"] = await db.Users.LongCountAsync(ct),
            ["audit"] = await db.Audit.LongCountAsync(ct),
        };
        return new BackupResult(target.Describe(), path, format, file is null ? 0 : new FileInfo(file).Length, file is null ? "" : await HashAsync(file, ct),
            verify.Intact, verify.Entries, verify.HeadSeq is { } s ? new AuditAnchor(s, verify.HeadHash!).ToString() : null, rows);
    }

    private static async Task<string> HashAsync(string path, CancellationToken ct)
    {
        await using var s = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(s, ct));
    }
}
