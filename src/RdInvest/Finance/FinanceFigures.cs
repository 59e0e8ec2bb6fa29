namespace RdInvest.Finance;

/// <summary>
/// The special statistics (专项统计, 二(三)10) of one group of S&amp;T-enterprise loans for a year: money in yuan, percents in %
/// (shares and growth to 0.01, the weighted rate to 0.0001). <see cref="BalanceGrowth"/> is null, with
/// <see cref="BalanceGrowthReason"/>, when the previous year-end balance is 0.
/// </summary>
public sealed record FinanceFigures(
    int StEnterprisesServed, int NewLoansCount, decimal NewLoansAmount, decimal BalanceYearEnd, decimal BalancePreviousYearEnd,
    decimal? BalanceGrowth, string? BalanceGrowthReason, decimal IpPledgeAmount, decimal? WeightedRate, decimal? FirstLoanShare)
{
    public const string NoPreviousBalanceReason = "上年末余额为 0，无法计算增长 / the previous year-end balance is 0, so there is no growth";

    /// <summary>
    /// The figures of <paramref name="loans"/> (S&amp;T-enterprise loans already) for <paramref name="year"/>;
    /// <paramref name="firstGrant"/> is each borrower's first grant date over every lender in the data (首贷).
    /// </summary>
    public static FinanceFigures Of(IReadOnlyCollection<LoanInfo> loans, int year, IReadOnlyDictionary<long, DateOnly> firstGrant)
    {
        var yearEnd = new DateOnly(year, 12, 31);
        var previousEnd = new DateOnly(year - 1, 12, 31);
        var granted = loans.Where(l => l.GrantedOn.Year == year).ToList();
        var borrowers = granted.Select(l => l.BorrowerId).Distinct().ToList();
        var balance = loans.Where(l => l.OutstandingAtEndOf(yearEnd)).Sum(l => l.Amount);
        var previous = loans.Where(l => l.OutstandingAtEndOf(previousEnd)).Sum(l => l.Amount);
        var amount = granted.Sum(l => l.Amount);
        var firsts = borrowers.Count(b => firstGrant.TryGetValue(b, out var d) && d.Year == year);
        return new FinanceFigures(
            borrowers.Count, granted.Count, amount, balance, previous,
            previous == 0 ? null : Percent((balance - previous) / previous, 2),
            previous == 0 ? NoPreviousBalanceReason : null,
            granted.Where(l => l.Kind == LoanKinds.IpPledge).Sum(l => l.Amount),
            amount == 0 ? null : Percent(granted.Sum(l => l.Amount * l.AnnualRate) / amount, 4),
            borrowers.Count == 0 ? null : Percent((decimal)firsts / borrowers.Count, 2));
    }

    private static decimal Percent(decimal ratio, int decimals) =>
        Policy.RuleFormat.Normalize(decimal.Round(ratio * 100m, decimals, MidpointRounding.AwayFromZero));
}
