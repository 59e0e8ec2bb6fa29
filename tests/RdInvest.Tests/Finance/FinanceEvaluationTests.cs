using RdInvest.Finance;

namespace RdInvest.Tests.Finance;

public sealed class FinanceEvaluationTests
{
    private static readonly Dictionary<string, decimal> Weights = new()
    {
        ["new_loans_amount"] = 0.3m, ["balance_growth"] = 0.2m, ["st_enterprises_served"] = 0.2m, ["first_loan_share"] = 0.15m, ["ip_pledge_amount"] = 0.15m,
    };

    [Fact]
    public void Evaluate_Scenario_BranchRolledIntoItsBank_HandComputedScores()
    {
        // Bank (its branch rolled in): 700,000 new, growth 50 %, 2 served, first-loan 0 %, IP pledge 500,000.
        // Solo branch: 300,000, growth null (no balance at the end of 2022), 1 served, 100 %, 0.
        // Bank: 0.3 + 0.2 + 0.2 + 0 + 0.15 = 0.85 of 1 → 85; solo: growth left out, 0.15 (first-loan share) of the other 0.8 →
        // 18.75. The bank's branch is not evaluated.
        var inputs = FinanceEvaluation.Inputs(FinanceScenario.Data(), 2023);
        var results = FinanceEvaluation.Evaluate(inputs, Weights, 5);

        Assert.Equal(["BANK 85 1 True", "SOLO 18.75 2 True"], results.Select(r => $"{r.Code} {r.Score} {r.Rank} {r.Outstanding}"));
    }

    [Fact]
    public void Evaluate_EqualScores_ShareARankAndTheNextSkips()
    {
        EvaluationInput In(string code, decimal amount) => new(code, code, new Dictionary<string, decimal?>
        {
            ["new_loans_amount"] = amount, ["balance_growth"] = null, ["st_enterprises_served"] = 1, ["first_loan_share"] = 0, ["ip_pledge_amount"] = 0,
        });
        var results = FinanceEvaluation.Evaluate([In("A", 100), In("B", 100), In("C", 40)], Weights, 1);

        // Growth is missing for all, so scores are over the other 0.8: A and B 0.3 + 0.2 + 0.15 + 0.15 = 0.8 → 100; C 0.5 → 62.5.
        Assert.Equal(["A 100 1 True", "B 100 1 True", "C 62.5 3 False"], results.Select(r => $"{r.Code} {r.Score} {r.Rank} {r.Outstanding}"));
    }

    [Fact]
    public void Evaluate_SingleInstitution_ScoresFullMarksOnEveryPresentCriterion()
    {
        var only = new EvaluationInput("A", "A", new Dictionary<string, decimal?>
        {
            ["new_loans_amount"] = 5, ["balance_growth"] = 12.5m, ["st_enterprises_served"] = 3, ["first_loan_share"] = 50, ["ip_pledge_amount"] = 0,
        });
        var results = FinanceEvaluation.Evaluate([only], Weights, 5);

        Assert.Equal(("A", 100m, 1, true), (results[0].Code, results[0].Score, results[0].Rank, results[0].Outstanding));
    }

    [Fact]
    public void Evaluate_MissingCriterion_IsLeftOutOfThatInstitutionsScoreNotCountedAsZero()
    {
        EvaluationInput In(string code, decimal amount, decimal? growth) => new(code, code, new Dictionary<string, decimal?>
        {
            ["new_loans_amount"] = amount, ["balance_growth"] = growth, ["st_enterprises_served"] = 1, ["first_loan_share"] = 0, ["ip_pledge_amount"] = 0,
        });
        var results = FinanceEvaluation.Evaluate([In("A", 100, 10), In("B", 0, 20), In("NEW", 100, null)], Weights, 5);

        // A: 0.3 + 0 + 0.5 = 0.8 → 80; B: 0 + 0.2 + 0.5 = 0.7 → 70; NEW (no previous balance): (0.3 + 0.5) / 0.8 → 100.
        Assert.Equal(["NEW 100 1", "A 80 2", "B 70 3"], results.Select(r => $"{r.Code} {r.Score} {r.Rank}"));
    }
}
