using RdInvest.IntegrationTests.Importing;

namespace RdInvest.IntegrationTests.Finance;

/// <summary>
/// The hand-checked 2023 population of the unit tests' FinanceScenario, as import files (money in 元): the bank (1) with
/// its tech branch (2), a tech branch on its own (3), a guarantor (5); units 1–4 of SampleFiles as borrowers U1–U4.
/// </summary>
public static class FinanceScenarioFiles
{
    public static string Bank => SampleFiles.Institution(1);
    public static string Branch => SampleFiles.Institution(2);
    public static string Solo => SampleFiles.Institution(3);
    public static string Guarantor => SampleFiles.Institution(5);

    public static async Task ImportAsync(ImportTestDb db)
    {
        string U(int i) => SampleFiles.Code(i);
        var files = new (string Kind, List<string[]> Rows)[]
        {
            ("units", [["credit_code", "name", "sector", "division_code"],
                [U(1), "甲", "enterprise", "150102"], [U(2), "乙", "enterprise", "150105"], [U(3), "丙", "enterprise", "150203"], [U(4), "丁", "enterprise", "150102"]]),
            ("certifications", [["credit_code", "kind", "number", "issued", "expires"],
                [U(1), "hte", "C1", "2022-01-01", "2024-12-31"], [U(2), "tsme", "C2", "2023-01-01", "2023-12-31"], [U(3), "hte", "C3", "2021-06-01", "2023-06-30"]]),
            ("institutions", [["code", "name", "kind", "parent_code", "division_code"],
                [Branch, "银行科技支行", "tech_branch", Bank, "150102"], [Bank, "银行", "bank", "", "150100"],
                [Solo, "独立科技支行", "tech_branch", "", "150200"], [Guarantor, "担保公司", "guarantee", "", "150100"]]),
            ("loans", [["loan_id", "lender_code", "borrower", "kind", "guarantor_code", "granted_on", "matures_on", "repaid_on", "amount", "annual_rate", "guarantee_fee", "loss_amount"],
                ["L1", Bank, U(1), "credit", "", "2022-03-01", "2024-03-01", "", "1000000", "0.04", "", ""],
                ["L2", Branch, U(1), "ip_pledge", "", "2023-02-01", "2024-02-01", "", "500000", "5%", "", "100000"],
                ["L3", Branch, U(2), "credit", "", "2023-05-01", "2023-12-31", "", "200000", "0.03", "", ""],
                ["L4", Solo, U(3), "guaranteed", Guarantor, "2023-06-30", "2025-06-30", "2023-10-01", "300000", "4.5%", "6000", ""],
                ["L5", Solo, U(4), "credit", "", "2023-03-01", "2024-03-01", "", "999999", "0.06", "", ""],
                ["L6", Bank, U(3), "credit", "", "2023-07-01", "2024-07-01", "", "400000", "0.05", "", ""],
                ["L7", Bank, U(2), "credit", "", "2021-01-10", "2022-01-10", "2022-01-10", "100000", "0.05", "", ""]]),
            ("financing", [["event_id", "unit", "kind", "date", "amount_raised", "institution_code"],
                ["E1", U(1), "star_market", "2023-08-01", "50000000", ""], ["E2", U(3), "bond", "2023-03-01", "10000000", ""],
                ["E3", U(1), "neeq", "2022-05-01", "8000000", ""]]),
        };
        foreach (var (kind, rows) in files)
        {
            var result = await db.ImportAsync(kind, SampleFiles.WriteCsv(Path.Combine(db.Dir, $"scenario-{kind}.csv"), rows), unit: "元");
            Assert.True(result.Accepted, kind + ": " + string.Join("\n", result.Findings.Select(f => $"{f.Row} {f.Column} {f.MessageEn}")));
        }
    }
}
