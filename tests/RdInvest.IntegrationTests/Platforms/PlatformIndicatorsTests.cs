using RdInvest.Calculation;
using RdInvest.Data;
using RdInvest.Indicators;
using RdInvest.Plans;
using RdInvest.Platforms;
using RdInvest.Subsidies;
using RdInvest.Targets;

namespace RdInvest.IntegrationTests.Platforms;

/// <summary>
/// A hand-built population in Hohhot (150102, a county of 150100) for 2023 where leading and other industries differ.
/// The plan's leading industries include C26, C14, B06 and C27, not C30 or C33. Above-scale industrial enterprises with a
/// record in 2023:
///   U1 C2614 leading, region platform valid                 → T10 yes, T11 yes
///   U2 C1441 leading, league/city platform only             → T10 yes, T11 no
///   U3 B0610 leading, national platform expired 2023-06-30  → T10 no,  T11 no
///   U4 C3091 other,   region platform valid                 → T10 yes, not in T11
///   U5 C3391 other,   no platform, R&amp;D institution flag  → T10 yes, not in T11
///   U6 C2710 leading, region platform recognised 2024-01-01 → T10 no,  T11 no
/// plus an institute hosting a national key lab (not an enterprise: in the counts by level and type only).
/// T10 = 4/6 = 66.6667 %; T11 = 1/4 = 25 %; all-industry region-level coverage = 2/6 = 33.3333 %.
/// </summary>
public sealed class PlatformIndicatorsTests
{
    private static readonly DateTime Now = new(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    private static async Task<TestDatabase> PopulationAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await database.InitAsync();
        await using var db = database.Open();
        (string Code, string Industry, string Sector, bool Flag)[] units =
        [
            ("U1", "C2614", Sectors.Enterprise, false), ("U2", "C1441", Sectors.Enterprise, false), ("U3", "B0610", Sectors.Enterprise, false),
            ("U4", "C3091", Sectors.Enterprise, false), ("U5", "C3391", Sectors.Enterprise, true), ("U6", "C2710", Sectors.Enterprise, false),
            ("I1", "M7310", Sectors.Institute, false),
        ];
        var ids = new Dictionary<string, long>();
        for (var i = 0; i < units.Length; i++)
        {
            var u = new ReportingUnit
            {
                CreditCode = Common.CreditCode.Complete($"91150102MA{i + 1:D7}"), Name = units[i].Code, Sector = units[i].Sector,
                DivisionCode = "150102", IndustryCode = units[i].Industry, AboveScale = units[i].Sector == Sectors.Enterprise, UpdatedAt = Now,
            };
            db.Units.Add(u);
            await db.SaveChangesAsync();
            ids[units[i].Code] = u.Id;
            db.RdRecords.Add(new UnitRdRecord
            {
                UnitId = u.Id, Year = 2023, RdTotalFen = 100_000_00, HasRdInstitution = units[i].Flag, Status = DataStatuses.Final, UpdatedAt = Now,
            });
        }
        Platform P(string id, string host, string level, string type, DateOnly from, DateOnly? until = null) => new()
        {
            Id = id, Name = id, Type = type, Level = level, HostUnitId = ids[host], RecognisedOn = from, ValidUntil = until, UpdatedAt = Now,
        };
        db.Platforms.AddRange(
            P("P1", "U1", PlatformLevels.Region, PlatformTypes.EnterpriseTechCenter, new(2021, 5, 1), new(2023, 12, 31)),
            P("P2", "U2", PlatformLevels.LeagueCity, PlatformTypes.EnterpriseTechCenter, new(2020, 1, 1)),
            P("P3", "U3", PlatformLevels.National, PlatformTypes.EngineeringResearchCenter, new(2018, 7, 1), new(2023, 6, 30)),
            P("P4", "U4", PlatformLevels.Region, PlatformTypes.TechInnovationCenter, new(2023, 12, 31)),
            P("P6", "U6", PlatformLevels.Region, PlatformTypes.ManufacturingInnovationCenter, new(2024, 1, 1)),
            P("K1", "I1", PlatformLevels.National, PlatformTypes.KeyLab, new(2015, 1, 1)));
        db.PlatformEvaluations.AddRange(
            new PlatformEvaluation { PlatformId = "P1", Year = 2022, Grade = "B", ScoreCenti = 8500, UpdatedAt = Now },
            new PlatformEvaluation { PlatformId = "P1", Year = 2023, Grade = "A", ScoreCenti = 9600, UpdatedAt = Now },
            new PlatformEvaluation { PlatformId = "P2", Year = 2023, Grade = "A", UpdatedAt = Now },
            new PlatformEvaluation { PlatformId = "K1", Year = 2021, Grade = "A", UpdatedAt = Now },
            new PlatformEvaluation { PlatformId = "K1", Year = 2024, Grade = "D", UpdatedAt = Now });
        await db.SaveChangesAsync();
        return database;
    }

    [Fact]
    public async Task Indicators_LeadingAndOtherIndustries_GiveT10AndT11ByHand()
    {
        await using var database = await PopulationAsync();
        await using var db = database.Open();
        var ct = TestContext.Current.CancellationToken;
        foreach (var division in new[] { "150102", "150100", "150000" })
        {
            var ind = (await new IndicatorsHandler(db).HandleAsync(new IndicatorsRequest(division, 2023), ct)).Indicators;
            Assert.Equal(66.6667m, ind["above_scale_rd_institution_share"].Value);
            Assert.Equal(25m, ind["leading_industry_platform_share"].Value);
            Assert.Equal(33.3333m, ind["above_scale_platform_share"].Value);
        }
        var progress = await new ProgressHandler(db).HandleAsync(new ProgressRequest(null, 2023, null), ct);
        Assert.Equal(25m, progress.Targets.Single(t => t.Id == "T11").Actual);
        Assert.Equal(66.6667m, progress.Targets.Single(t => t.Id == "T10").Actual);

        // A plan whose leading industries are C30 and C33 instead: U4 hosts, U5 does not → 50 %.
        var plan = PlanLoader.BuiltIn(PlanResolver.DefaultPlan);
        var other = plan with
        {
            Parameters = new Dictionary<string, PlanParameter>(plan.Parameters)
            {
                [LeadingIndustries.Parameter] = plan.Parameters[LeadingIndustries.Parameter] with
                {
                    Values = [new ParameterValue(LeadingIndustries.Parameter, new(2021, 1, 1), new System.Text.Json.Nodes.JsonArray("C30", "C33"), "二(四)11", true)],
                },
            },
        };
        var mine = (await new IndicatorsHandler(db, plan: other).HandleAsync(new IndicatorsRequest("150000", 2023), ct)).Indicators;
        Assert.Equal(50m, mine["leading_industry_platform_share"].Value);
    }

    [Fact]
    public async Task PlatformIndicators_ByLevelAndType_CountThePlatformsOfTheYear()
    {
        await using var database = await PopulationAsync();
        await using var db = database.Open();
        var result = await new PlatformIndicatorsHandler(db).HandleAsync(2023, TestContext.Current.CancellationToken);
        // Counting in 2023: P1, P2, P4, K1 (P3 expired mid-year, P6 recognised in 2024).
        foreach (var code in new[] { "150000", "150100" })
        {
            var row = result.Divisions.Single(d => d.Code == code);
            Assert.Equal(4, row.Total);
            Assert.Equal((1, 2, 1), (row.ByLevel[PlatformLevels.National], row.ByLevel[PlatformLevels.Region], row.ByLevel[PlatformLevels.LeagueCity]));
            Assert.Equal((2, 1, 1, 0), (row.ByType[PlatformTypes.EnterpriseTechCenter], row.ByType[PlatformTypes.TechInnovationCenter],
                row.ByType[PlatformTypes.KeyLab], row.ByType[PlatformTypes.EngineeringResearchCenter]));
            Assert.Equal(25m, row.LeadingShare.Value);
        }
        var baotou = result.Divisions.Single(d => d.Code == "150200");
        Assert.Equal(0, baotou.Total);
        Assert.Null(baotou.LeadingShare.Value);
        Assert.Contains("C26", result.LeadingIndustries);
    }

    [Fact]
    public async Task PostSubsidy_FromTheRecords_TakesTheLatestEvaluationUpToTheYear_AndTheRoundListsIt()
    {
        await using var database = await PopulationAsync();
        await using var db = database.Open();
        var ct = TestContext.Current.CancellationToken;
        var calc = new CalcHandler(new PlanResolver(db), TimeProvider.System, db);
        async Task<decimal> Amount(string platform, int year) =>
            (await calc.HandleAsync("platform-post-subsidy", new CalcRequest(), ct, platform: platform, year: year)).Plan.Amount;

        Assert.Equal(200_000m, await Amount("P1", 2022));   // region, 2022 grade B
        Assert.Equal(500_000m, await Amount("P1", 2023));   // region, 2023 grade A
        Assert.Equal(0m, await Amount("P1", 2024));         // its recognition ended 2023-12-31
        Assert.Equal(0m, await Amount("P2", 2023));         // league/city level: outside the clause
        Assert.Equal(1_000_000m, await Amount("K1", 2023)); // national, latest up to 2023 is 2021's A
        Assert.Equal(0m, await Amount("K1", 2024));         // 2024's D
        var missing = await Assert.ThrowsAsync<Common.UserError>(() => Amount("P4", 2023));
        Assert.Contains("P4", missing.MessageEn, StringComparison.Ordinal);

        var round = await new SubsidyRoundHandler(db).HandleAsync(new SubsidyRoundRequest(2023, null), PlanLoader.BuiltIn(PlanResolver.DefaultPlan), ct);
        Assert.Equal(["K1", "P1", "P2"], round.Platforms.Select(p => p.Platform.PlatformId));
        Assert.Equal([1_000_000m, 500_000m, 0m], round.Platforms.Select(p => p.Claim.Amount));
        Assert.Equal(1_500_000m, round.PlatformTotalClaims);
        Assert.All(round.Platforms, p => Assert.Contains("二(四)11", p.Claim.ExplanationZh(), StringComparison.Ordinal));
        var view = SubsidyRoundView.Of(round);
        var json = System.Text.Json.JsonSerializer.Serialize(view);
        Assert.Contains("\"platform_post_subsidy\":[{\"platform_id\":\"K1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"r1_total_claims\"", json, StringComparison.Ordinal);
    }
}
