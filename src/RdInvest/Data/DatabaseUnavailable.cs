using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace RdInvest.Data;

/// <summary>
/// Recognises a database that is down, restarting, unreachable or busy: the web host answers 503 with
/// <c>Retry-After</c> (the next request opens a new connection and succeeds once the database is back, without
/// restarting the host) and the command line says so plainly, instead of an internal error.
/// </summary>
public static class DatabaseUnavailable
{
    public const int RetryAfterSeconds = 5;

    public const string Zh = "数据库暂时不可用，请稍后重试";

    public const string En = "the database is unavailable for the moment; try again shortly";

    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Class 08 (connection exception) and 57P (operator intervention: shutdown, cannot connect now).
                case PostgresException pg when pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("57P", StringComparison.Ordinal):
                    return true;
                case PostgresException:
                    return false;
                case NpgsqlException npg when npg.IsTransient:
                    return true;
                case SocketException or TimeoutException:
                    return true;
                // SQLITE_BUSY and SQLITE_LOCKED: another writer holds the file longer than the busy timeout.
                case SqliteException sqlite when sqlite.SqliteErrorCode is 5 or 6:
                    return true;
            }
        }
        return false;
    }
}
