using Microsoft.Data.Sqlite;
using Npgsql;
using RdInvest.Data;
using Xunit;

namespace RdInvest.Tests.Data;

public sealed class StorageFailureTests
{
    [Fact]
    public void SqliteFull_IsAFullDisk_With507AndBothLanguages()
    {
        var e = new InvalidOperationException("wrapped", new SqliteException("database or disk is full", 13));
        Assert.Equal(StorageFailure.Kind.Full, StorageFailure.Classify(e));
        Assert.Equal((507, StorageFailure.FullZh, StorageFailure.FullEn), StorageFailure.Describe(e));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(14)]
    public void SqliteReadOnlyOrCannotOpenTheJournal_IsReadOnly_With503(int code)
    {
        var e = new SqliteException("attempt to write a readonly database", code);
        Assert.Equal((503, StorageFailure.ReadOnlyZh, StorageFailure.ReadOnlyEn), StorageFailure.Describe(e));
    }

    [Theory]
    [InlineData("53100", StorageFailure.Kind.Full)]
    [InlineData("25006", StorageFailure.Kind.ReadOnly)]
    [InlineData("23505", StorageFailure.Kind.None)]
    public void PostgresStates_AreClassifiedByTheirSqlState(string state, StorageFailure.Kind kind) =>
        Assert.Equal(kind, StorageFailure.Classify(new PostgresException("x", "ERROR", "ERROR", state)));

    [Fact]
    public void OtherErrors_AreNotStorageFailures()
    {
        Assert.Null(StorageFailure.Describe(new SqliteException("constraint failed", 19)));
        Assert.Null(StorageFailure.Describe(new InvalidOperationException("no")));
    }
}
