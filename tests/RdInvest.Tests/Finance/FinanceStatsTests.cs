using RdInvest.Finance;

namespace RdInvest.Tests.Finance;

public sealed class FinanceStatsTests
{
    private static readonly FinanceStatsResult Stats = FinanceStats.Compute(FinanceScenario.Data(), 2023);

    private static InstitutionStats Institution(string code) => Stats.Institutions.Single(i => i.Code == code);

    [Fact]
    public void Region_StLoansOnly_HandComputed()
    {
        // S&T loans: L1 (2022), L2, L3, L4 (U3 on its certificate's expiry day). L5's borrower holds no certificate, L6 is
        // granted the day after U3's expired, L7's borrower had none in 2021.
        var r = Stats.Region;
        Assert.Equal(3, r.StEnterprisesServed);
        Assert.Equal(3, r.NewLoansCount);
        Assert.Equal(1_000_000m, r.NewLoansAmount);
        // End of 2023: L1 + L2; L3 matures on 31 December, L4 was repaid in October.
        Assert.Equal(1_500_000m, r.BalanceYearEnd);
        Assert.Equal(1_000_000m, r.BalancePreviousYearEnd);
        Assert.Equal(50m, r.BalanceGrowth);
        Assert.Equal(500_000m, r.IpPledgeAmount);
        // (500,000 × 5 % + 200,000 × 3 % + 300,000 × 4.5 %) / 1,000,000 = 4.45 %.
        Assert.Equal(4.45m, r.WeightedRate);
        // U1 first borrowed in 2022, U2 in 2021 (a non-S&T loan still counts), U3 in 2023: 1 of 3.
        Assert.Equal(33.33m, r.FirstLoanShare);
    }

    [Fact]
    public void Bank_BranchLoans_AreRolledUp()
    {
        var bank = Institution(FinanceScenario.Bank);
        Assert.Equal((2, 2, 700_000m, 1_500_000m, 50m), (bank.StEnterprisesServed, bank.NewLoansCount, bank.NewLoansAmount, bank.BalanceYearEnd, bank.BalanceGrowth));
        // (25,000 + 6,000) / 700,000 = 4.428571… %.
        Assert.Equal(4.4286m, bank.WeightedRate);
        Assert.Equal(0m, bank.FirstLoanShare);
    }

    [Fact]
    public void Branch_NoBalanceTheYearBefore_GrowthIsNullWithReason()
    {
        var branch = Institution(FinanceScenario.Branch);
        Assert.Equal((500_000m, 0m), (branch.BalanceYearEnd, branch.BalancePreviousYearEnd));
        Assert.Null(branch.BalanceGrowth);
        Assert.Equal(FinanceFigures.NoPreviousBalanceReason, branch.BalanceGrowthReason);
        var solo = Institution(FinanceScenario.Solo);
        Assert.Equal((1, 300_000m, 0m, 4.5m, 100m), (solo.NewLoansCount, solo.NewLoansAmount, solo.BalanceYearEnd, solo.WeightedRate, solo.FirstLoanShare));
        Assert.DoesNotContain(Stats.Institutions, i => i.Code == FinanceScenario.Guarantor);
    }

    [Fact]
    public void LeagueCities_ByBorrowerDivision_WithFinancingByKind()
    {
        var hohhot = Stats.LeagueCities.Single(l => l.Code == "150100");
        var baotou = Stats.LeagueCities.Single(l => l.Code == "150200");
        Assert.Equal((2, 700_000m, 1_500_000m, 50m), (hohhot.StEnterprisesServed, hohhot.NewLoansAmount, hohhot.BalanceYearEnd, hohhot.BalanceGrowth));
        Assert.Equal((1, 50_000_000m, 1), (hohhot.FinancingEventsTotal, hohhot.FinancingAmountTotal, hohhot.FinancingEvents[FinancingKinds.StarMarket]));
        Assert.Equal(0, hohhot.FinancingEvents[FinancingKinds.Neeq]);
        Assert.Equal((300_000m, 0m, 100m), (baotou.NewLoansAmount, baotou.BalanceYearEnd, baotou.FirstLoanShare));
        Assert.Null(baotou.BalanceGrowth);
        Assert.Equal(10_000_000m, baotou.FinancingAmount[FinancingKinds.Bond]);
    }

    [Theory]
    [InlineData(2023, 12, 31, false)]
    [InlineData(2024, 1, 1, true)]
    public void Loan_MaturingOn31December_IsNotOutstandingAtYearEnd(int y, int m, int d, bool outstanding)
    {
        var loan = new LoanInfo("B", "X", 1, LoanKinds.Credit, null, new(2023, 1, 1), new(y, m, d), null, 1m, 0.04m, null, null);
        Assert.Equal(outstanding, loan.OutstandingAtEndOf(new DateOnly(2023, 12, 31)));
    }
}
