using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using RdInvest.Data;
using RdInvest.Plans;

namespace RdInvest.Subsidies;

/// <summary>
/// What a command line's round needs before any work, without EF: a connection to the target (building the EF model of
/// every table costs about as much as the round itself) and the plan stored in the database.
/// </summary>
public static class SubsidyRoundConnection
{
    /// <summary>A connection to an existing database, or null (a SQLite file that does not exist: the caller's usual path reports it).</summary>
    public static DbConnection? TryCreate(DbTarget target)
    {
        if (target.Provider == DbProvider.Postgres)
        {
            return new NpgsqlConnection(target.ConnectionString);
        }
        var file = new SqliteConnectionStringBuilder(target.ConnectionString);
        return File.Exists(file.DataSource)
            ? new SqliteConnection(target.ConnectionString)
            : null;
    }

    /// <summary>
    /// The plan <paramref name="id"/> as loaded into the database (as <see cref="PlanResolver"/> finds it), or null when
    /// the database holds no such plan or cannot be read: the caller then resolves it the usual way.
    /// </summary>
    public static async Task<Plan?> StoredPlanAsync(DbConnection connection, string id, CancellationToken ct)
    {
        try
        {
            if (connection.State != System.Data.ConnectionState.Open)
            {
                await connection.OpenAsync(ct);
            }
            await using var command = connection.CreateCommand();
            command.CommandText = """SELECT "Source" FROM plans WHERE "Id" = @id""";
            var p = command.CreateParameter();
            p.ParameterName = "id";
            p.Value = id;
            command.Parameters.Add(p);
            return await command.ExecuteScalarAsync(ct) is string source ? PlanLoader.Parse(source, id) : null;
        }
        catch (DbException)
        {
            return null;
        }
    }
}
