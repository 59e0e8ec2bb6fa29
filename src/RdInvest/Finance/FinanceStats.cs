namespace RdInvest.Finance;

/// <summary>One institution's statistics; a bank's include the loans of its branches (and theirs).</summary>
public sealed record InstitutionStats(
    string Code, string Name, string Kind, string? ParentCode,
    int StEnterprisesServed, int NewLoansCount, decimal NewLoansAmount, decimal BalanceYearEnd, decimal BalancePreviousYearEnd,
    decimal? BalanceGrowth, string? BalanceGrowthReason, decimal IpPledgeAmount, decimal? WeightedRate, decimal? FirstLoanShare);

/// <summary>One league/city's statistics, by the borrower's division, with the direct financing of its units by kind.</summary>
public sealed record LeagueCityStats(
    string? Code, string Name,
    int StEnterprisesServed, int NewLoansCount, decimal NewLoansAmount, decimal BalanceYearEnd, decimal BalancePreviousYearEnd,
    decimal? BalanceGrowth, string? BalanceGrowthReason, decimal IpPledgeAmount, decimal? WeightedRate, decimal? FirstLoanShare,
    int FinancingEventsTotal, decimal FinancingAmountTotal,
    IReadOnlyDictionary<string, int> FinancingEvents, IReadOnlyDictionary<string, decimal> FinancingAmount);

public sealed record FinanceStatsResult(
    int Year, string Clause, FinanceFigures Region, IReadOnlyList<InstitutionStats> Institutions, IReadOnlyList<LeagueCityStats> LeagueCities);

/// <summary>
/// The special statistics of financial support for S&amp;T innovation (对金融支持科技创新情况进行专项统计, 二(三)10), pure over
/// <see cref="FinanceData"/>: S&amp;T-enterprise loans only, per institution (branches rolled up to their bank) and per
/// league/city of the borrower, with direct financing per league/city.
/// </summary>
public static class FinanceStats
{
    public const string Clause = "二(三)10";

    public static FinanceStatsResult Compute(FinanceData data, int year)
    {
        var firstGrant = FirstGrants(data);
        var stLoans = data.Loans.Where(data.IsStLoan).ToList();

        var institutions = data.Institutions
            .Where(i => i.Kind is not (InstitutionKinds.Guarantee or InstitutionKinds.EquityExchange) || data.Loans.Any(l => l.LenderCode == i.Code))
            .OrderBy(i => data.RootOf(i.Code), StringComparer.Ordinal).ThenBy(i => i.ParentCode is null ? 0 : 1).ThenBy(i => i.Code, StringComparer.Ordinal)
            .Select(i =>
            {
                var f = FinanceFigures.Of(stLoans.Where(l => data.IsUnder(l.LenderCode, i.Code)).ToList(), year, firstGrant);
                return new InstitutionStats(i.Code, i.Name, i.Kind, i.ParentCode, f.StEnterprisesServed, f.NewLoansCount, f.NewLoansAmount,
                    f.BalanceYearEnd, f.BalancePreviousYearEnd, f.BalanceGrowth, f.BalanceGrowthReason, f.IpPledgeAmount, f.WeightedRate, f.FirstLoanShare);
            }).ToList();

        string? LeagueOf(long unit) => data.Units.GetValueOrDefault(unit)?.LeagueCity;
        var events = data.Financing.Where(e => e.Date.Year == year).ToList();
        var leagues = data.LeagueCityNames.Keys
            .Concat(stLoans.Select(l => LeagueOf(l.BorrowerId)).Concat(events.Select(e => LeagueOf(e.UnitId))).Where(c => c is not null).Select(c => c!))
            .Distinct().Order(StringComparer.Ordinal).Select(c => (string?)c).ToList();
        if (stLoans.Any(l => LeagueOf(l.BorrowerId) is null) || events.Any(e => LeagueOf(e.UnitId) is null))
        {
            leagues.Add(null);
        }
        var byLeague = leagues.Select(code =>
        {
            var f = FinanceFigures.Of(stLoans.Where(l => LeagueOf(l.BorrowerId) == code).ToList(), year, firstGrant);
            var mine = events.Where(e => LeagueOf(e.UnitId) == code).ToList();
            return new LeagueCityStats(code, code is null ? "未归属 / unattributed" : data.LeagueCityNames.GetValueOrDefault(code, code),
                f.StEnterprisesServed, f.NewLoansCount, f.NewLoansAmount, f.BalanceYearEnd, f.BalancePreviousYearEnd, f.BalanceGrowth,
                f.BalanceGrowthReason, f.IpPledgeAmount, f.WeightedRate, f.FirstLoanShare, mine.Count, mine.Sum(e => e.AmountRaised),
                FinancingKinds.All.ToDictionary(k => k, k => mine.Count(e => e.Kind == k)),
                FinancingKinds.All.ToDictionary(k => k, k => mine.Where(e => e.Kind == k).Sum(e => e.AmountRaised)));
        }).ToList();
        return new FinanceStatsResult(year, Clause, FinanceFigures.Of(stLoans, year, firstGrant), institutions, byLeague);
    }

    /// <summary>Each borrower's first grant date from any lender in the data (any loan, S&amp;T or not).</summary>
    public static IReadOnlyDictionary<long, DateOnly> FirstGrants(FinanceData data) =>
        data.Loans.GroupBy(l => l.BorrowerId).ToDictionary(g => g.Key, g => g.Min(l => l.GrantedOn));
}
