using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace RdInvest.IntegrationTests.Fuzz;

/// <summary>
/// A cheap database-wide "was anything written" detector for the fuzz run: triggers on every table of the model but the
/// import log and the audit log (which record refused and unchanged imports by design) count every committed row
/// insert, update and delete (and, on PostgreSQL, every truncate) into one counter row, so one query after an import
/// tells whether it wrote — stronger than comparing checksums (a write that puts back the same value still counts) and
/// independent of how many rows the database holds. A rolled-back transaction rolls its counts back with it. On SQLite
/// the schema version is part of the reading too (a table created or dropped in the main schema).
/// It holds one connection open for the whole run; on SQLite that also keeps the WAL file from being checkpointed and
/// deleted every time the import's own connection closes (the connection string turns pooling off).
/// </summary>
public sealed class WriteDetector : IAsyncDisposable
{
    private const string Counter = "fuzz_writes";
    private readonly DbConnection _conn;
    private readonly bool _sqlite;

    private WriteDetector(DbConnection conn, bool sqlite)
    {
        _conn = conn;
        _sqlite = sqlite;
    }

    /// <summary>The tables the counter watches (for the report).</summary>
    public int Tables { get; private set; }

    public static async Task<WriteDetector> InstallAsync(TestDatabase t, CancellationToken ct)
    {
        List<string> tables;
        await using (var db = t.Open())
        {
            tables = db.Model.GetEntityTypes()
                .Where(e => e.GetTableName() is not null && e.GetViewName() is null)
                .Select(e => e.GetTableName()!)
                .Where(n => !n.StartsWith("import_run", StringComparison.Ordinal) && !n.StartsWith("audit", StringComparison.Ordinal))
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        }
        var sqlite = !TestDatabase.IsPostgres;
        DbConnection conn = sqlite ? new SqliteConnection(t.Target.ConnectionString) : new NpgsqlConnection(t.Target.ConnectionString);
        await conn.OpenAsync(ct);
        var detector = new WriteDetector(conn, sqlite) { Tables = tables.Count };
        await using var tx = await conn.BeginTransactionAsync(ct);
        await detector.ExecAsync($"CREATE TABLE {Counter} (n BIGINT NOT NULL); INSERT INTO {Counter} (n) VALUES (0);", tx, ct);
        if (!sqlite)
        {
            await detector.ExecAsync(
                $"CREATE FUNCTION {Counter}_count() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE {Counter} SET n = n + 1; RETURN NULL; END $$;", tx, ct);
        }
        foreach (var (table, i) in tables.Select((x, i) => (x, i)))
        {
            var q = "\"" + table.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            var name = "fuzz_w" + i.ToString(CultureInfo.InvariantCulture);
            await detector.ExecAsync(sqlite
                ? string.Concat(new[] { "INSERT", "UPDATE", "DELETE" }.Select(op =>
                    $"CREATE TRIGGER {name}_{op.ToLowerInvariant()} AFTER {op} ON {q} BEGIN UPDATE {Counter} SET n = n + 1; END;"))
                : $"CREATE TRIGGER {name} AFTER INSERT OR UPDATE OR DELETE ON {q} FOR EACH ROW EXECUTE FUNCTION {Counter}_count(); "
                  + $"CREATE TRIGGER {name}_t AFTER TRUNCATE ON {q} FOR EACH STATEMENT EXECUTE FUNCTION {Counter}_count();", tx, ct);
        }
        await tx.CommitAsync(ct);
        return detector;
    }

    /// <summary>The count of committed writes so far (and, on SQLite, the schema version): equal readings before and after
    /// an import mean it wrote nothing to any watched table.</summary>
    public async Task<string> ReadAsync(CancellationToken ct)
    {
        await using var cmd = _conn.CreateCommand();
        cmd.CommandText = _sqlite
            ? $"SELECT (SELECT n FROM {Counter}) || '/' || (SELECT schema_version FROM pragma_schema_version)"
            : $"SELECT n::text FROM {Counter}";
        return Convert.ToString(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) ?? "";
    }

    private async Task ExecAsync(string sql, DbTransaction tx, CancellationToken ct)
    {
        await using var cmd = _conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public ValueTask DisposeAsync() => _conn.DisposeAsync();
}
