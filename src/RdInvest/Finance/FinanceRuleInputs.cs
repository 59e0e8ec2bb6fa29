using System.Globalization;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Policy.Rules;

namespace RdInvest.Finance;

/// <summary>
/// The inputs of the finance rules taken from the records instead of typed in: R10 (loan-interest), R15 (pledge-compensation) and
/// R16 (guarantee-fee-subsidy) from a loan, R11 (listing-reward) and R14 (direct-financing-reward) from a financing event.
/// </summary>
public static class FinanceRuleInputs
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The days a loan ran within a year: from its grant day up to, not including, the day it was repaid or matured.</summary>
    public static int DaysWithin(LoanInfo loan, int year)
    {
        var end = loan.RepaidOn is { } r && r < loan.MaturesOn ? r : loan.MaturesOn;
        var from = loan.GrantedOn > new DateOnly(year, 1, 1) ? loan.GrantedOn : new DateOnly(year, 1, 1);
        var to = end < new DateOnly(year + 1, 1, 1) ? end : new DateOnly(year + 1, 1, 1);
        return Math.Max(0, to.DayNumber - from.DayNumber);
    }

    public static Dictionary<string, string> ForLoan(string rule, FinanceData data, LoanInfo loan, int? year)
    {
        var st = data.IsStLoan(loan) ? "true" : "false";
        return rule switch
        {
            LoanInterest.Id or LoanInterest.Slug => new()
            {
                ["principal"] = Money(loan.Amount),
                ["annual_rate"] = loan.AnnualRate.ToString(Inv),
                ["days"] = DaysWithin(loan, year ?? throw new UserError("loan-interest 需要 --year", "loan-interest needs --year", 2)).ToString(Inv),
                ["st_enterprise"] = st,
            },
            PledgeCompensation.Id or PledgeCompensation.Slug => new()
            {
                ["loan_kind"] = loan.Kind, ["loss_amount"] = Money(loan.LossAmount ?? 0m), ["st_enterprise"] = st,
            },
            GuaranteeFeeSubsidy.Id or GuaranteeFeeSubsidy.Slug => new()
            {
                ["loan_kind"] = loan.Kind, ["guarantee_fee"] = Money(loan.GuaranteeFee ?? 0m),
                ["st_enterprise"] = data.IsStEnterprise(loan.BorrowerId, loan.GrantedOn) || data.IsHighTech(loan.BorrowerId, loan.GrantedOn) ? "true" : "false",
            },
            _ => throw new UserError($"规则 {rule} 不能从贷款记录计算（可用 loan-interest、pledge-compensation、guarantee-fee-subsidy）",
                $"rule {rule} does not take a loan (use loan-interest, pledge-compensation or guarantee-fee-subsidy)", 2),
        };
    }

    public static Dictionary<string, string> ForEvent(string rule, FinanceData data, FinancingInfo e) => rule switch
    {
        ListingReward.Id or ListingReward.Slug => new() { ["board"] = e.Kind, ["st_enterprise"] = data.IsStEnterprise(e.UnitId, e.Date) ? "true" : "false" },
        DirectFinancingReward.Id or DirectFinancingReward.Slug => new()
        {
            ["kind"] = e.Kind, ["amount_raised"] = Money(e.AmountRaised), ["st_enterprise"] = data.IsStEnterprise(e.UnitId, e.Date) ? "true" : "false",
        },
        _ => throw new UserError($"规则 {rule} 不能从融资事件计算（可用 listing-reward、direct-financing-reward）",
            $"rule {rule} does not take a financing event (use listing-reward or direct-financing-reward)", 2),
    };

    /// <summary>The loan <c>LENDER:LOAN_ID</c> of the data, or a clear error.</summary>
    public static LoanInfo FindLoan(FinanceData data, string reference)
    {
        var parts = reference.Split(':', 2);
        if (parts.Length != 2)
        {
            throw new UserError($"--loan 应为 贷款机构代码:贷款编号，而不是“{reference}”", $"--loan must be LENDER:LOAN_ID, not '{reference}'", 2);
        }
        return data.Loans.FirstOrDefault(l => string.Equals(l.LenderCode, parts[0].Trim(), StringComparison.OrdinalIgnoreCase) && l.LoanId == parts[1].Trim())
            ?? throw new NotFoundError($"没有贷款 {reference}", $"no loan {reference}");
    }

    public static FinancingInfo FindEvent(FinanceData data, string id) =>
        data.Financing.FirstOrDefault(e => e.EventId == id.Trim()) ?? throw new NotFoundError($"没有融资事件 {id}", $"no financing event {id}");

    /// <summary>Fills a rule's inputs from a loan or an event of the database (<c>calc RULE --loan L:ID --year Y</c> / <c>--event ID</c>).</summary>
    public static async Task<Dictionary<string, string>> LoadAsync(RdInvestDb db, string rule, string? loan, string? financingEvent, int? year, CancellationToken ct)
    {
        var data = await FinanceDataLoader.LoadAsync(db, ct);
        var slug = Policy.RuleRegistry.Find(rule).Slug;
        return loan is not null ? ForLoan(slug, data, FindLoan(data, loan), year) : ForEvent(slug, data, FindEvent(data, financingEvent!));
    }

    private static string Money(decimal yuan) => yuan.ToString(Inv);
}
