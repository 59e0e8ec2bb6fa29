using RdInvest.Finance;
using RdInvest.Plans;
using RdInvest.Policy;

namespace RdInvest.Tests.Finance;

public sealed class FinanceRuleInputsTests
{
    private static readonly Plan Plan = PlanLoader.BuiltIn("im-rd-2021-2025");
    private static readonly FinanceData Data = FinanceScenario.Data();

    private static RuleResult Run(string rule, Dictionary<string, string> inputs) =>
        RuleRegistry.Find(rule).Evaluate(inputs.ToList(), Plan, new DateOnly(2023, 12, 31), new DateOnly(2023, 12, 31));

    private static LoanInfo Loan(string id) => Data.Loans.Single(l => l.LoanId == id);

    [Theory]
    [InlineData("L1", 365)]   // granted 2022, matures 2024: the whole of 2023
    [InlineData("L4", 93)]    // 30 June up to the repayment on 1 October
    [InlineData("L3", 244)]   // 1 May up to its maturity on 31 December
    [InlineData("L7", 0)]     // repaid in 2022
    public void DaysWithin_Year_CountsFromGrantToRepaymentOrMaturity(string loan, int days) =>
        Assert.Equal(days, FinanceRuleInputs.DaysWithin(Loan(loan), 2023));

    [Fact]
    public void LoanInterest_FromALoan_TakesPrincipalRateAndDaysFromTheRecord()
    {
        // 300,000 × 4.5 % × 93 / 360 = 3,487.5; × 50 % = 1,743.75 → 1,744.
        var r = Run("loan-interest", FinanceRuleInputs.ForLoan("loan-interest", Data, Loan("L4"), 2023));
        Assert.Equal(1744m, r.Amount);
        Assert.Contains(r.Steps, s => s.Clause == "二(三)9");
    }

    [Fact]
    public void LoanInterest_BorrowerNotAnStEnterpriseOnTheGrantDate_IsZeroWithTheReason()
    {
        var r = Run("loan-interest", FinanceRuleInputs.ForLoan("loan-interest", Data, Loan("L6"), 2023));
        Assert.Equal(0m, r.Amount);
        Assert.Contains(r.Steps, s => s.TextEn.Contains("not an S&T enterprise", StringComparison.Ordinal));
    }

    [Fact]
    public void PledgeAndGuarantee_FromLoans_HandComputed()
    {
        // L2: IP pledge, loss 100,000 × 30 % = 30,000. L4: guaranteed, fee 6,000 × 50 % = 3,000.
        Assert.Equal(30_000m, Run("pledge-compensation", FinanceRuleInputs.ForLoan("pledge-compensation", Data, Loan("L2"), null)).Amount);
        Assert.Equal(3_000m, Run("guarantee-fee-subsidy", FinanceRuleInputs.ForLoan("guarantee-fee-subsidy", Data, Loan("L4"), null)).Amount);
        Assert.Equal(0m, Run("guarantee-fee-subsidy", FinanceRuleInputs.ForLoan("guarantee-fee-subsidy", Data, Loan("L2"), null)).Amount);
    }

    [Fact]
    public void ListingAndDirectFinancing_FromEvents_StarMarketGoesToTheListingRewardOnly()
    {
        var star = Data.Financing.Single(e => e.EventId == "E1");
        var bond = Data.Financing.Single(e => e.EventId == "E2");
        Assert.Equal(5_000_000m, Run("listing-reward", FinanceRuleInputs.ForEvent("listing-reward", Data, star)).Amount);
        Assert.Equal(0m, Run("direct-financing-reward", FinanceRuleInputs.ForEvent("direct-financing-reward", Data, star)).Amount);
        // U3's certificate ran to 30 June 2023: on 1 March it was an S&T enterprise. 10,000,000 × 1 % = 100,000.
        Assert.Equal(100_000m, Run("direct-financing-reward", FinanceRuleInputs.ForEvent("direct-financing-reward", Data, bond)).Amount);
    }
}
