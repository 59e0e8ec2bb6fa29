using RdInvest.Finance;

namespace RdInvest.Tests.Finance;

/// <summary>
/// A small hand-checked population for 2023: a bank with a tech branch, a tech branch on its own, a guarantor; S&amp;T and
/// other borrowers; a loan repaid in the year, one maturing on 31 December, a branch with no balance at the end of 2022.
/// </summary>
public static class FinanceScenario
{
    public const string Bank = "BANK", Branch = "BR", Solo = "SOLO", Guarantor = "G";

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    public static FinanceData Data(IEnumerable<InstitutionInfo>? extra = null) => new(
        [
            new(Bank, "银行", InstitutionKinds.Bank, null, "150100"),
            new(Branch, "银行科技支行", InstitutionKinds.TechBranch, Bank, "150102"),
            new(Solo, "独立科技支行", InstitutionKinds.TechBranch, null, "150200"),
            new(Guarantor, "担保公司", InstitutionKinds.Guarantee, null, "150100"),
            .. extra ?? [],
        ],
        [
            new(Bank, "L1", 1, LoanKinds.Credit, null, D(2022, 3, 1), D(2024, 3, 1), null, 1_000_000m, 0.04m, null, null),
            new(Branch, "L2", 1, LoanKinds.IpPledge, null, D(2023, 2, 1), D(2024, 2, 1), null, 500_000m, 0.05m, null, 100_000m),
            new(Branch, "L3", 2, LoanKinds.Credit, null, D(2023, 5, 1), D(2023, 12, 31), null, 200_000m, 0.03m, null, null),
            new(Solo, "L4", 3, LoanKinds.Guaranteed, Guarantor, D(2023, 6, 30), D(2025, 6, 30), D(2023, 10, 1), 300_000m, 0.045m, 6_000m, null),
            new(Solo, "L5", 4, LoanKinds.Credit, null, D(2023, 3, 1), D(2024, 3, 1), null, 999_999m, 0.06m, null, null),
            new(Bank, "L6", 3, LoanKinds.Credit, null, D(2023, 7, 1), D(2024, 7, 1), null, 400_000m, 0.05m, null, null),
            new(Bank, "L7", 2, LoanKinds.Credit, null, D(2021, 1, 10), D(2022, 1, 10), D(2022, 1, 10), 100_000m, 0.05m, null, null),
        ],
        [
            new("E1", 1, FinancingKinds.StarMarket, D(2023, 8, 1), 50_000_000m, null),
            new("E2", 3, FinancingKinds.Bond, D(2023, 3, 1), 10_000_000m, null),
            new("E3", 1, FinancingKinds.Neeq, D(2022, 5, 1), 8_000_000m, null),
        ],
        new Dictionary<long, BorrowerInfo>
        {
            [1] = new(1, "U1", "甲", "150100"), [2] = new(2, "U2", "乙", "150100"),
            [3] = new(3, "U3", "丙", "150200"), [4] = new(4, "U4", "丁", "150100"),
        },
        [
            new(1, "hte", D(2022, 1, 1), D(2024, 12, 31)),
            new(2, "tsme", D(2023, 1, 1), D(2023, 12, 31)),
            new(3, "hte", D(2021, 6, 1), D(2023, 6, 30)),
        ],
        new Dictionary<string, string> { ["150100"] = "呼和浩特市", ["150200"] = "包头市" });
}
