using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using RdInvest.Data;

namespace RdInvest.Importing;

/// <summary>
/// The provider's own bulk path into a transaction-scoped staging table: batched prepared inserts on SQLite,
/// binary COPY on PostgreSQL. EF change tracking takes 70–120 s for a million rows; these take seconds.
/// </summary>
public interface IBulkLoader
{
    /// <summary>Creates an empty temporary table with the given columns of <paramref name="table"/> (same types).</summary>
    Task CreateStageAsync(string stage, string table, IReadOnlyList<string> columns, CancellationToken ct);

    /// <summary>Streams rows into the stage; returns the number written.</summary>
    Task<long> LoadAsync(string stage, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken ct);

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

    public async Task<long> LoadAsync(string stage, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = $"INSERT INTO {IBulkLoader.Quote(stage)} ({string.Join(", ", columns.Select(IBulkLoader.Quote))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
        var parameters = columns.Select((_, i) => cmd.Parameters.Add(new SqliteParameter("$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), null))).ToArray();
        cmd.Prepare();
        long n = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
            }
            await cmd.ExecuteNonQueryAsync(ct);
            n++;
        }
        return n;
    }

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

    public async Task<long> LoadAsync(string stage, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {IBulkLoader.Quote(stage)} ({string.Join(", ", columns.Select(IBulkLoader.Quote))}) FROM STDIN (FORMAT BINARY)", ct);
        long n = 0;
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            foreach (var value in row)
            {
                switch (value)
                {
                    case null: await writer.WriteNullAsync(ct); break;
                    case long l: await writer.WriteAsync(l, NpgsqlDbType.Bigint, ct); break;
                    case int i: await writer.WriteAsync(i, NpgsqlDbType.Integer, ct); break;
                    case bool b: await writer.WriteAsync(b, NpgsqlDbType.Boolean, ct); break;
                    case string s: await writer.WriteAsync(s, NpgsqlDbType.Text, ct); break;
                    case DateOnly d: await writer.WriteAsync(d, NpgsqlDbType.Date, ct); break;
                    default: throw new NotSupportedException(value.GetType().Name);
                }
            }
            n++;
        }
        await writer.CompleteAsync(ct);
        return n;
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
