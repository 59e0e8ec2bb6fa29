using RdInvest.Calculation;
using RdInvest.Data;
using RdInvest.Plans;
using Xunit;

namespace RdInvest.IntegrationTests.Calculation;

/// <summary>
/// The handlers behind the calculator pages and the enterprise's own page, on a real database: every field error at
/// once, inputs pre-filled from the enterprise's own records, and its claims through the calculator's handler.
/// </summary>
public sealed class EnterpriseCalcHandlersTests
{
    private const string Code = "91150202MA0CALC01X";
    private const string County = "150202";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<TestDatabase> SeedAsync(bool certificate = true, bool r1Paid = false)
    {
        var database = await TestDatabase.CreateAsync();
        await database.InitAsync();
        await using var db = database.Open();
        var now = DateTime.UtcNow;
        var unit = new ReportingUnit { CreditCode = Code, Name = "计算企业", Sector = Sectors.Enterprise, DivisionCode = County, IndustryCode = "C3411", UpdatedAt = now };
        db.Units.Add(unit);
        await db.SaveChangesAsync(Ct);
        db.RdRecords.Add(new UnitRdRecord { UnitId = unit.Id, Year = 2021, RdTotalFen = 15_000_000_00L, RevenueFen = 400_000_000_00L, Status = DataStatuses.Final, UpdatedAt = now });
        db.RdRecords.Add(new UnitRdRecord { UnitId = unit.Id, Year = 2022, RdTotalFen = 20_000_000_00L, RevenueFen = 500_000_000_00L, Status = DataStatuses.Final, UpdatedAt = now });
        if (certificate)
        {
            db.Certifications.Add(new Certification { UnitId = unit.Id, Kind = CertificationKinds.HighTech, Number = "GR202215000001", Issued = new DateOnly(2022, 5, 1), UpdatedAt = now });
            db.Certifications.Add(new Certification { UnitId = unit.Id, Kind = CertificationKinds.TechSme, Number = "2022150202A0001", Issued = new DateOnly(2022, 3, 1), Expires = new DateOnly(2022, 12, 31), UpdatedAt = now });
        }
        if (r1Paid)
        {
            db.Payments.Add(new IncentivePayment { UnitId = unit.Id, RuleId = "R1", Year = 2022, AmountFen = 300_000_00L, PaidOn = new DateOnly(2022, 9, 1), Source = "test", CreatedAt = now });
        }
        await db.SaveChangesAsync(Ct);
        return database;
    }

    [Fact]
    public async Task Check_SeveralBadFields_NamesEachField()
    {
        await using var database = await SeedAsync();
        await using var db = database.Open();
        var calc = new CalcHandler(new PlanResolver(db), TimeProvider.System);
        var findings = await calc.CheckAsync("post-subsidy", new CalcRequest(
            new Dictionary<string, string> { ["year"] = "2023", ["rd_prev"] = "abc", ["rd_prev2"] = "-5" },
            Set: new Dictionary<string, string> { ["post_subsidy.cap"] = "-1", ["post_subsidy.increment_rate"] = "0.2" }), Ct);

        Assert.Equal(["rd_prev", "revenue_prev", "rd_prev2", "set.post_subsidy.cap"], findings.Select(f => f.Field));
        Assert.Contains("abc", findings[0].MessageZh, StringComparison.Ordinal);
        Assert.Equal("calc.required", findings[1].Rule);
        Assert.Contains("负数", findings[2].MessageZh, StringComparison.Ordinal);
        Assert.Contains("post_subsidy.cap", findings[3].MessageEn, StringComparison.Ordinal);
        // The same case with good values has no finding, and computes.
        var good = new CalcRequest(new Dictionary<string, string> { ["year"] = "2023", ["rd_prev"] = "20000000", ["revenue_prev"] = "500000000", ["rd_prev2"] = "15000000" });
        Assert.Empty(await calc.CheckAsync("R2", good, Ct));
        Assert.Equal(1_100_000m, (await calc.HandleAsync("R2", good, Ct)).Plan.Amount);
    }

    [Fact]
    public async Task Prefill_PostSubsidy_ReadsYearMinusOneAndTwo_AndComputesAsTyped()
    {
        await using var database = await SeedAsync();
        await using var db = database.Open();
        var plan = await new PlanResolver(db).ResolveAsync(null, Ct);
        var handler = new CalcPrefillHandler(db);

        var filled = await handler.HandleAsync("post-subsidy", Code, 2023, plan, Ct);
        Assert.Equal(2023, filled.Year);
        Assert.Null(filled.NoteZh);
        Assert.Equal("20000000", filled.Inputs["rd_prev"]);
        Assert.Equal("500000000", filled.Inputs["revenue_prev"]);
        Assert.Equal("15000000", filled.Inputs["rd_prev2"]);
        var calc = new CalcHandler(new PlanResolver(db), TimeProvider.System);
        Assert.Equal(1_100_000m, (await calc.HandleAsync("R2", new CalcRequest(filled.Inputs.ToDictionary()), Ct)).Plan.Amount);

        // No year: the round after the latest record. A round without its year − 1 record says so.
        Assert.Equal(2023, (await handler.HandleAsync("R2", Code, null, plan, Ct)).Year);
        var missing = await handler.HandleAsync("R2", Code, 2021, plan, Ct);
        Assert.False(missing.Inputs.ContainsKey("rd_prev"));
        Assert.Contains("2020", missing.NoteZh, StringComparison.Ordinal);
        // A rule the records do not feed: nothing.
        Assert.Empty((await handler.HandleAsync("loan-interest", Code, null, plan, Ct)).Inputs);
        await Assert.ThrowsAsync<Common.NotFoundError>(() => handler.HandleAsync("R2", "91150202MA0NOPE00X", null, plan, Ct));
    }

    [Fact]
    public async Task Prefill_HteReward_FromCertificateAndPayments()
    {
        await using var database = await SeedAsync(r1Paid: true);
        await using var db = database.Open();
        var plan = await new PlanResolver(db).ResolveAsync(null, Ct);
        var filled = await new CalcPrefillHandler(db).HandleAsync("hte-reward", Code, null, plan, Ct);
        Assert.Equal("2022-05-01", filled.Inputs["certified_on"]);
        Assert.Equal("true", filled.Inputs["first_time"]);
        Assert.Equal("true", filled.Inputs["rewarded_before"]);

        await using var bare = await SeedAsync(certificate: false);
        await using var db2 = bare.Open();
        var none = await new CalcPrefillHandler(db2).HandleAsync("hte-reward", Code, null, plan, Ct);
        Assert.Empty(none.Inputs);
        Assert.Contains("高新技术企业证书", none.NoteZh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claims_FromOwnRecords_R1R2AndR6ThroughTheCalculator()
    {
        await using var database = await SeedAsync();
        await using var db = database.Open();
        var calc = new CalcHandler(new PlanResolver(db), TimeProvider.System);
        var claims = await new EnterpriseClaimsHandler(db, calc).HandleAsync(Code, null, Ct);

        Assert.Equal(["R1", "R2:2022", "R2:2023", "R6:2021", "R6:2022"], claims.Select(c => c.Year is { } y && c.Rule != "R1" ? $"{c.Rule}:{y}" : c.Rule));
        Assert.Equal(300_000m, claims[0].Result!.Plan.Amount);
        var r2 = claims.Single(c => c.Rule == "R2" && c.Year == 2023);
        Assert.Equal(1_100_000m, r2.Result!.Plan.Amount);
        Assert.Contains(r2.Result.Plan.Steps, s => s.Clause == "二(二)6");
        // R6 of 2022 counts the tech-SME registration valid that year.
        var r6 = claims.Single(c => c.Rule == "R6" && c.Year == 2022);
        Assert.Equal("true", r6.Inputs["tsme"]);
        Assert.Equal("20000000", r6.Inputs["expense"]);
        Assert.NotNull(r6.Result);
        Assert.Equal("false", claims.Single(c => c.Rule == "R6" && c.Year == 2021).Inputs["tsme"]);
    }
}
