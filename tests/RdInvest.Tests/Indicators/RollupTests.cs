using RdInvest.Indicators;
using Xunit;

namespace RdInvest.Tests.Indicators;

public sealed class RollupTests
{
    // Region R has league/cities A and B; A has counties a1 and a2.
    private static readonly Dictionary<string, IReadOnlyList<string>> Tree = new()
    {
        ["R"] = ["A", "B"],
        ["A"] = ["a1", "a2"],
    };

    private static DivisionInputs Units(long rdTotal, int units) =>
        new(new Dictionary<string, DirectValue> { [Measure.RdTotal] = new(rdTotal, units) }, new Dictionary<string, long>(), null);

    private static DivisionInputs Reported(long rdTotal) =>
        new(new Dictionary<string, DirectValue>(), new Dictionary<string, long> { [Measure.RdTotal] = rdTotal }, null);

    [Fact]
    public void Value_NoReportedFigure_SumsChildrenAndDirectUnits()
    {
        var r = new Rollup(Tree, new Dictionary<string, DivisionInputs>
        {
            ["a1"] = Units(100, 2),
            ["a2"] = Units(50, 1),
            ["A"] = Units(7, 1),   // a unit registered at the league/city itself counts
        });
        var a = r.Value("A", Measure.RdTotal)!;
        Assert.Equal(157, a.Value);
        Assert.Equal(new Provenance("derived", 4, 2), a.Provenance);
        var region = r.Value("R", Measure.RdTotal)!;
        Assert.Equal(157, region.Value);
        Assert.Equal(1, region.Provenance.Divisions);
    }

    [Fact]
    public void Value_ReportedFigure_BeatsDerivedSum()
    {
        var r = new Rollup(Tree, new Dictionary<string, DivisionInputs>
        {
            ["a1"] = Units(100, 2),
            ["A"] = new(new Dictionary<string, DirectValue> { [Measure.RdTotal] = new(7, 1) }, new Dictionary<string, long> { [Measure.RdTotal] = 1000 }, null),
            ["B"] = Reported(500),
        });
        Assert.Equal(new RolledValue(1000, Provenance.Reported), r.Value("A", Measure.RdTotal));
        // The region is derived from its children's values, each by the same rule (A reported 1000, B reported 500).
        var region = r.Value("R", Measure.RdTotal)!;
        Assert.Equal(1500, region.Value);
        Assert.Equal("derived", region.Provenance.Kind);
        Assert.Equal(2, region.Provenance.Divisions);
    }

    [Fact]
    public void Value_ReportedAtTheTop_WinsOverEverythingBelow()
    {
        var r = new Rollup(Tree, new Dictionary<string, DivisionInputs>
        {
            ["R"] = Reported(2095),
            ["B"] = Reported(500),
            ["a1"] = Units(100, 2),
        });
        Assert.Equal(2095, r.Value("R", Measure.RdTotal)!.Value);
        Assert.True(r.Value("R", Measure.RdTotal)!.Provenance.IsReported);
    }

    [Fact]
    public void Value_NothingAnywhere_IsNull()
    {
        var r = new Rollup(Tree, new Dictionary<string, DivisionInputs>());
        Assert.Null(r.Value("R", Measure.RdTotal));
    }

    [Fact]
    public void Value_GdpKnownForSomeChildrenOnly_IsNotSummed()
    {
        var gdp = (long v) => new DivisionInputs(new Dictionary<string, DirectValue>(), new Dictionary<string, long> { [Measure.Gdp] = v }, null);
        var partial = new Rollup(Tree, new Dictionary<string, DivisionInputs> { ["A"] = gdp(10) });
        Assert.Null(partial.Value("R", Measure.Gdp));
        var full = new Rollup(Tree, new Dictionary<string, DivisionInputs> { ["A"] = gdp(10), ["B"] = gdp(5) });
        Assert.Equal(15, full.Value("R", Measure.Gdp)!.Value);
    }
}
