using RdInvest.Data;
using RdInvest.Demo;
using RdInvest.Plans;

namespace RdInvest.Tests.Demo;

public sealed class DemoTablesTests
{
    [Fact]
    public void ShippedTables_CoverEveryLeagueAndParkCategory()
    {
        var t = DemoTables.Default;
        Assert.Equal(12, t.Leagues.Count);
        Assert.Equal(20, t.Parks.Count);
        Assert.Equal(ParkCategories.All.Order(StringComparer.Ordinal), t.Parks.Select(p => p.Category).Distinct().Order(StringComparer.Ordinal));
        Assert.All(t.Parks, p => Assert.Contains(p.League, t.Leagues.Keys));
        Assert.Equal(1.0, t.Leagues.Values.Sum(l => l.Units), 3);
        Assert.Contains(t.Industries, i => i.Code == "C1441" && i.AgriFood && i.Industrial);
    }

    [Fact]
    public void Parse_UnknownParkCategory_IsRefused()
    {
        const string yaml = "leagues: []\nindustries: []\nbrands: []\ninstitute_fields: []\nuniversity_kinds: []\n" +
            "project_topics: []\nproject_suffixes: []\nparks:\n  - [moon_base, \"150100\", X]\n";
        Assert.Throws<InvalidDataException>(() => DemoTables.Parse(yaml));
    }

    [Fact]
    public void ParkFloors_AreThePlansThresholds()
    {
        var plan = PlanLoader.BuiltIn(PlanResolver.DefaultPlan);
        var floors = DemoGenerator.PlanParkFloors(plan);
        Assert.Equal(2.5m, floors[ParkCategories.NationalHtz]);
        Assert.Equal(1m, floors[ParkCategories.RegionAgriPark]);
        Assert.Equal(floors, DemoGenerator.ParkFloors);

        var edited = PlanLoader.Parse(PlanLoader.BuiltInFiles().Single(f => PlanLoader.Parse(f.Text, f.Name).Id == plan.Id).Text
            .Replace("national_htz: 2.5", "national_htz: 3.5", StringComparison.Ordinal));
        Assert.Equal(3.5m, DemoGenerator.PlanParkFloors(edited)[ParkCategories.NationalHtz]);
    }
}
