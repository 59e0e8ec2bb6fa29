using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RdInvest.Data;
using RdInvest.Importing;

namespace RdInvest.IntegrationTests.Importing;

/// <summary>
/// A fresh database for one import test: a SQLite file, or a new PostgreSQL database when RDINVEST_TEST_PG holds
/// an admin connection string; schema and divisions as `rdinvest db init` makes them.
/// </summary>
public sealed class ImportTestDb : IAsyncDisposable
{
    public const string PgVariable = "RDINVEST_TEST_PG";
    private readonly string? _dir;
    private readonly string? _pgDatabase;
    private readonly string? _pgAdmin;

    private ImportTestDb(DbTarget target, string? dir, string? pgDatabase, string? pgAdmin)
    {
        Target = target;
        _dir = dir;
        _pgDatabase = pgDatabase;
        _pgAdmin = pgAdmin;
    }

    public DbTarget Target { get; }
    public string Dir { get; } = Directory.CreateTempSubdirectory("rdinvest-import-").FullName;

    public static string RepoRoot => RepoPaths.Root;

    public static string DataFile(string name) => Path.Combine(RepoRoot, "data", name);

    /// <summary>SQLite unless RDINVEST_TEST_PG is set: the suite runs once per provider (scripts/test.sh).</summary>
    public static async Task<ImportTestDb> CreateAsync()
    {
        ImportTestDb db;
        var cs = Environment.GetEnvironmentVariable(PgVariable);
        if (!string.IsNullOrWhiteSpace(cs))
        {
            var name = "rdinvest_test_" + Guid.NewGuid().ToString("N")[..12];
            var builder = new NpgsqlConnectionStringBuilder(cs) { Database = name, Pooling = false };
            await using (var admin = new NpgsqlConnection(cs))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
                await create.ExecuteNonQueryAsync();
            }
            db = new ImportTestDb(DbTarget.Parse(builder.ConnectionString), null, name, cs);
        }
        else
        {
            var dir = Directory.CreateTempSubdirectory("rdinvest-db-").FullName;
            db = new ImportTestDb(DbTarget.Parse(Path.Combine(dir, "test.db")), dir, null, null);
        }
        // The real schema (migrations) and reference data, as `rdinvest db init` makes them.
        await using var context = db.Target.CreateContext();
        await new DbInitHandler(context, db.Target, TimeProvider.System).HandleAsync(CancellationToken.None);
        return db;
    }

    public RdInvestDb Context() => Target.CreateContext();

    public async Task<ImportResult> ImportAsync(string kind, string path, string unit = "万元", string? encoding = null, bool dryRun = false)
    {
        Common.Money.TryParseUnit(unit, out var u);
        await using var context = Context();
        return await new ImportFileHandler(context, TimeProvider.System)
            .HandleAsync(new ImportRequest(kind, path, u, encoding, DryRun: dryRun, User: "test"), CancellationToken.None);
    }

    /// <summary>Every stored row of a kind as text, keys and values, for comparing whole databases.</summary>
    public async Task<List<string>> DumpAsync(string kindName)
    {
        var kind = ImportKinds.Get(kindName);
        var file = Path.Combine(Dir, $"dump-{kind.Name}-{Guid.NewGuid():N}.csv");
        await using (var context = Context())
        {
            await new Exporting.ExportHandler(context).HandleAsync(new Exporting.ExportRequest(kind.Name, file, Unit: Common.MoneyUnit.Yuan), CancellationToken.None);
        }
        return [.. File.ReadAllLines(file)];
    }

    public async Task<long> CountAsync(string table)
    {
        await using var context = Context();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_dir is not null)
        {
            TryDelete(_dir);
        }
        TryDelete(Dir);
        if (_pgDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(_pgAdmin);
            await admin.OpenAsync();
            await using var cmd = admin.CreateCommand();
            cmd.CommandText = $"DROP DATABASE IF EXISTS \"{_pgDatabase}\" WITH (FORCE)";
            await cmd.ExecuteNonQueryAsync();
        }
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; the OS cleans /tmp.
        }
    }
}
