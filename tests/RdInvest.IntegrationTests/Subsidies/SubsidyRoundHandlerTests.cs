using RdInvest.Data;
using RdInvest.Plans;
using RdInvest.Subsidies;
using Xunit;

namespace RdInvest.IntegrationTests.Subsidies;

/// <summary>The round against a real SQLite file: who is read, how league/city is found, and the budget holds.</summary>
public sealed class SubsidyRoundHandlerTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"rdinvest-round-{Guid.NewGuid():N}.db");
    private RdInvestDb _db = null!;

    public async ValueTask InitializeAsync()
    {
        _db = DbTarget.Parse(_file).CreateContext();
        await _db.Database.EnsureCreatedAsync();
        var now = DateTime.UtcNow;
        _db.Divisions.AddRange(
            new Division { Code = "150000", NameZh = "内蒙古自治区", NameEn = "Inner Mongolia", Level = DivisionLevels.Region },
            new Division { Code = "150100", NameZh = "呼和浩特市", NameEn = "Hohhot", Level = DivisionLevels.LeagueCity, ParentCode = "150000" },
            new Division { Code = "150102", NameZh = "新城区", NameEn = "Xincheng", Level = DivisionLevels.County, ParentCode = "150100" },
            new Division { Code = "150200", NameZh = "包头市", NameEn = "Baotou", Level = DivisionLevels.LeagueCity, ParentCode = "150000" },
            new Division { Code = "150202", NameZh = "东河区", NameEn = "Donghe", Level = DivisionLevels.County, ParentCode = "150200" });
        await _db.SaveChangesAsync();
        ReportingUnit Unit(string code, string name, string sector, string division) =>
            new() { CreditCode = code, Name = name, Sector = sector, DivisionCode = division, UpdatedAt = now };
        var a = Unit("91150100A00000001X", "甲公司", Sectors.Enterprise, "150102");
        var b = Unit("91150200B00000002X", "乙公司", Sectors.Enterprise, "150202");
        var c = Unit("91150200C00000003X", "丙公司", Sectors.Enterprise, "150200");
        var u = Unit("12150100D00000004X", "丁大学", Sectors.University, "150102");
        var old = Unit("91150100E00000005X", "戊公司", Sectors.Enterprise, "150102");
        _db.Units.AddRange(a, b, c, u, old);
        await _db.SaveChangesAsync();
        UnitRdRecord Rec(ReportingUnit unit, int year, decimal rd, decimal? revenue) =>
            new() { UnitId = unit.Id, Year = year, RdTotalFen = RdInvest.Common.Money.ToFen(rd), RevenueFen = RdInvest.Common.Money.ToFen(revenue), UpdatedAt = now };
        _db.RdRecords.AddRange(
            Rec(a, 2022, 80_000_000m, 1_000_000_000m), Rec(a, 2021, 60_000_000m, 900_000_000m), // claim 5,000,000 (capped)
            Rec(b, 2022, 4_000_000m, 100_000_000m), Rec(b, 2021, 3_000_000m, 90_000_000m),       // claim 220,000
            Rec(c, 2022, 2_000_000m, 50_000_000m),                                                // claim 60,000: no 2021 record, no increment
            Rec(u, 2022, 9_000_000m, 10_000_000m),                                                // a university: not in the round
            Rec(old, 2020, 9_000_000m, 10_000_000m));                                             // no 2022 record: not in the round
        await _db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        File.Delete(_file);
    }

    [Fact]
    public async Task HandleAsync_ClaimsAboveBudget_ScalesWithinBudgetAndGroupsByLeagueCity()
    {
        var plan = PlanLoader.BuiltIn("im-rd-2021-2025");
        var r = await new SubsidyRoundHandler(_db).HandleAsync(new SubsidyRoundRequest(2023, 2_640_000m), plan, TestContext.Current.CancellationToken);
        Assert.Equal(["91150100A00000001X", "91150200B00000002X", "91150200C00000003X"], r.Lines.Select(l => l.Applicant.CreditCode));
        // 丙 has no 2021 record: base 2,000,000 × 3 % = 60,000 and no increment (not 10 % of its whole 2022 R&D).
        Assert.Equal([5_000_000m, 220_000m, 60_000m], r.Lines.Select(l => l.Claim.Amount));
        // 5,280,000 claimed against 2,640,000: exactly half each.
        Assert.Equal([2_500_000m, 110_000m, 30_000m], r.Lines.Select(l => l.Paid));
        Assert.Equal(0m, r.Remainder);
        Assert.Null(r.Lines[2].Applicant.RdPrev2);
        Assert.Equal(0m, r.Lines[2].Claim.Outputs["increment"]);
        Assert.Contains("前年（2021 年）无研发投入记录", r.Lines[2].ExplanationZh, StringComparison.Ordinal);
        Assert.Contains("no R&D record for year − 2 (2021)", r.Lines[2].ExplanationEn, StringComparison.Ordinal);
        Assert.Equal(["150100", "150200"], r.ByLeagueCity.Select(c => c.Code));
        Assert.Equal([2_500_000m, 140_000m], r.ByLeagueCity.Select(c => c.Paid));
        Assert.Equal("包头市", r.Lines[2].Applicant.LeagueCityName);
        Assert.True(r.TotalPaid <= 2_640_000m);
    }
}
