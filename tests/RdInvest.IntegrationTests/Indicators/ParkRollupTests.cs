using System.Text.Json;
using RdInvest.Data;
using RdInvest.Indicators;
using RdInvest.Parks;
using Xunit;

namespace RdInvest.IntegrationTests.Indicators;

/// <summary>Parks built from their units (二(五)17): reported beats derived, and reconcile --parks shows both.</summary>
public sealed class ParkRollupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task SeedAsync(TestDatabase t)
    {
        await using var db = t.Open();
        var now = DateTime.UtcNow;
        db.Parks.AddRange(
            new Park { Id = "P1", Name = "甲园区", Category = ParkCategories.RegionHtz, DivisionCode = "150102", UpdatedAt = now },
            new Park { Id = "P2", Name = "乙园区", Category = ParkCategories.RegionHtz, DivisionCode = "150202", UpdatedAt = now });
        await db.SaveChangesAsync(Ct);
        // P1 reports R&D 10,000 yuan and 5 high-tech enterprises; institutions and patents it leaves blank.
        db.ParkFigures.Add(new ParkFigure { ParkId = "P1", Year = 2023, RdTotalFen = 10_000_00, HteCount = 5, GdpFen = 1_000_000_00, UpdatedAt = now });
        var units = Enumerable.Range(1, 4).Select(i => new ReportingUnit
        {
            CreditCode = RdInvest.Common.CreditCode.Complete($"91150102MA00003{i:00}"), Name = $"园区单位{i}", Sector = Sectors.Enterprise,
            DivisionCode = i <= 2 ? "150102" : "150202", ParkId = i <= 2 ? "P1" : "P2", UpdatedAt = now,
        }).ToList();
        db.Units.AddRange(units);
        await db.SaveChangesAsync(Ct);
        UnitRdRecord Rec(int i, long fen, bool inst, int patents, string status = DataStatuses.Final) => new()
        {
            UnitId = units[i].Id, Year = 2023, RdTotalFen = fen, HasRdInstitution = inst, InventionPatents = patents, Status = status, UpdatedAt = now,
        };
        db.RdRecords.AddRange(Rec(0, 3_000_00, true, 2), Rec(1, 4_000_00, false, 3), Rec(2, 5_000_00, true, 7),
            Rec(3, 9_999_00, true, 100, DataStatuses.Draft)); // a draft record does not count, as for official figures
        db.Certifications.Add(new Certification { UnitId = units[2].Id, Kind = CertificationKinds.HighTech, Number = "GR2023001", Issued = new DateOnly(2023, 3, 1), UpdatedAt = now });
        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task ParkFigures_ReportedBeatsDerived_DerivedFillsWhatIsNotReported()
    {
        await using var t = await TestDatabase.CreateAsync();
        await t.InitAsync();
        await SeedAsync(t);
        await using var db = t.Open();

        var p1 = (await new ParkIndicatorsHandler(db).HandleAsync("P1", 2023, Ct)).Indicators;
        // Reported R&D 10,000 wins over the units' 3,000 + 4,000; 1 of 2 units has an institution; patents 2 + 3.
        Assert.Equal((10_000m, "reported"), (p1["rd_total"].Value, p1["rd_total"].Provenance));
        Assert.Equal(1m, p1["park_rd_intensity"].Value); // 10,000 / 1,000,000
        Assert.Equal((5m, "reported"), (p1["hte_count"].Value, p1["hte_count"].Provenance));
        Assert.Equal((1m, "derived", 2), (p1["rd_institutions"].Value, p1["rd_institutions"].Provenance, p1["rd_institutions"].Units));
        Assert.Equal((5m, "derived"), (p1["invention_patents"].Value, p1["invention_patents"].Provenance));

        var p2 = (await new ParkIndicatorsHandler(db).HandleAsync("P2", 2023, Ct)).Indicators;
        // Nothing reported: everything from the final record of unit 3 and its certificate.
        Assert.Equal((5_000m, "derived", 1), (p2["rd_total"].Value, p2["rd_total"].Provenance, p2["rd_total"].Units));
        Assert.Equal([1m, 1m, 7m], new[] { "rd_institutions", "hte_count", "invention_patents" }.Select(k => p2[k].Value));

        // The evaluation uses the same figures.
        var parks = await new ParksHandler(db).HandleAsync(new ParksRequest(2023, null), Ct);
        var row = parks.Parks.Single(p => p.ParkId == "P2");
        Assert.Equal((5_000m, 1, 1, 7), (row.RdTotalYuan, row.RdInstitutions, row.HteCount, row.InventionPatents));
    }

    [Fact]
    public async Task ReconcileParks_ShowsReportedAgainstDerived()
    {
        await using var t = await TestDatabase.CreateAsync();
        await t.InitAsync();
        await SeedAsync(t);

        var r = await CliRunner.RunAsync(t.DbArgument, "reconcile", "--parks", "--year", "2023", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var item = Assert.Single(doc.RootElement.GetProperty("items").EnumerateArray());
        // Only P1's R&D is both reported (10,000) and derived (7,000): 3,000 apart, 30 % of the reported figure.
        Assert.Equal("P1", item.GetProperty("division").GetString());
        Assert.Equal("rd_total", item.GetProperty("measure").GetString());
        Assert.Equal((10_000m, 7_000m, 3_000m, 30m), (item.GetProperty("reported").GetDecimal(), item.GetProperty("derived").GetDecimal(),
            item.GetProperty("difference").GetDecimal(), item.GetProperty("difference_percent").GetDecimal()));
        Assert.True(item.GetProperty("flagged").GetBoolean());
    }
}
