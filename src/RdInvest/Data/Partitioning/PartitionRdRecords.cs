using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace RdInvest.Data.Partitioning;

/// <summary>
/// PostgreSQL only: turns <c>rd_records</c> into a table partitioned by year (one partition per year plus a DEFAULT
/// partition). Hand-written and kept outside <c>Data/Migrations/Postgres</c>, so regenerating the one <c>Initial</c>
/// migration leaves it in place; its id sorts after any generated id, so it always runs after the table exists.
/// The conversion reads the columns, indexes and foreign keys of the generated table from the catalog, so a model
/// change to <c>rd_records</c> needs no change here. See docs/adr/0007-partitioned-rd-records.md.
/// </summary>
[DbContext(typeof(NpgsqlRdInvestDb))]
[Migration(Id)]
public sealed class PartitionRdRecords : Migration
{
    public const string Id = "99990101000000_PartitionRdRecords";

    /// <summary>Years given a partition of their own at creation: the plan's years with their base years and two after.</summary>
    public const int FirstYear = 2018;

    public const int LastYear = 2027;

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(RdPartitionSql.Functions + RdPartitionSql.Convert(FirstYear, LastYear));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(RdPartitionSql.Unconvert);
}
