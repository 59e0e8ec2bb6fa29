using Microsoft.Data.Sqlite;
using Npgsql;

namespace RdInvest.Data;

/// <summary>
/// Recognises a database that cannot store what it was asked to: its disk is full, or it is read-only (the file, its
/// folder or its file system cannot be written, or a PostgreSQL server or database that only reads). The operation's
/// transaction is rolled back whole, so nothing of it is written; the command line and the web host say so plainly in
/// Chinese and English (the web host: 507 for a full disk, 503 for a read-only database) instead of an internal error.
/// </summary>
public static class StorageFailure
{
    public const string FullZh = "数据库所在磁盘空间已满，本次操作未写入任何数据；释放空间后重试";

    public const string FullEn = "the database's disk is full; nothing of this operation was written — free some space and try again";

    public const string ReadOnlyZh = "数据库为只读（文件、目录或文件系统不可写，或为只读库），本次操作未写入任何数据";

    public const string ReadOnlyEn = "the database is read-only (its file, folder or file system cannot be written, or the database only reads); nothing of this operation was written";

    public enum Kind
    {
        None,
        Full,
        ReadOnly,
    }

    public static Kind Classify(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // SQLITE_FULL; SQLITE_IOERR with ENOSPC is reported as SQLITE_FULL by SQLite itself.
                case SqliteException { SqliteErrorCode: 13 }:
                    return Kind.Full;
                // SQLITE_READONLY, and SQLITE_CANTOPEN when the journal cannot be created beside a read-only file.
                case SqliteException { SqliteErrorCode: 8 or 14 }:
                    return Kind.ReadOnly;
                // disk_full (53100); read_only_sql_transaction (25006).
                case PostgresException { SqlState: "53100" }:
                    return Kind.Full;
                case PostgresException { SqlState: "25006" }:
                    return Kind.ReadOnly;
                case IOException io when io.HResult == 28 || io.Message.Contains("No space left", StringComparison.Ordinal):
                    return Kind.Full;
            }
        }
        return Kind.None;
    }

    /// <summary>The status, Chinese and English text for a storage failure; null for any other exception.</summary>
    public static (int Status, string Zh, string En)? Describe(Exception exception) => Classify(exception) switch
    {
        Kind.Full => (507, FullZh, FullEn),
        Kind.ReadOnly => (503, ReadOnlyZh, ReadOnlyEn),
        _ => null,
    };
}
