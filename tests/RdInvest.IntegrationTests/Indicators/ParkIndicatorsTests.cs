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
