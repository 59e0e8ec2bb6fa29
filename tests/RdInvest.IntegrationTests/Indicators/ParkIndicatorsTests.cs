using RdInvest.Data;
using RdInvest.Indicators;
using Xunit;

namespace RdInvest.IntegrationTests.Indicators;

public sealed class ParkIndicatorsTests
{
    [Fact]
    public async Task ParkIndicators_FiguresForTwoYears_GiveIntensityAndGrowth()
    {
        await using var t = await TestDatabase.CreateAsync();
        await t.InitAsync();
        await using var db = t.Open();
        var ct = TestContext.Current.CancellationToken;
        db.Parks.Add(new Park { Id = "P1", Name = "测试高新区", Category = ParkCategories.NationalHtz, DivisionCode = "150202", UpdatedAt = DateTime.UtcNow });
        db.ParkFigures.Add(new ParkFigure { ParkId = "P1", Year = 2022, GdpFen = 400_000_000_00, RdTotalFen = 8_000_000_00, UpdatedAt = DateTime.UtcNow });
        db.ParkFigures.Add(new ParkFigure { ParkId = "P1", Year = 2023, GdpFen = 500_000_000_00, RdTotalFen = 11_000_000_00, HteCount = 12, UpdatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync(ct);

        var p = await new ParkIndicatorsHandler(db).HandleAsync("P1", 2023, ct);
        // 11,000,000 / 500,000,000 = 2.2 %; growth 11 / 8 − 1 = 37.5 %
        Assert.Equal(2.2m, p.Indicators["park_rd_intensity"].Value);
        Assert.Equal(37.5m, p.Indicators["rd_growth"].Value);
        Assert.Equal(12m, p.Indicators["hte_count"].Value);
        Assert.Null(p.Indicators["invention_patents"].Value);

        var none = await new ParkIndicatorsHandler(db).HandleAsync("P1", 2022, ct);
        Assert.Equal("no data for the previous year", none.Indicators["rd_growth"].Reason);
    }
}

public sealed class ReportingQualityTests
{
    [Fact]
    public async Task ReportingQuality_TwoOfThreeUnitsReported_Is66Point67Percent()
    {
        await using var t = await TestDatabase.CreateAsync();
        await t.InitAsync();
        await using var db = t.Open();
        var ct = TestContext.Current.CancellationToken;
        var units = Enumerable.Range(1, 3).Select(i => new ReportingUnit
        {
            CreditCode = RdInvest.Common.CreditCode.Complete($"91150102MA000000{i}"), Name = $"单位{i}", Sector = Sectors.Enterprise,
            DivisionCode = i == 3 ? "150100" : "150102", UpdatedAt = DateTime.UtcNow,
        }).ToList();
        db.Units.AddRange(units);
        await db.SaveChangesAsync(ct);
        db.RdRecords.Add(new UnitRdRecord { UnitId = units[0].Id, Year = 2023, RdTotalFen = 1, Status = DataStatuses.Final, UpdatedAt = DateTime.UtcNow });
        db.RdRecords.Add(new UnitRdRecord { UnitId = units[2].Id, Year = 2023, RdTotalFen = 1, Status = DataStatuses.Draft, UpdatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync(ct);

        var q = (await new ReportingQualityHandler(db).HandleAsync(2023, ct)).Single(x => x.Division == "150100");
        // 2 of 3 registered units reported (one at the city itself, one in a county); 1 of 2 records final.
        Assert.Equal(3, q.RegisteredUnits);
        Assert.Equal(66.6667m, q.ReportingRate);
        Assert.Equal(50m, q.FinalRate);
        Assert.Null((await new ReportingQualityHandler(db).HandleAsync(2023, ct)).Single(x => x.Division == "150200").ReportingRate);
    }
}
