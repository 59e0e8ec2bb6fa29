using MiniExcelLibs;
using RdInvest.Finance;
using RdInvest.IntegrationTests.Importing;

namespace RdInvest.IntegrationTests.Finance;

/// <summary>The statistics over imported records, on SQLite and (with RDINVEST_TEST_PG) PostgreSQL: the same hand-computed figures.</summary>
public sealed class FinanceStatsDbTests
{
    [Fact]
    public async Task Stats_ImportedScenario_MatchHandComputedFiguresAndTheWorkbook()
    {
        await using var db = await ImportTestDb.CreateAsync();
        await FinanceScenarioFiles.ImportAsync(db);
        var path = Path.Combine(db.Dir, "stats.xlsx");

        FinanceStatsResult result;
        await using (var context = db.Context())
        {
            result = await new FinanceStatsHandler(context).HandleAsync(new FinanceStatsRequest(2023, path), TestContext.Current.CancellationToken);
        }

        var r = result.Region;
        Assert.Equal((3, 3, 1_000_000m, 1_500_000m, 50m, 500_000m, 4.45m, 33.33m),
            (r.StEnterprisesServed, r.NewLoansCount, r.NewLoansAmount, r.BalanceYearEnd, r.BalanceGrowth, r.IpPledgeAmount, r.WeightedRate, r.FirstLoanShare));
        var bank = result.Institutions.Single(i => i.Code == FinanceScenarioFiles.Bank);
        Assert.Equal((700_000m, 1_500_000m, 4.4286m), (bank.NewLoansAmount, bank.BalanceYearEnd, bank.WeightedRate));
        var branch = result.Institutions.Single(i => i.Code == FinanceScenarioFiles.Branch);
        Assert.Null(branch.BalanceGrowth);
        Assert.NotNull(branch.BalanceGrowthReason);
        var hohhot = result.LeagueCities.Single(l => l.Code == "150100");
        Assert.Equal((50_000_000m, 1), (hohhot.FinancingAmountTotal, hohhot.FinancingEvents[FinancingKinds.StarMarket]));

        var sheet = MiniExcel.Query(path, useHeaderRow: true, sheetName: FinanceStatsHandler.InstitutionsSheet).Cast<IDictionary<string, object?>>().ToList();
        var bankRow = sheet.Single(x => (string?)x["code"] == FinanceScenarioFiles.Bank);
        Assert.Equal(1_500_000m, Convert.ToDecimal(bankRow["balance_year_end"], System.Globalization.CultureInfo.InvariantCulture));
    }
}
