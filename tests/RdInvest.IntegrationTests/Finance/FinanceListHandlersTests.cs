using RdInvest.Common;
using RdInvest.Finance;
using RdInvest.IntegrationTests.Importing;

namespace RdInvest.IntegrationTests.Finance;

/// <summary>
/// The institution and loan lists of the finance pages over the imported scenario (SQLite, and PostgreSQL with
/// RDINVEST_TEST_PG): every filter and the institution scope, checked against the loans picked by hand. In the
/// scenario L1–L4 are S&amp;T-enterprise loans (L4 granted on its borrower's certificate expiry day), L5–L7 are not.
/// </summary>
public sealed class FinanceListHandlersTests
{
    private static async Task<List<string>> LoansAsync(ImportTestDb db, LoanListRequest request)
    {
        await using var context = db.Context();
        return [.. (await new LoanListHandler(context).HandleAsync(request, TestContext.Current.CancellationToken)).Select(r => r.LoanId)];
    }

    [Fact]
    public async Task LoanList_EachFilterAndTheScope_SelectTheLoansPickedByHand()
    {
        await using var db = await ImportTestDb.CreateAsync();
        await FinanceScenarioFiles.ImportAsync(db);
        string bank = FinanceScenarioFiles.Bank, branch = FinanceScenarioFiles.Branch, solo = FinanceScenarioFiles.Solo;

        // Newest grant first.
        Assert.Equal(["L6", "L4", "L3", "L5", "L2", "L1", "L7"], await LoansAsync(db, new LoanListRequest()));
        // A bank's loans include its branch's.
        Assert.Equal(["L6", "L3", "L2", "L1", "L7"], await LoansAsync(db, new LoanListRequest(Lender: bank)));
        Assert.Equal(["L3", "L2"], await LoansAsync(db, new LoanListRequest(Lender: branch)));
        // The scope of a finance institution: its own loans only, whatever lender is asked for.
        Assert.Equal(["L3", "L2"], await LoansAsync(db, new LoanListRequest(Lender: bank, Institution: branch)));
        Assert.Empty(await LoansAsync(db, new LoanListRequest(Lender: solo, Institution: branch)));
        Assert.Equal(["L4", "L5"], await LoansAsync(db, new LoanListRequest(Institution: solo)));
        Assert.Equal(["L4", "L3", "L2", "L1"], await LoansAsync(db, new LoanListRequest(StEnterprise: true)));
        Assert.Equal(["L6", "L5", "L7"], await LoansAsync(db, new LoanListRequest(StEnterprise: false)));
        Assert.Equal(["L6", "L4", "L3", "L5", "L2"], await LoansAsync(db, new LoanListRequest(GrantedYear: 2023)));
        // At the end of 2023: L3 matured on 31 December and L4 was repaid, so neither is outstanding.
        Assert.Equal(["L6", "L5", "L2", "L1"], await LoansAsync(db, new LoanListRequest(OutstandingAtEndOf: 2023)));
        // The borrower's league/city takes in its counties (U3 is in 150203, Baotou).
        Assert.Equal(["L6", "L4"], await LoansAsync(db, new LoanListRequest(BorrowerDivision: "150200")));
        Assert.Equal(["L4"], await LoansAsync(db, new LoanListRequest(BorrowerDivision: "150203", StEnterprise: true)));
        Assert.Equal(["L2"], await LoansAsync(db, new LoanListRequest(Kind: LoanKinds.IpPledge)));
        Assert.Equal(["L2"], await LoansAsync(db, new LoanListRequest(GrantedYear: 2023, Lender: bank, Kind: LoanKinds.IpPledge, StEnterprise: true, OutstandingAtEndOf: 2023)));
    }

    [Fact]
    public async Task LoanList_Row_CarriesTheRecordInYuanAndPercent()
    {
        await using var db = await ImportTestDb.CreateAsync();
        await FinanceScenarioFiles.ImportAsync(db);
        await using var context = db.Context();
        var rows = await new LoanListHandler(context).HandleAsync(new LoanListRequest(), TestContext.Current.CancellationToken);

        var l4 = rows.Single(r => r.LoanId == "L4");
        Assert.Equal((FinanceScenarioFiles.Solo, "独立科技支行", "150203", 300_000m, 4.5m, 6_000m, (DateOnly?)new DateOnly(2023, 10, 1), true),
            (l4.LenderCode, l4.LenderName, l4.BorrowerDivision, l4.Amount, l4.AnnualRatePercent, l4.GuaranteeFee, l4.RepaidOn, l4.StEnterpriseLoan));
        Assert.Equal((999_999m, 6m, false), (rows.Single(r => r.LoanId == "L5").Amount, rows.Single(r => r.LoanId == "L5").AnnualRatePercent, rows.Single(r => r.LoanId == "L5").StEnterpriseLoan));
        Assert.Equal(100_000m, rows.Single(r => r.LoanId == "L2").LossAmount);
    }

    [Fact]
    public async Task LoanList_UnknownKindOrYearOutOfBounds_IsAUserError()
    {
        await using var db = await ImportTestDb.CreateAsync();
        await using var context = db.Context();
        var handler = new LoanListHandler(context);
        var kind = await Assert.ThrowsAsync<UserError>(() => handler.HandleAsync(new LoanListRequest(Kind: "mortgage"), TestContext.Current.CancellationToken));
        Assert.Contains("mortgage", kind.MessageZh, StringComparison.Ordinal);
        var year = await Assert.ThrowsAsync<UserError>(() => handler.HandleAsync(new LoanListRequest(OutstandingAtEndOf: 1800), TestContext.Current.CancellationToken));
        Assert.Contains("outstanding_at", year.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstitutionList_KindDivisionAndScope_FilterAndOrderBankBeforeBranch()
    {
        await using var db = await ImportTestDb.CreateAsync();
        await FinanceScenarioFiles.ImportAsync(db);
        await using var context = db.Context();
        var handler = new InstitutionListHandler(context);
        var ct = TestContext.Current.CancellationToken;
        string bank = FinanceScenarioFiles.Bank, branch = FinanceScenarioFiles.Branch, solo = FinanceScenarioFiles.Solo, guarantor = FinanceScenarioFiles.Guarantor;

        var all = await handler.HandleAsync(new InstitutionListRequest(), ct);
        Assert.Equal([bank, branch, solo, guarantor], all.Select(i => i.Code));
        var b = all.Single(i => i.Code == branch);
        Assert.Equal((bank, "银行", "150102", "新城区", 2), (b.ParentCode, b.ParentName, b.DivisionCode, b.DivisionZh, b.Loans));
        Assert.Equal(3, all.Single(i => i.Code == bank).Loans);

        Assert.Equal([branch, solo], (await handler.HandleAsync(new InstitutionListRequest(Kind: InstitutionKinds.TechBranch), ct)).Select(i => i.Code));
        Assert.Equal([bank, branch, guarantor], (await handler.HandleAsync(new InstitutionListRequest(DivisionCode: "150100"), ct)).Select(i => i.Code));
        Assert.Equal([solo], (await handler.HandleAsync(new InstitutionListRequest(DivisionCode: "150200"), ct)).Select(i => i.Code));
        Assert.Equal([bank, branch], (await handler.HandleAsync(new InstitutionListRequest(Institution: bank), ct)).Select(i => i.Code));
        Assert.Equal([branch], (await handler.HandleAsync(new InstitutionListRequest(Institution: branch), ct)).Select(i => i.Code));
        await Assert.ThrowsAsync<UserError>(() => handler.HandleAsync(new InstitutionListRequest(Kind: "fund"), ct));
    }

    [Fact]
    public async Task FinanceRecords_YearsAndSynthetic_FromTheLoansAndFinancingEvents()
    {
        await using var db = await ImportTestDb.CreateAsync();
        await using (var empty = db.Context())
        {
            Assert.Empty(await FinanceRecords.YearsAsync(empty, TestContext.Current.CancellationToken));
        }
        await FinanceScenarioFiles.ImportAsync(db);
        await using var context = db.Context();
        // Loans granted in 2021 (L7), 2022 (L1) and 2023; financing events in 2022 and 2023.
        Assert.Equal([2021, 2022, 2023], await FinanceRecords.YearsAsync(context, TestContext.Current.CancellationToken));
        Assert.False(await FinanceRecords.AnySyntheticAsync(context, TestContext.Current.CancellationToken));
    }
}
