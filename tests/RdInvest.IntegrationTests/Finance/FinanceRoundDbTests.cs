using Microsoft.EntityFrameworkCore;
using RdInvest.Auditing;
using RdInvest.Common;
using RdInvest.Finance;
using RdInvest.IntegrationTests.Importing;
using RdInvest.Payments;
using RdInvest.Plans;

namespace RdInvest.IntegrationTests.Finance;

/// <summary>
/// The finance round over the imported hand-checked scenario, on SQLite and (with RDINVEST_TEST_PG) PostgreSQL.
/// 2023, parameters in force on 31 December (R10: 50 % of interest on a 360-day year; R14: 1 %; R16: 50 %):
/// R10 L1 1,000,000 × 4 % × 365 / 360 × 50 % = 20,277.78 → 20,278; L2 500,000 × 5 % × 334 / 360 × 50 % = 11,597;
/// L3 200,000 × 3 % × 244 / 360 × 50 % = 2,033; L4 300,000 × 4.5 % × 93 / 360 × 50 % = 1,743.75 → 1,744 (repaid 1 October);
/// L5 (U4, no certificate) and L6 (U3's certificate expired 30 June) 0; L7 did not run in 2023.
/// R11 E1 STAR Market 5,000,000; R14 E2 bond 10,000,000 × 1 % = 100,000; R16 L4 fee 6,000 × 50 % = 3,000. Total 5,138,652.
/// </summary>
public sealed class FinanceRoundDbTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The lines by rule and loan or event id (the round orders loans by lender code, which the sample codes shuffle).</summary>
    private static List<FinanceRoundLine> Ordered(FinanceRoundResult r) =>
        [.. r.Lines.OrderBy(l => l.Rule, StringComparer.Ordinal).ThenBy(l => l.Record.Split(':')[^1], StringComparer.Ordinal)];

    private static async Task<Plan> PlanAsync(RdInvest.Data.RdInvestDb db) => await new PlanResolver(db).ResolveAsync(null, Ct);

    [Fact]
    public async Task Round_2023_HandComputedClaimsAndPayees()
    {
        await using var db = await ImportTestDb.CreateAsync();
        await FinanceScenarioFiles.ImportAsync(db);
        await using var context = db.Context();

        var r = await new FinanceRoundHandler(context).HandleAsync(new FinanceRoundRequest(2023, null), await PlanAsync(context), Ct);

        Assert.Equal(
        [
            "R10 L1 unit 20278", "R10 L2 unit 11597", "R10 L3 unit 2033", "R10 L4 unit 1744", "R10 L5 unit 0", "R10 L6 unit 0",
            "R11 E1 unit 5000000", "R14 E2 unit 100000", "R16 L4 unit 3000",
        ], Ordered(r).Select(l => $"{l.Rule} {l.Record.Split(':')[^1]} {l.PayeeKind} {l.Claim}"));
        Assert.Equal((5_138_652m, 5_138_652m, 7, (decimal?)null), (r.TotalClaims, r.TotalPaid, r.Eligible, r.ScaleFactor));
        var l1 = Ordered(r)[0];
        Assert.Equal((SampleFiles.Code(1), "2023:" + FinanceScenarioFiles.Bank + ":L1"), (l1.PayeeCode, l1.Period));
        Assert.Contains("二(三)9", l1.ExplanationZh, StringComparison.Ordinal);
        Assert.Contains("二(三)8", r.Lines.Single(l => l.Rule == "R14").ExplanationZh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Round_Budget_ScalesEveryClaimProRataAndFloors()
    {
        await using var db = await ImportTestDb.CreateAsync();
        await FinanceScenarioFiles.ImportAsync(db);
        await using var context = db.Context();

        var r = await new FinanceRoundHandler(context).HandleAsync(new FinanceRoundRequest(2023, 1_000_000m), await PlanAsync(context), Ct);

        // floor(claim × 1,000,000 / 5,138,652) each.
        Assert.Equal([3_946m, 2_256m, 395m, 339m, 0m, 0m, 973_017m, 19_460m, 583m], Ordered(r).Select(l => l.Paid));
        Assert.Equal((999_996m, (decimal?)4m), (r.TotalPaid, r.Remainder));
        Assert.Contains("按比例核减", Ordered(r)[0].ExplanationZh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_RecordsUnitAndInstitutionPayments_AndASecondRoundDoesNotPayAgain()
    {
        await using var db = await ImportTestDb.CreateAsync();
        await FinanceScenarioFiles.ImportAsync(db);
        var actor = new Actor("finance-test");
        await using (var context = db.Context())
        {
            var rounds = new SavedFinanceRoundHandler(context, TimeProvider.System);
            var plan = await PlanAsync(context);
            // 2022: E3, U1's NEEQ quotation, 8,000,000 × 1 % = 80,000 (R14); L1 ran 306 days: 1,000,000 × 4 % × 306 / 360 × 50 % = 17,000.
            var y2022 = await rounds.SaveAsync(new FinanceRoundRequest(2022, null), plan, actor, Ct);
            var approved = await rounds.ApproveAsync(y2022.Round.Id, actor, Ct);
            Assert.Equal((2, 97_000m), (approved.Payments, approved.Total));
            // 2024: L2 matured 1 February 2024 with a loss of 100,000: 30 % = 30,000 to the branch that lent it (R15).
            var y2024 = await rounds.SaveAsync(new FinanceRoundRequest(2024, null), plan, actor, Ct);
            Assert.Equal("R15 institution " + FinanceScenarioFiles.Branch + " 30000",
                y2024.Computed!.Lines.Where(l => l.Rule == "R15").Select(l => $"{l.Rule} {l.PayeeKind} {l.PayeeCode} {l.Claim}").Single());
            var a2024 = await rounds.ApproveAsync(y2024.Round.Id, actor, Ct);
            Assert.Equal((1, 30_000m), (a2024.InstitutionPayments, a2024.InstitutionTotal));
            await Assert.ThrowsAsync<ConflictError>(() => rounds.ApproveAsync(y2024.Round.Id, actor, Ct));
            await Assert.ThrowsAsync<ConflictError>(() => rounds.SaveAsync(new FinanceRoundRequest(2024, null), plan, actor, Ct));
        }
        // A second NEEQ quotation of U1 in 2023: R14 is once per enterprise per kind, paid in 2022.
        var file = SampleFiles.WriteCsv(Path.Combine(db.Dir, "e4.csv"),
            [["event_id", "unit", "kind", "date", "amount_raised", "institution_code"], ["E4", SampleFiles.Code(1), "neeq", "2023-09-01", "2000000", ""]]);
        Assert.True((await db.ImportAsync("financing", file, unit: "元")).Accepted);
        await using (var context = db.Context())
        {
            var r = await new FinanceRoundHandler(context).HandleAsync(new FinanceRoundRequest(2023, null), await PlanAsync(context), Ct);
            var e4 = r.Lines.Single(l => l.Record == "E4");
            Assert.Equal((0m, 2022, 80_000m), (e4.Claim, e4.PaidBefore!.Year, e4.PaidBefore.Amount));
            Assert.Contains("不再发放", e4.ExplanationZh, StringComparison.Ordinal);
            Assert.Equal(1, r.AlreadyPaid);

            var register = await new PaymentRegisterHandler(context).ListAsync(new PaymentQuery(Rule: "R15"), Ct);
            Assert.Equal((FinanceScenarioFiles.Branch, "银行科技支行", 30_000m, "150100"), (register.Single().CreditCode, register.Single().Name, register.Single().Amount, register.Single().LeagueCityCode));
            var stored = await context.Payments.AsNoTracking().SingleAsync(p => p.RuleId == "R15", Ct);
            Assert.Equal((null, FinanceScenarioFiles.Branch), (stored.UnitId, stored.InstitutionCode));
        }
    }
}
