using RdInvest.Common;
using RdInvest.Data;

namespace RdInvest.Finance;

/// <param name="Year">The statistical year.</param>
/// <param name="Out">An .xlsx to write the tables to (sheets: region, institutions, league/cities), or null.</param>
public sealed record FinanceStatsRequest(int Year, string? Out = null);

/// <summary>`rdinvest finance stats` and <c>GET /api/v1/finance/stats/{year}</c>: the special statistics (二(三)10).</summary>
public sealed class FinanceStatsHandler(RdInvestDb db)
{
    public const string RegionSheet = "全区 region";
    public const string InstitutionsSheet = "机构 institutions";
    public const string LeagueCitiesSheet = "盟市 league_cities";

    public async Task<FinanceStatsResult> HandleAsync(FinanceStatsRequest request, CancellationToken ct)
    {
        if (!Bounds.IsYear(request.Year))
        {
            throw new UserError($"年份 {request.Year} 应在 {Bounds.MinYear}–{Bounds.MaxYear} 之内",
                $"the year {request.Year} must be within {Bounds.MinYear}–{Bounds.MaxYear}", 2);
        }
        if (request.Out is { } o && !Exporting.TabularFileWriter.IsExcel(o))
        {
            throw new UserError($"输出文件应为 .xlsx：{o}", $"the output file must be .xlsx: {o}", 2);
        }
        var result = FinanceStats.Compute(await FinanceDataLoader.LoadAsync(db, ct), request.Year);
        if (request.Out is { } path)
        {
            Write(path, result);
        }
        return result;
    }

    private static void Write(string path, FinanceStatsResult r)
    {
        var region = new[] { Figures(new List<(string, object?)> { ("year", r.Year) }, r.Region) };
        var institutions = r.Institutions.Select(i => Figures(
            [("code", i.Code), ("name", i.Name), ("kind", i.Kind), ("parent_code", i.ParentCode)],
            new FinanceFigures(i.StEnterprisesServed, i.NewLoansCount, i.NewLoansAmount, i.BalanceYearEnd, i.BalancePreviousYearEnd,
                i.BalanceGrowth, i.BalanceGrowthReason, i.IpPledgeAmount, i.WeightedRate, i.FirstLoanShare)));
        var leagues = r.LeagueCities.Select(l =>
        {
            var row = Figures([("code", l.Code), ("name", l.Name)],
                new FinanceFigures(l.StEnterprisesServed, l.NewLoansCount, l.NewLoansAmount, l.BalanceYearEnd, l.BalancePreviousYearEnd,
                    l.BalanceGrowth, l.BalanceGrowthReason, l.IpPledgeAmount, l.WeightedRate, l.FirstLoanShare));
            var cells = row.ToDictionary(kv => kv.Key, kv => kv.Value);
            cells["financing_events"] = l.FinancingEventsTotal;
            cells["financing_amount"] = l.FinancingAmountTotal;
            foreach (var k in FinancingKinds.All)
            {
                cells[$"financing_events.{k}"] = l.FinancingEvents[k];
                cells[$"financing_amount.{k}"] = l.FinancingAmount[k];
            }
            return (IReadOnlyDictionary<string, object?>)cells;
        });
        TableWriter.WriteSheets(path, [(RegionSheet, region), (InstitutionsSheet, institutions), (LeagueCitiesSheet, leagues)]);
    }

    private static IReadOnlyDictionary<string, object?> Figures(List<(string Key, object? Value)> head, FinanceFigures f)
    {
        head.AddRange(
        [
            ("st_enterprises_served", f.StEnterprisesServed), ("new_loans_count", f.NewLoansCount), ("new_loans_amount", f.NewLoansAmount),
            ("balance_year_end", f.BalanceYearEnd), ("balance_previous_year_end", f.BalancePreviousYearEnd), ("balance_growth", f.BalanceGrowth),
            ("balance_growth_reason", f.BalanceGrowthReason), ("ip_pledge_amount", f.IpPledgeAmount), ("weighted_rate", f.WeightedRate),
            ("first_loan_share", f.FirstLoanShare),
        ]);
        return head.ToDictionary(c => c.Key, c => c.Value);
    }
}
