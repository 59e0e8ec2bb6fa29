using Microsoft.EntityFrameworkCore;

namespace RdInvest.IntegrationTests.Importing;

public sealed class OfficialFiguresImportTests
{
    [Fact]
    public async Task OfficialFigures_InHundredMillionYuan_ImportExactlyAndOnce()
    {
        await using var db = await ImportTestDb.CreateAsync();
        var file = ImportTestDb.DataFile("im-official-figures.csv");

        var first = await db.ImportAsync("division-figures", file, "亿元");

        Assert.True(first.Accepted, string.Join("\n", first.Findings.Select(f => f.MessageEn)));
        Assert.Equal(28, first.Inserted);
        await using (var context = db.Context())
        {
            var y2022 = await context.DivisionFigures.SingleAsync(f => f.DivisionCode == "150000" && f.Year == 2022, TestContext.Current.CancellationToken);
            Assert.Equal(209_5000_0000_00L, y2022.RdTotalFen); // 209.5 亿元 in fen
            Assert.Equal(8_1000_0000_00L, y2022.BasicFen);
            Assert.Equal(9000L, y2022.RdIntensityBp4);
            Assert.Equal("2022 Inner Mongolia S&T funding bulletin (2023-10-09)", y2022.Source);
            Assert.Null(y2022.GovStSpendingFen);
        }

        var again = await db.ImportAsync("division-figures", file, "亿元");

        Assert.Equal(0, again.Changed);
        Assert.Equal(28, again.Unchanged);
    }
}
