using Microsoft.Extensions.Localization;
using RdInvest.Finance;
using RdInvest.Web.Pages.Tables;

namespace RdInvest.Web.Pages.Finance;

/// <summary>
/// The figures of the special statistics (<see cref="FinanceFigures"/>) as table columns headed by their meaning (the JSON
/// keys of <c>finance stats</c>), and as cells: money in 万元 with the yuan on hover, a missing value with its reason.
/// </summary>
public static class FinanceColumns
{
    public static readonly IReadOnlyList<string> Keys =
    [
        "st_enterprises_served", "new_loans_count", "new_loans_amount", "balance_year_end", "balance_growth",
        "ip_pledge_amount", "weighted_rate", "first_loan_share",
    ];

    public static IEnumerable<TableColumn> Columns(IStringLocalizer<SharedResource> t) =>
        Keys.Select(k => new TableColumn(k, t["Finance.Stat." + k], true));

    public static IEnumerable<TableCell> Cells(FinancePageModel page, FinanceFigures f) =>
    [
        page.Count(f.StEnterprisesServed), page.Count(f.NewLoansCount), page.Wan(f.NewLoansAmount), page.Wan(f.BalanceYearEnd),
        page.Pct(f.BalanceGrowth, f.BalanceGrowthReason is null ? null : page.T["Finance.Reason.NoPreviousBalance"].Value),
        page.Wan(f.IpPledgeAmount),
        page.Pct(f.WeightedRate, page.T["Finance.Reason.NoNewLoans"], 4),
        page.Pct(f.FirstLoanShare, page.T["Finance.Reason.NoBorrowers"]),
    ];

    public static FinanceFigures Of(InstitutionStats i) => new(i.StEnterprisesServed, i.NewLoansCount, i.NewLoansAmount, i.BalanceYearEnd,
        i.BalancePreviousYearEnd, i.BalanceGrowth, i.BalanceGrowthReason, i.IpPledgeAmount, i.WeightedRate, i.FirstLoanShare);

    public static FinanceFigures Of(LeagueCityStats l) => new(l.StEnterprisesServed, l.NewLoansCount, l.NewLoansAmount, l.BalanceYearEnd,
        l.BalancePreviousYearEnd, l.BalanceGrowth, l.BalanceGrowthReason, l.IpPledgeAmount, l.WeightedRate, l.FirstLoanShare);
}
