using Microsoft.EntityFrameworkCore;
using RdInvest.Data;
using RdInvest.Plans;
using RdInvest.Subsidies;
using Xunit;

namespace RdInvest.IntegrationTests.Subsidies;

/// <summary>
/// A round over more enterprises than SQLite has variables (32,766) and PostgreSQL has parameters (65,535): the
/// queries must not carry one parameter per enterprise. The population is generated in SQL, set-based, so the test
/// stays cheap.
/// </summary>
public sealed class SubsidyRoundScaleTests
{
    private const int Enterprises = 66_000;

    [Fact]
    public async Task HandleAsync_MoreEnterprisesThanSqlParameters_ReadsEveryOneWithCertificatesAndPayments()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync();
        await test.InitAsync();
        await using var db = test.Open();
        var at = DateTime.UtcNow;
        var issued = new DateOnly(2022, 6, 1);
        var paidOn = new DateOnly(2023, 3, 1);
        // Units 1..N in a county of 呼和浩特市; every one with a 2023 record, every second with a 2022 record, every one
        // certified high-tech, every third already paid R1.
        await db.Database.ExecuteSqlAsync($"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Enterprises})
            INSERT INTO units ("CreditCode", "Name", "Sector", "DivisionCode", "AboveScale", "StateOwned", "IsSynthetic", "Revision", "UpdatedAt")
            SELECT 'S' || CAST(100000000 + i AS TEXT), 'scale ' || CAST(i AS TEXT), {Sectors.Enterprise}, '150102', {true}, {false}, {false}, 1, {at}
            FROM n
            """, ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO rd_records ("UnitId", "Year", "RdTotalFen", "RevenueFen", "Status", "IsSynthetic", "Revision", "UpdatedAt")
            SELECT "Id", 2023, 100000000 + "Id", 5000000000, {DataStatuses.Draft}, {false}, 1, {at} FROM units
            """, ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO rd_records ("UnitId", "Year", "RdTotalFen", "RevenueFen", "Status", "IsSynthetic", "Revision", "UpdatedAt")
            SELECT "Id", 2022, 90000000, 5000000000, {DataStatuses.Draft}, {false}, 1, {at} FROM units WHERE "Id" % 2 = 0
            """, ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO certifications ("UnitId", "Kind", "Number", "Issued", "IsSynthetic", "Revision", "UpdatedAt")
            SELECT "Id", {CertificationKinds.HighTech}, 'GR' || CAST("Id" AS TEXT), {issued}, {false}, 1, {at} FROM units
            """, ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO payments ("UnitId", "RuleId", "Year", "AmountFen", "PaidOn", "Source", "CreatedAt")
            SELECT "Id", 'R1', 2022, 20000000, {paidOn}, 'scale test', {at} FROM units WHERE "Id" % 3 = 0
            """, ct);
        Assert.Equal(Enterprises, await db.Units.CountAsync(ct));

        var plan = PlanLoader.BuiltIn("im-rd-2021-2025");
        var r = await new SubsidyRoundHandler(db).HandleAsync(new SubsidyRoundRequest(2024, 1_000_000_000m), plan, ct);

        Assert.Equal(Enterprises, r.Lines.Count);
        Assert.Equal(Enterprises / 2, r.Lines.Count(l => l.Applicant.RdPrev2 is not null));
        Assert.All(r.Lines, l => Assert.Single(l.Applicant.HteCertificates));
        Assert.Equal(Enterprises / 3, r.Lines.Count(l => l.Applicant.R1Paid is not null));
        Assert.All(r.Lines.Where(l => l.Applicant.R1Paid is not null), l => Assert.Equal(200_000m, l.Applicant.R1Paid!.Amount));
        Assert.True(r.TotalClaims > r.Budget);
        Assert.True(r.TotalPaid <= 1_000_000_000m);
    }
}
