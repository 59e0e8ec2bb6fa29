using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using RdInvest.Approval;
using RdInvest.Common;
using RdInvest.Data;
using Xunit;

namespace RdInvest.IntegrationTests.Approval;

/// <summary>
/// The approval policy's two faces — LINQ for API writes and transitions, SQL for imports — over the same states (every
/// approval status or none × no records, draft records, a final record among drafts) must give the same answers.
/// </summary>
public sealed class ApprovalPolicyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string County = "150102";

    private static readonly string?[] RowStatuses = [null, DataStatuses.Draft, DataStatuses.Submitted, DataStatuses.Approved, DataStatuses.Final];

    private enum Records { None, Draft, OneFinal }

    [Fact]
    public async Task Policy_LinqAndSqlFaces_AgreeOnEveryState()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.InitAsync();
        var states = new List<(int Year, string? Row, Records Records)>();
        await using (var db = database.Open())
        {
            var now = DateTime.UtcNow;
            var a = new ReportingUnit { CreditCode = CreditCode.Complete("91150102MA0000001"), Name = "甲", Sector = Sectors.Enterprise, DivisionCode = County, UpdatedAt = now };
            var b = new ReportingUnit { CreditCode = CreditCode.Complete("91150102MA0000002"), Name = "乙", Sector = Sectors.Enterprise, DivisionCode = County, UpdatedAt = now };
            db.Units.AddRange(a, b);
            await db.SaveChangesAsync(Ct);
            var year = 2001;
            foreach (var row in RowStatuses)
            {
                foreach (var records in Enum.GetValues<Records>())
                {
                    states.Add((year, row, records));
                    if (row is not null)
                    {
                        db.Approvals.Add(new CountyApproval { CountyCode = County, Year = year, Status = row, UpdatedAt = now });
                    }
                    if (records != Records.None)
                    {
                        db.RdRecords.Add(new UnitRdRecord { UnitId = a.Id, Year = year, RdTotalFen = 100, Status = DataStatuses.Draft, UpdatedAt = now });
                        db.RdRecords.Add(new UnitRdRecord
                        {
                            UnitId = b.Id, Year = year, RdTotalFen = 100, Status = records == Records.OneFinal ? DataStatuses.Final : DataStatuses.Draft, UpdatedAt = now,
                        });
                    }
                    year++;
                }
            }
            await db.SaveChangesAsync(Ct);
        }

        await using var check = database.Open();
        var connection = check.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        var finalSql = new HashSet<(string, int)>();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = ApprovalPolicy.FinalCountyYearsSql(check);
            await using var reader = await cmd.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                finalSql.Add((reader.GetString(0), reader.GetInt32(1)));
            }
        }
        var locked = 0;
        foreach (var (year, row, records) in states)
        {
            var status = await ApprovalPolicy.StatusAsync(check, County, year, Ct);
            var state = $"row {row ?? "none"}, records {records}";
            Assert.True(ApprovalPolicy.IsLocked(status) == finalSql.Contains((County, year)), $"lock differs for {state}: LINQ {status}");
            if (ApprovalPolicy.IsLocked(status))
            {
                locked++;
                continue;
            }
            Assert.Equal(status, await OpenStatusAsync(connection, check, year));
        }
        // Final rows lock whatever their records; without a row, a final record locks.
        Assert.Equal(Enum.GetValues<Records>().Length + 1, locked);
    }

    private static async Task<string> OpenStatusAsync(DbConnection connection, RdInvestDb db, int year)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {ApprovalPolicy.OpenStatusSql(db, "@d", "@y")}";
        var d = cmd.CreateParameter();
        d.ParameterName = "@d";
        d.Value = County;
        cmd.Parameters.Add(d);
        var y = cmd.CreateParameter();
        y.ParameterName = "@y";
        y.Value = year;
        cmd.Parameters.Add(y);
        return (string)(await cmd.ExecuteScalarAsync(Ct))!;
    }
}
