using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RdInvest.Auditing;
using RdInvest.Common;
using RdInvest.Data;

namespace RdInvest.Backup;

/// <summary>What a restore put in place and how it was checked.</summary>
/// <param name="Database">The database restored into (without a password).</param>
/// <param name="File">The backup file read.</param>
/// <param name="Format"><c>sqlite</c> or <c>pg_dump</c>.</param>
/// <param name="Replaced">An existing database was replaced (only with <c>--force</c> when it was newer or different).</param>
/// <param name="AuditIntact">The restored audit chain verified intact (and against the anchor, when one was given).</param>
/// <param name="AuditEntries">Sealed audit entries restored.</param>
/// <param name="AuditHead">The restored chain's newest entry as SEQ:HASH.</param>
/// <param name="AnchorChecked">The anchor given, verified against the restored chain; null when none was given.</param>
/// <param name="Tables">Rows and content checksum per table of the restored database.</param>
public sealed record RestoreResult(string Database, string File, string Format, bool Replaced, bool AuditIntact, long AuditEntries,
    string? AuditHead, string? AnchorChecked, IReadOnlyDictionary<string, TableChecksum> Tables);

/// <summary>
/// `rdinvest restore FILE`: puts back a backup `rdinvest backup` wrote. SQLite: the file must pass
/// <c>integrity_check</c> and hold an intact audit chain; it is copied into the target with SQLite's backup API, which
/// replaces the target in one transaction (a failure leaves the target as it was). A target whose audit chain goes
/// further than the backup's, or differs from it, is newer or another database and is only replaced with
/// <c>--force</c>. PostgreSQL: <c>pg_restore</c> into an empty database in a single transaction; a database that
/// already holds tables is only replaced with <c>--force</c> (objects dropped and recreated in the same transaction).
/// Afterwards the chain is verified, against the anchor printed at backup time when one is given.
/// </summary>
public sealed class RestoreHandler(DbTarget target)
{
    public async Task<RestoreResult> HandleAsync(string file, bool force, AuditAnchor? anchor, CancellationToken ct)
    {
        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
        {
            throw new UserError($"备份文件不存在：{path}", $"no such backup file: {path}", 2);
        }
        var replaced = target.Provider == DbProvider.Sqlite
            ? await SqliteAsync(path, force, ct)
            : await PostgresAsync(path, force, ct);
        await using var db = target.CreateContext();
        var verify = await AuditChain.VerifyAsync(db, ct, anchor);
        var tables = await TableChecksums.ComputeAsync(db, ct);
        return new RestoreResult(target.Describe(), path, target.Provider == DbProvider.Sqlite ? "sqlite" : "pg_dump", replaced,
            verify.Intact, verify.Entries, verify.HeadSeq is { } s ? new AuditAnchor(s, verify.HeadHash!).ToString() : null,
            anchor?.ToString(), tables);
    }

    private async Task<bool> SqliteAsync(string path, bool force, CancellationToken ct)
    {
        var source = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        AuditAnchor backupHead;
        await using (var check = new SqliteConnection(source))
        {
            try
            {
                await check.OpenAsync(ct);
                await using var cmd = check.CreateCommand();
                cmd.CommandText = "PRAGMA integrity_check";
                var result = (string?)await cmd.ExecuteScalarAsync(ct);
                if (result != "ok")
                {
                    throw new UserError($"备份文件未通过完整性检查：{result}", $"the backup file failed its integrity check: {result}");
                }
            }
            catch (SqliteException e)
            {
                throw new UserError($"不是有效的 SQLite 备份文件：{path}（{e.Message}）", $"not a valid SQLite backup file: {path} ({e.Message})");
            }
        }
        await using (var backup = DbTarget.Parse(source).CreateContext())
        {
            backupHead = await ChainHeadAsync(backup, path, ct);
        }
        var dest = new SqliteConnectionStringBuilder(target.ConnectionString).DataSource;
        var replaced = File.Exists(dest) && new FileInfo(dest).Length > 0;
        if (replaced && !force)
        {
            await using var current = target.CreateContext();
            await using var backup = DbTarget.Parse(source).CreateContext();
            var reason = await NewerOrDifferentAsync(current, backup, backupHead, ct);
            if (reason is { } r)
            {
                throw new UserError($"{r.Zh}；不会覆盖，确认要替换请加 --force", $"{r.En}; not overwritten: add --force to replace it", 2);
            }
        }
        await using var from = new SqliteConnection(source);
        await using var to = new SqliteConnection(new SqliteConnectionStringBuilder(target.ConnectionString) { Pooling = false }.ToString());
        await from.OpenAsync(ct);
        await to.OpenAsync(ct);
        from.BackupDatabase(to);
        return replaced;
    }

    /// <summary>Why the database in place may not be silently replaced by a backup whose chain ends at <paramref name="backupHead"/>.</summary>
    private static async Task<(string Zh, string En)?> NewerOrDifferentAsync(RdInvestDb current, RdInvestDb backup, AuditAnchor backupHead, CancellationToken ct)
    {
        AuditAnchor? head;
        try
        {
            head = await AuditChain.HeadAsync(current, ct);
        }
        catch (Exception e) when (e is System.Data.Common.DbException)
        {
            return ("目标文件已存在且不是 RdInvest 数据库", "the target file exists and is not an RdInvest database");
        }
        if (head is null)
        {
            return null;
        }
        if (head.Seq > backupHead.Seq)
        {
            return ($"目标数据库比备份新（审计日志到第 {head.Seq} 条，备份到第 {backupHead.Seq} 条）",
                $"the database in place is newer than the backup (its audit log reaches entry {head.Seq}, the backup's {backupHead.Seq})");
        }
        // The database in place is older than the backup only when its chain is a prefix of the backup's.
        var prefix = await backup.Audit.AsNoTracking().AnyAsync(a => a.Seq == head.Seq && a.Hash == head.Hash, ct);
        return prefix ? null : ("目标数据库与备份不是同一条审计链", "the database in place and the backup are not the same audit chain");
    }

    private static async Task<AuditAnchor> ChainHeadAsync(RdInvestDb backup, string path, CancellationToken ct)
    {
        try
        {
            var verify = await AuditChain.VerifyAsync(backup, ct);
            if (!verify.Intact)
            {
                throw new UserError($"备份中的审计日志已被篡改：{verify.ReasonZh}", $"the audit log in the backup is broken: {verify.ReasonEn}");
            }
            return verify.HeadSeq is { } s ? new AuditAnchor(s, verify.HeadHash!) : new AuditAnchor(0, "");
        }
        catch (SqliteException)
        {
            throw new UserError($"不是 RdInvest 的备份文件（没有审计日志）：{path}", $"not an RdInvest backup (it has no audit log): {path}");
        }
    }

    private async Task<bool> PostgresAsync(string path, bool force, CancellationToken ct)
    {
        var pgRestore = PgTools.Find("pg_restore");
        var env = PgTools.Environment(target.ConnectionString);
        await PgTools.RunAsync(pgRestore, ["--list", path], env, ct);
        await EnsureDatabaseAsync(ct);
        long tables;
        await using (var conn = new NpgsqlConnection(target.ConnectionString))
        {
            await conn.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", conn);
            tables = (long)(await cmd.ExecuteScalarAsync(ct))!;
        }
        if (tables > 0 && !force)
        {
            throw new UserError($"目标数据库不是空的（{tables} 张表）；不会覆盖，确认要替换请加 --force",
                $"the target database is not empty ({tables} tables); not overwritten: add --force to replace it", 2);
        }
        var database = new NpgsqlConnectionStringBuilder(target.ConnectionString).Database!;
        if (tables > 0)
        {
            await ReplaceAsync(pgRestore, path, database, env, ct);
        }
        else
        {
            await PgTools.RunAsync(pgRestore, ["--no-owner", "--single-transaction", "--exit-on-error", "--dbname", database, path], env, ct);
        }
        NpgsqlConnection.ClearAllPools();
        return tables > 0;
    }

    /// <summary>
    /// Replaces a non-empty database in one transaction: the old schema dropped and the backup's script run by psql
    /// together, so a failure leaves the old data. (pg_restore --clean cannot drop the primary keys of a partitioned
    /// table's partitions, which rd_records has on PostgreSQL.)
    /// </summary>
    private static async Task ReplaceAsync(string pgRestore, string path, string database, Dictionary<string, string?> env, CancellationToken ct)
    {
        var script = Path.Combine(Path.GetTempPath(), $"rdinvest-restore-{Guid.NewGuid():N}.sql");
        try
        {
            await PgTools.RunAsync(pgRestore, ["--no-owner", "--file", script, path], env, ct);
            await PgTools.RunAsync(PgTools.Find("psql"), ["--no-psqlrc", "--quiet", "--set", "ON_ERROR_STOP=1", "--single-transaction",
                "--command", "DROP SCHEMA public CASCADE; CREATE SCHEMA public;", "--file", script, "--dbname", database], env, ct);
        }
        finally
        {
            File.Delete(script);
        }
    }

    /// <summary>Creates the target database when it does not exist yet (restoring onto a new server).</summary>
    private async Task EnsureDatabaseAsync(CancellationToken ct)
    {
        var cs = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        var name = cs.Database!;
        var admin = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres", Pooling = false };
        await using var conn = new NpgsqlConnection(admin.ConnectionString);
        await conn.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", conn);
        exists.Parameters.AddWithValue("n", name);
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", conn);
            await create.ExecuteNonQueryAsync(ct);
        }
    }
}
