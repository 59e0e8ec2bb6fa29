using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;
using RdInvest.Data;

namespace RdInvest.Importing;

/// <summary>
/// The provider's own bulk path into a transaction-scoped staging table: a prepared INSERT bound by position on SQLite, binary
/// COPY on PostgreSQL, fed batch by batch while the file is still being parsed (see <see cref="StagePipeline"/>).
/// EF change tracking takes 70–120 s for a million rows; these take seconds.
/// </summary>
public interface IBulkLoader
{
    /// <summary>Creates an empty temporary table with the given columns of <paramref name="table"/> (same types).</summary>
    Task CreateStageAsync(string stage, string table, IReadOnlyList<string> columns, CancellationToken ct);

    /// <summary>Streams batches of rows into the stage; returns the number written.</summary>
    Task<long> LoadAsync(string stage, IReadOnlyList<string> columns, IAsyncEnumerable<IReadOnlyList<object?[]>> batches, CancellationToken ct);

    /// <summary>Makes the stage ready for the merge: PostgreSQL gathers its statistics (a temporary table has none,
    /// so the planner would guess its size and may pick a nested loop over a million rows).</summary>
    Task PrepareStageAsync(string stage, CancellationToken ct);

    /// <summary>SQL that is true when two values are equal or both null.</summary>
    string Same(string a, string b);

    /// <summary>SQL for a JSON object text of the given name → expression pairs.</summary>
    string JsonObject(IEnumerable<(string Name, string Expr)> pairs);

    static IBulkLoader For(DbConnection connection, DbTransaction transaction) => connection switch
    {
        SqliteConnection s => new SqliteBulkLoader(s, (SqliteTransaction)transaction),
        NpgsqlConnection n => new NpgsqlBulkLoader(n),
        _ => throw new NotSupportedException(connection.GetType().Name),
    };

    internal static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

internal sealed class SqliteBulkLoader(SqliteConnection connection, SqliteTransaction transaction) : IBulkLoader
{
    public async Task CreateStageAsync(string stage, string table, IReadOnlyList<string> columns, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = $"""
            DROP TABLE IF EXISTS temp.{IBulkLoader.Quote(stage)};
            CREATE TEMP TABLE {IBulkLoader.Quote(stage)} AS SELECT {string.Join(", ", columns.Select(IBulkLoader.Quote))}
            FROM {IBulkLoader.Quote(table)} WHERE 0 = 1;
            """;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<long> LoadAsync(string stage, IReadOnlyList<string> columns, IAsyncEnumerable<IReadOnlyList<object?[]>> batches, CancellationToken ct)
    {
        // What the sqlite3 shell's .import does: one prepared INSERT, values bound by position, stepped and reset per row,
        // all in the caller's transaction. Straight on SQLite's API: ADO.NET binds parameters by name on every execution,
        // a lookup per parameter that costs more than the insert itself.
        var db = connection.Handle ?? throw new InvalidOperationException("the SQLite connection is not open");
        var sql = $"INSERT INTO {IBulkLoader.Quote(stage)} ({string.Join(", ", columns.Select(IBulkLoader.Quote))}) " +
            $"VALUES ({string.Join(", ", columns.Select(_ => "?"))})";
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var stmt));
        using (stmt)
        {
            long n = 0;
            await foreach (var batch in batches.WithCancellation(ct))
            {
                foreach (var row in batch)
                {
                    for (var c = 0; c < row.Length; c++)
                    {
                        Check(db, Bind(stmt, c + 1, row[c]));
                    }
                    if (raw.sqlite3_step(stmt) != raw.SQLITE_DONE)
                    {
                        Check(db, raw.sqlite3_reset(stmt));
                    }
                    raw.sqlite3_reset(stmt);
                }
                n += batch.Count;
            }
            return n;
        }
    }

    /// <summary>Binds a staged value as Microsoft.Data.Sqlite would: integers, text, booleans as 0/1, dates as ISO text.</summary>
    private static int Bind(sqlite3_stmt stmt, int index, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(stmt, index),
        long l => raw.sqlite3_bind_int64(stmt, index, l),
        int i => raw.sqlite3_bind_int64(stmt, index, i),
        bool b => raw.sqlite3_bind_int64(stmt, index, b ? 1 : 0),
        string s => raw.sqlite3_bind_text(stmt, index, s),
        DateOnly d => raw.sqlite3_bind_text(stmt, index, d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        _ => throw new NotSupportedException(value.GetType().Name),
    };

    private static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(db).utf8_to_string()}'.", rc);
        }
    }

    // SQLite plans the merge from the unique index of the kind's table; statistics of the stage would cost a scan.
    public Task PrepareStageAsync(string stage, CancellationToken ct) => Task.CompletedTask;

    public string Same(string a, string b) => $"{a} IS {b}";

    public string JsonObject(IEnumerable<(string Name, string Expr)> pairs) =>
        $"json_object({string.Join(", ", pairs.Select(p => $"'{p.Name}', {p.Expr}"))})";
}

internal sealed class NpgsqlBulkLoader(NpgsqlConnection connection) : IBulkLoader
{
    public async Task CreateStageAsync(string stage, string table, IReadOnlyList<string> columns, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            DROP TABLE IF EXISTS {IBulkLoader.Quote(stage)};
            CREATE TEMP TABLE {IBulkLoader.Quote(stage)} ON COMMIT DROP AS SELECT {string.Join(", ", columns.Select(IBulkLoader.Quote))}
            FROM {IBulkLoader.Quote(table)} WHERE false;
            """;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<long> LoadAsync(string stage, IReadOnlyList<string> columns, IAsyncEnumerable<IReadOnlyList<object?[]>> batches, CancellationToken ct)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {IBulkLoader.Quote(stage)} ({string.Join(", ", columns.Select(IBulkLoader.Quote))}) FROM STDIN (FORMAT BINARY)", ct);
        long n = 0;
        await foreach (var batch in batches.WithCancellation(ct))
        {
            // A batch is in memory: write it synchronously (the writer only blocks when its buffer goes to the server).
            foreach (var row in batch)
            {
                writer.StartRow();
                foreach (var value in row)
                {
                    switch (value)
                    {
                        case null: writer.WriteNull(); break;
                        case long l: writer.Write(l, NpgsqlDbType.Bigint); break;
                        case int i: writer.Write(i, NpgsqlDbType.Integer); break;
                        case bool b: writer.Write(b, NpgsqlDbType.Boolean); break;
                        case string s: writer.Write(s, NpgsqlDbType.Text); break;
                        case DateOnly d: writer.Write(d, NpgsqlDbType.Date); break;
                        default: throw new NotSupportedException(value.GetType().Name);
                    }
                }
            }
            n += batch.Count;
        }
        await writer.CompleteAsync(ct);
        return n;
    }

    public async Task PrepareStageAsync(string stage, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"ANALYZE {IBulkLoader.Quote(stage)}";
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public string Same(string a, string b) => $"{a} IS NOT DISTINCT FROM {b}";

    public string JsonObject(IEnumerable<(string Name, string Expr)> pairs) =>
        $"json_build_object({string.Join(", ", pairs.Select(p => $"'{p.Name}', {p.Expr}"))})::text";
}

/// <summary>Table and column names of a kind, read from the EF model so renames stay in one place.</summary>
public sealed record KindTable(string Table, IReadOnlyDictionary<string, string> Columns)
{
    public string Column(string property) => Columns[property];

    public static KindTable For(RdInvestDb db, Type entity)
    {
        var type = db.Model.FindEntityType(entity) ?? throw new InvalidOperationException($"{entity.Name} is not mapped");
        var table = type.GetTableName()!;
        var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, type.GetSchema());
        return new KindTable(table, type.GetProperties().ToDictionary(p => p.Name, p => p.GetColumnName(store)!));
    }
}
