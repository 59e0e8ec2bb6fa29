using Microsoft.Data.Sqlite;
using Npgsql;
using RdInvest.Data;
using RdInvest.Importing;

namespace RdInvest.Bench;

/// <summary>
/// One database the scale benchmark runs on: a fresh SQLite file or a fresh PostgreSQL database (created from an admin
/// connection string and dropped afterwards), with what the sqlite3 / psql shells need to load the same CSV themselves.
/// </summary>
public sealed class ScaleTarget(string provider, string dir, string? pgAdmin) : IAsyncDisposable
{
    private readonly List<string> _databases = [];
    private int _n;

    public string Provider => provider;

    /// <summary>A new empty database: its connection text for <c>--db</c>.</summary>
    public async Task<DbTarget> FreshAsync()
    {
        _n++;
        if (provider == "sqlite")
        {
            var file = Path.Combine(dir, $"bench-{_n}.db");
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(f);
            }
            return DbTarget.Parse(file);
        }
        var name = $"rdinvest_bench_{Environment.ProcessId}_{_n}";
        await AdminAsync($"DROP DATABASE IF EXISTS \"{name}\"");
        await AdminAsync($"CREATE DATABASE \"{name}\"");
        _databases.Add(name);
        return DbTarget.Parse(new NpgsqlConnectionStringBuilder(pgAdmin) { Database = name }.ConnectionString);
    }

    /// <summary>Schema, reference data and the units file, in process (not timed).</summary>
    public static async Task<double> PrepareAsync(DbTarget target, GeneratedData data)
    {
        await using var db = target.CreateContext();
        await new DbInitHandler(db, target, TimeProvider.System).HandleAsync(CancellationToken.None);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var r = await new ImportFileHandler(db, TimeProvider.System).HandleAsync(new ImportRequest("units", data.Units), CancellationToken.None);
        if (r.Errors > 0 || r.Inserted != data.UnitCount)
        {
            throw new InvalidOperationException($"units: {r.Errors} errors, {r.Inserted} inserted; first: {r.Findings.FirstOrDefault()?.MessageEn}");
        }
        return sw.Elapsed.TotalSeconds;
    }

    /// <summary>The shell command that loads the rd CSV into a bare table of the same columns, and its environment.</summary>
    public async Task<(string File, List<string> Args, Dictionary<string, string> Env)> BaselineAsync(GeneratedData data)
    {
        const string Columns = "credit_code text, year integer, rd_total numeric, gov_funds numeric, enterprise_funds numeric, " +
            "foreign_funds numeric, other_funds numeric, personnel_headcount integer, revenue numeric, has_rd_institution text";
        if (provider == "sqlite")
        {
            var file = Path.Combine(dir, "baseline.db");
            File.Delete(file);
            await using (var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString()))
            {
                await c.OpenAsync();
                await using var cmd = c.CreateCommand();
                cmd.CommandText = $"CREATE TABLE bare ({Columns})";
                await cmd.ExecuteNonQueryAsync();
            }
            return ("/usr/bin/sqlite3", [file, $".import --csv --skip 1 {data.Rd} bare"], []);
        }
        var target = await FreshAsync();
        var cs = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        await using (var c = new NpgsqlConnection(cs.ConnectionString))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE TABLE bare ({Columns})", c);
            await cmd.ExecuteNonQueryAsync();
        }
        var conninfo = $"host={cs.Host} port={cs.Port} user={cs.Username} dbname={cs.Database}";
        return ("/usr/bin/psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", conninfo, "-c", $"\\copy bare FROM '{data.Rd}' WITH (FORMAT csv, HEADER true)"],
            new Dictionary<string, string> { ["PGPASSWORD"] = cs.Password ?? "" });
    }

    private async Task AdminAsync(string sql)
    {
        await using var c = new NpgsqlConnection(pgAdmin);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var name in _databases)
        {
            await AdminAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }
}
