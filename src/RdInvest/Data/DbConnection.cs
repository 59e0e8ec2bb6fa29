using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace RdInvest.Data;

public enum DbProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where the data lives: a file path or <c>Data Source=…</c> means SQLite, <c>Host=…</c> PostgreSQL.
/// Resolution order: the <c>--db</c> option, then <c>RDINVEST_DB</c>, then <c>rdinvest.db</c> in the current folder.
/// </summary>
public sealed record DbTarget(DbProvider Provider, string ConnectionString)
{
    public const string EnvironmentVariable = "RDINVEST_DB";
    public const string DefaultFile = "rdinvest.db";

    public static DbTarget Resolve(string? option) =>
        Parse(!string.IsNullOrWhiteSpace(option) ? option
            : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env ? env
            : DefaultFile);

    public static DbTarget Parse(string text)
    {
        var t = text.Trim();
        if (t.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return new DbTarget(DbProvider.Postgres, t);
        }
        var sqlite = t.Contains('=', StringComparison.Ordinal)
            ? new SqliteConnectionStringBuilder(t)
            : new SqliteConnectionStringBuilder { DataSource = t };
        if (sqlite.Pooling)
        {
            // Pooled SQLite connections keep the file open after the command ends; a CLI wants it closed.
            sqlite.Pooling = false;
        }
        return new DbTarget(DbProvider.Sqlite, sqlite.ToString());
    }

    /// <summary>
    /// The same database for a long-lived host: SQLite connections pooled. A command closes its file when it ends
    /// (<see cref="Parse"/> turns pooling off); a web host that opened a fresh connection per request parsed the schema
    /// again on every open and checkpointed the WAL on every close, which held it to about a thousand requests a second.
    /// </summary>
    public DbTarget ForHost() => Provider == DbProvider.Sqlite
        ? this with { ConnectionString = new SqliteConnectionStringBuilder(ConnectionString) { Pooling = true }.ToString() }
        : this;

    /// <summary>Human-readable location without a password.</summary>
    public string Describe() => Provider == DbProvider.Sqlite
        ? "SQLite " + new SqliteConnectionStringBuilder(ConnectionString).DataSource
        : "PostgreSQL " + string.Join(';', ConnectionString.Split(';')
            .Where(p => !p.TrimStart().StartsWith("Password", StringComparison.OrdinalIgnoreCase)));

    public RdInvestDb CreateContext()
    {
        if (Provider == DbProvider.Sqlite)
        {
            var o = new DbContextOptionsBuilder<SqliteRdInvestDb>();
            Configure(o);
            return new SqliteRdInvestDb(o.Options);
        }
        var p = new DbContextOptionsBuilder<NpgsqlRdInvestDb>();
        Configure(p);
        return new NpgsqlRdInvestDb(p.Options);
    }

    /// <summary>Configures the provider. A list in a query (<c>ids.Contains(x)</c>) goes as ONE parameter (SQLite
    /// <c>json_each</c>, PostgreSQL an array with <c>= ANY</c>), never one parameter per element: EF's default
    /// breaks past SQLite's 32,766 variables.</summary>
    public void Configure(DbContextOptionsBuilder options)
    {
        if (Provider == DbProvider.Sqlite)
        {
            options.UseSqlite(ConnectionString, s => s.MigrationsAssembly(typeof(RdInvestDb).Assembly.FullName)
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
        }
        else
        {
            options.UseNpgsql(ConnectionString, s => s.MigrationsAssembly(typeof(RdInvestDb).Assembly.FullName)
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
        }
    }
}
