using Microsoft.EntityFrameworkCore;
using Npgsql;
using RdInvest.Data;
using RdInvest.Data.Partitioning;
using Xunit;

namespace RdInvest.IntegrationTests.Scaling;

/// <summary>On PostgreSQL the R&amp;D records are partitioned by year; a year without a partition is kept and later split off.</summary>
public sealed class PartitioningTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DbInit_Postgres_PartitionsRdRecordsByYearWithDefault()
    {
        Assert.SkipWhen(!TestDatabase.IsPostgres, "runs with the PostgreSQL suite");
        await using var t = await TestDatabase.CreateAsync();
        await t.InitAsync();
        await using var db = t.Open();

        Assert.Equal("r", await ScalarAsync<string>(db, "SELECT partstrat::text FROM pg_partitioned_table WHERE partrelid = 'rd_records'::regclass"));
        var parts = await RdPartitions.ListAsync(db, Ct);
        Assert.Contains("rd_records_default DEFAULT", parts);
        for (var y = PartitionRdRecords.FirstYear; y <= PartitionRdRecords.LastYear; y++)
        {
            Assert.Contains($"rd_records_y{y} FOR VALUES FROM ({y}) TO ({y + 1})", parts);
        }
        // PostgreSQL 15 demands the partition key in the primary key.
        Assert.Equal("PRIMARY KEY (\"Id\", \"Year\")",
            await ScalarAsync<string>(db, "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'PK_rd_records'"));
    }

    [Fact]
    public async Task RecordOfYearWithoutPartition_IsKeptInDefault_ThenSplitOffByDbInit()
    {
        Assert.SkipWhen(!TestDatabase.IsPostgres, "runs with the PostgreSQL suite");
        await using var t = await TestDatabase.CreateAsync();
        await t.InitAsync();
        long early, late;
        await using (var db = t.Open())
        {
            var unit = new ReportingUnit { CreditCode = "91150000PART00001X", Name = "分区测试", Sector = Sectors.Enterprise, DivisionCode = "150202" };
            db.Units.Add(unit);
            await db.SaveChangesAsync(Ct);
            var a = new UnitRdRecord { UnitId = unit.Id, Year = 2023, RdTotalFen = 100, Status = DataStatuses.Final };
            var b = new UnitRdRecord { UnitId = unit.Id, Year = PartitionRdRecords.LastYear + 4, RdTotalFen = 200, Status = DataStatuses.Final };
            db.RdRecords.AddRange(a, b);
            await db.SaveChangesAsync(Ct);
            (early, late) = (a.Id, b.Id);
            Assert.True(late > early);
            Assert.Equal("rd_records_y2023", await PartitionOfAsync(db, early));
            Assert.Equal("rd_records_default", await PartitionOfAsync(db, late));
        }

        await t.InitAsync();

        await using (var db = t.Open())
        {
            Assert.Equal($"rd_records_y{PartitionRdRecords.LastYear + 4}", await PartitionOfAsync(db, late));
            var kept = await db.RdRecords.AsNoTracking().SingleAsync(r => r.Id == late, Ct);
            Assert.Equal(200, kept.RdTotalFen);
            Assert.Equal(0, await ScalarAsync<long>(db, "SELECT count(*) FROM rd_records_default"));
            // A record of a year that already had a partition still goes there, and ids keep rising.
            var unitId = kept.UnitId;
            var next = new UnitRdRecord { UnitId = unitId, Year = 2024, RdTotalFen = 300, Status = DataStatuses.Draft };
            db.RdRecords.Add(next);
            await db.SaveChangesAsync(Ct);
            Assert.True(next.Id > late);
            Assert.Equal("rd_records_y2024", await PartitionOfAsync(db, next.Id));
        }
    }

    private static Task<string> PartitionOfAsync(RdInvestDb db, long id) =>
        ScalarAsync<string>(db, $"SELECT tableoid::regclass::text FROM rd_records WHERE \"Id\" = {id}");

    private static async Task<T> ScalarAsync<T>(RdInvestDb db, string sql)
    {
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open)
        {
            await conn.OpenAsync(Ct);
        }
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (T)(await cmd.ExecuteScalarAsync(Ct))!;
    }
}
