namespace RdInvest.Finance;

/// <summary>One institution's evaluation: score 0–100 (to 0.01), competition rank, and whether it is listed as outstanding.</summary>
public sealed record EvaluationRow(string Code, string Name, decimal Score, int Rank, bool Outstanding);

/// <summary>One institution's criteria values (null: none, e.g. a growth without a previous balance).</summary>
public sealed record EvaluationInput(string Code, string Name, IReadOnlyDictionary<string, decimal?> Values);

/// <summary>
/// The special evaluation of financial institutions (专项考评, 二(三)10), pure: every bank or tech branch without a parent, its
/// branches' loans rolled in, scored from the min-max normalised criteria of its statistics, weighted, out of 100. A criterion
/// an institution has no value for (a balance growth without a previous year-end balance, a first-loan share without
/// borrowers) is left out of its score, which is then the weighted sum over the criteria it has divided by their weights —
/// neither a penalty (0) nor a reward (full marks) for a figure that cannot be computed; an institution with no value at all
/// scores 0. When every present value of a criterion is the same, each institution gets it whole (a single institution: 100). Equal scores share a rank (1, 1, 3); institutions ranked within
/// <c>topN</c> are outstanding (贡献突出).
/// </summary>
public static class FinanceEvaluation
{
    public static readonly IReadOnlyList<string> Criteria =
        ["new_loans_amount", "balance_growth", "st_enterprises_served", "first_loan_share", "ip_pledge_amount"];

    /// <summary>The criteria values of every evaluated institution for the year.</summary>
    public static IReadOnlyList<EvaluationInput> Inputs(FinanceData data, int year)
    {
        var firstGrant = FinanceStats.FirstGrants(data);
        var stLoans = data.Loans.Where(data.IsStLoan).ToList();
        return data.Institutions
            .Where(i => i.ParentCode is null && i.Kind is InstitutionKinds.Bank or InstitutionKinds.TechBranch)
            .OrderBy(i => i.Code, StringComparer.Ordinal)
            .Select(i =>
            {
                var f = FinanceFigures.Of(stLoans.Where(l => data.IsUnder(l.LenderCode, i.Code)).ToList(), year, firstGrant);
                return new EvaluationInput(i.Code, i.Name, new Dictionary<string, decimal?>
                {
                    ["new_loans_amount"] = f.NewLoansAmount,
                    ["balance_growth"] = f.BalanceGrowth,
                    ["st_enterprises_served"] = f.StEnterprisesServed,
                    ["first_loan_share"] = f.FirstLoanShare,
                    ["ip_pledge_amount"] = f.IpPledgeAmount,
                });
            }).ToList();
    }

    public static IReadOnlyList<EvaluationRow> Evaluate(IReadOnlyList<EvaluationInput> inputs, IReadOnlyDictionary<string, decimal> weights, int topN)
    {
        var scores = new decimal[inputs.Count];
        var weighed = new decimal[inputs.Count];
        foreach (var (criterion, weight) in weights)
        {
            var present = inputs.Select(i => i.Values.GetValueOrDefault(criterion)).Where(v => v is not null).Select(v => v!.Value).ToList();
            if (present.Count == 0)
            {
                continue;
            }
            var min = present.Min();
            var max = present.Max();
            for (var k = 0; k < inputs.Count; k++)
            {
                if (inputs[k].Values.GetValueOrDefault(criterion) is { } v)
                {
                    scores[k] += weight * (max == min ? 1m : (v - min) / (max - min));
                    weighed[k] += weight;
                }
            }
        }
        var rounded = scores.Select((s, k) => weighed[k] == 0 ? 0m : Policy.RuleFormat.Normalize(decimal.Round(100m * s / weighed[k], 2, MidpointRounding.AwayFromZero))).ToArray();
        var ranks = Parks.ParkIndex.CompetitionRanks(rounded);
        return inputs.Select((i, k) => new EvaluationRow(i.Code, i.Name, rounded[k], ranks[k], ranks[k] <= topN))
            .OrderBy(r => r.Rank).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
    }
}
