using Npgsql;
using RdInvest.Data;

namespace RdInvest.IntegrationTests;

/// <summary>
/// A fresh, empty database for one test: a temporary SQLite file, or — when RDINVEST_TEST_PG holds an admin
/// connection string — a new PostgreSQL database dropped afterwards. The whole suite runs once per provider.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PgVariable = "RDINVEST_TEST_PG";

    private readonly string? _pgAdmin;
    private readonly string? _pgName;
    private readonly string? _file;

    public DbTarget Target { get; }

    /// <summary>The text a user would pass to --db.</summary>
    public string DbArgument { get; }

    private TestDatabase(DbTarget target, string arg, string? file, string? pgAdmin, string? pgName)
    {
        Target = target;
        DbArgument = arg;
        _file = file;
        _pgAdmin = pgAdmin;
        _pgName = pgName;
    }

    public static bool IsPostgres => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PgVariable));

    public static async Task<TestDatabase> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable(PgVariable);
        if (string.IsNullOrEmpty(admin))
        {
            var file = Path.Combine(Path.GetTempPath(), $"rdinvest-test-{Guid.NewGuid():N}.db");
            return new TestDatabase(DbTarget.Parse(file), file, file, null, null);
        }
        var name = $"rdi_{Guid.NewGuid():N}";
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new TestDatabase(DbTarget.Parse(cs), cs, null, admin, name);
    }

    public RdInvestDb Open() => Target.CreateContext();

    /// <summary>Schema and reference data, as `rdinvest db init` makes them.</summary>
    public async Task InitAsync()
    {
        await using var db = Open();
        await new DbInitHandler(db, Target, TimeProvider.System).HandleAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            foreach (var f in new[] { _file, _file + "-wal", _file + "-shm", _file + "-journal" })
            {
                try
                {
                    File.Delete(f);
                }
                catch (IOException)
                {
                    // A file still held by a killed child process is left to the OS temp cleaner.
                }
            }
        }
        if (_pgAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(_pgAdmin);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_pgName}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
