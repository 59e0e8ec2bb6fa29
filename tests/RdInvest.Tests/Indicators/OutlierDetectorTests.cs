using RdInvest.Indicators;
using Xunit;

namespace RdInvest.Tests.Indicators;

public sealed class OutlierDetectorTests
{
    private static GrowthObservation Obs(string code, decimal prev, decimal cur, string city = "150100", string sector = "enterprise") =>
        new(code, code, city, sector, prev, cur);

    [Fact]
    public void Find_OneUnitTenfold_IsFlaggedWithItsModifiedZ()
    {
        // Growths 0.10, 0.12, 0.08, 0.11, 9.00: median 0.11; |x − m| = 0.01, 0.01, 0.03, 0, 8.89 → MAD 0.01;
        // M = 0.6745 × (9.00 − 0.11) / 0.01 = 599.6305
        var found = OutlierDetector.Find(
        [
            Obs("a", 100, 110), Obs("b", 100, 112), Obs("c", 100, 108), Obs("d", 100, 111), Obs("e", 100, 1000),
        ], 3.5m);
        var o = Assert.Single(found);
        Assert.Equal("e", o.Observation.CreditCode);
        Assert.Equal(599.6305m, o.ModifiedZ);
    }

    [Fact]
    public void Find_SameGrowthInAnotherGroup_IsJudgedWithinItsOwnGroup()
    {
        var found = OutlierDetector.Find(
        [
            Obs("a", 100, 110), Obs("b", 100, 112), Obs("c", 100, 108), Obs("d", 100, 111),
            Obs("x", 100, 1000, sector: "university"), Obs("y", 100, 990, sector: "university"), Obs("z", 100, 1010, sector: "university"),
        ], 3.5m);
        Assert.Empty(found);
    }

    [Fact]
    public void Median_EvenCount_AveragesTheMiddlePair() => Assert.Equal(2.5m, OutlierDetector.Median([4m, 1m, 2m, 3m]));
}
