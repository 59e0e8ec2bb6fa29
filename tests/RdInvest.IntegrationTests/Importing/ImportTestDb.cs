using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RdInvest.Data;
using RdInvest.Importing;

namespace RdInvest.IntegrationTests.Importing;

/// <summary>
/// A fresh database for one import test (a <see cref="TestDatabase"/>: SQLite, or PostgreSQL when RDINVEST_TEST_PG is
/// set), schema and divisions as `rdinvest db init` makes them, a folder for the test's files, and the import helpers.
/// </summary>
public sealed class ImportTestDb : IAsyncDisposable
{
    private readonly TestDatabase _database;

    private ImportTestDb(TestDatabase database) => _database = database;

    public DbTarget Target => _database.Target;

    public string Dir { get; } = Directory.CreateTempSubdirectory("rdinvest-import-").FullName;

    public static string RepoRoot => RepoPaths.Root;

    public static string DataFile(string name) => RepoPaths.Of("data", name);

    public static async Task<ImportTestDb> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await database.InitAsync();
        return new ImportTestDb(database);
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
        await _database.DisposeAsync();
        TryDelete(Dir);
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
