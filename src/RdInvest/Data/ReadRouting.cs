using Npgsql;
using RdInvest.Common;

namespace RdInvest.Data;

/// <summary>
/// Where read-only requests (dashboard, reports, indicator API) go when PostgreSQL streaming replicas serve them:
/// the <c>read-db</c> setting (<c>--read-db</c>, <c>RDINVEST_READ_DB</c>). Without it every read uses the one
/// database. The value is an Npgsql connection string, usually naming several hosts; unless it says otherwise it
/// gets <c>Target Session Attributes=prefer-standby</c> (a standby when one is up, else the primary) and
/// <c>Load Balance Hosts=true</c> (connections spread over the standbys). See docs/SCALING.md.
/// </summary>
public static class ReadRouting
{
    public const string EnvironmentVariable = "RDINVEST_READ_DB";

    /// <summary>The DI key of the read context (<c>[FromKeyedServices(ReadRouting.Key)] RdInvestDb</c>).</summary>
    public const string Key = "read";

    /// <summary>Names the read pool's connections on the servers (pg_stat_activity), unless the setting names them.</summary>
    public const string ApplicationName = "rdinvest-read";

    /// <summary>
    /// The read target from the setting (then <c>RDINVEST_READ_DB</c>), or null when reads share the write database.
    /// A read setting beside a SQLite database is an error: SQLite has no replicas.
    /// </summary>
    public static DbTarget? Resolve(string? option, DbTarget write)
    {
        var text = !string.IsNullOrWhiteSpace(option) ? option
            : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env ? env
            : null;
        if (text is null)
        {
            return null;
        }
        var read = DbTarget.Parse(text);
        if (write.Provider != DbProvider.Postgres || read.Provider != DbProvider.Postgres)
        {
            throw new UserError("只读副本（read-db）仅适用于 PostgreSQL：数据库和 read-db 都应是 PostgreSQL 连接串",
                "read replicas (read-db) apply to PostgreSQL only: both the database and read-db must be PostgreSQL connection strings");
        }
        return read with { ConnectionString = WithDefaults(read.ConnectionString) };
    }

    /// <summary>Adds prefer-standby, host load balancing and the read pool's application name where the setting is silent.</summary>
    public static string WithDefaults(string connectionString)
    {
        NpgsqlConnectionStringBuilder b;
        try
        {
            b = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            // A postgresql:// URI: passed through as given.
            return connectionString;
        }
        if (!ContainsKey(connectionString, "Target Session Attributes"))
        {
            b.TargetSessionAttributes = "prefer-standby";
        }
        if (!ContainsKey(connectionString, "Load Balance Hosts"))
        {
            b.LoadBalanceHosts = true;
        }
        if (string.IsNullOrEmpty(b.ApplicationName))
        {
            b.ApplicationName = ApplicationName;
        }
        return b.ConnectionString;
    }

    private static bool ContainsKey(string connectionString, string key) =>
        connectionString.Split(';').Any(p => p.Split('=')[0].Trim().Replace(" ", "", StringComparison.Ordinal)
            .Equals(key.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
}
