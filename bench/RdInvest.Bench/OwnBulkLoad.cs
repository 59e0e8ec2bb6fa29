using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using RdInvest.Data;

namespace RdInvest.Bench;

/// <summary>
/// The database's own bulk load of a CSV file into a scratch table — the baseline the benchmarks divide by.
/// PostgreSQL: <c>COPY … FROM STDIN (FORMAT csv)</c> into an unlogged table; SQLite: one transaction of prepared INSERTs,
/// which is what the sqlite3 shell's <c>.import</c> does (values go in as text; the column affinity converts them).
/// </summary>
public static class OwnBulkLoad
{
    public static async Task CsvAsync(DbTarget target, string file, string table, string columns)
    {
        var count = columns.Split(',').Length;
        if (target.Provider == DbProvider.Postgres)
        {
            await using var conn = new NpgsqlConnection(target.ConnectionString);
            await conn.OpenAsync();
            await using (var cmd = new NpgsqlCommand($"DROP TABLE IF EXISTS {table}; CREATE UNLOGGED TABLE {table} ({columns})", conn))
            {
                await cmd.ExecuteNonQueryAsync();
            }
            await using var writer = await conn.BeginTextImportAsync($"COPY {table} FROM STDIN (FORMAT csv, HEADER true)");
            using var reader = new StreamReader(file);
            var buffer = new char[1 << 16];
            int n;
            while ((n = await reader.ReadAsync(buffer)) > 0)
            {
                await writer.WriteAsync(buffer, 0, n);
            }
            return;
        }
        await using var sqlite = new SqliteConnection(target.ConnectionString);
        await sqlite.OpenAsync();
        await using (var cmd = sqlite.CreateCommand())
        {
            cmd.CommandText = $"DROP TABLE IF EXISTS {table}; CREATE TABLE {table} ({columns})";
            await cmd.ExecuteNonQueryAsync();
        }
        await using var tx = (SqliteTransaction)await sqlite.BeginTransactionAsync();
        await using var insert = sqlite.CreateCommand();
        insert.Transaction = tx;
        var names = Enumerable.Range(1, count).Select(i => "$" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        insert.CommandText = $"INSERT INTO {table} VALUES ({string.Join(',', names)})";
        var ps = names.Select(p => insert.Parameters.Add(p, SqliteType.Text)).ToArray();
        insert.Prepare();
        using var csv = Sylvan.Data.Csv.CsvDataReader.Create(file);
        while (await csv.ReadAsync())
        {
            for (var i = 0; i < count; i++)
            {
                ps[i].Value = csv.GetString(i);
            }
            await insert.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
    }
}
