using RdInvest.Plans;

namespace RdInvest.Parks;

/// <summary>One park's raw evaluation inputs for a year, keyed as the plan's park_index weights are.</summary>
public sealed record ParkIndexInput(string ParkId, string Category, IReadOnlyDictionary<string, decimal?> Values);

/// <summary>
/// A park's evaluation: the 0–100 score, its rank overall and within its category (competition ranking:
/// 1, 1, 3), and the rank range over the sensitivity runs. Null score when an indicator is missing.
/// </summary>
public sealed record ParkIndexScore(
    string ParkId, string Category, decimal? Score, int? Rank, int? CategoryRank, int? RankMin, int? RankMax,
    IReadOnlyDictionary<string, decimal> Normalised, string? Reason);

public static class Normalisations
{
    public const string MinMax = "min_max";
    public const string ZScore = "z_score";
    public static readonly IReadOnlyList<string> All = [MinMax, ZScore];

    public static string Other(string method) => method == MinMax ? ZScore : MinMax;
}

/// <summary>
/// The park evaluation index of clause 二(五)17: R&amp;D expenditure, R&amp;D institutions, high-tech enterprises
/// and valid invention patents, each normalised over the year's parks, weighted into a 0–100 composite. Pure.
/// <list type="bullet">
/// <item>min-max: n = (x − min)/(max − min), all equal → 1; score = 100 × Σ wᵢnᵢ (weights renormalised to sum 1).</item>
/// <item>z-score: z = (x − mean)/σ (population σ; σ = 0 → 0); composite c = Σ wᵢzᵢ, then mapped to 0–100 by
/// min-max over the parks: 100 × (c − c_min)/(c_max − c_min), all equal → 100. The z composite is unbounded, so
/// this keeps the published scale; the best park scores 100 and the weakest 0 under this method.</item>
/// <item>Sensitivity (as the JRC's COINr does): each single weight moved by ±shift (w × (1 ± shift)), weights
/// renormalised to sum 1, re-ranked; plus the base weights under the other normalisation. A park's rank
/// range is the minimum and maximum of its rank over the base run and these 2K + 1 runs.</item>
/// </list>
/// Parks with any indicator missing are not scored (score null, reason given) and do not enter the
/// normalisation of the others.
/// </summary>
public static class ParkIndex
{
    /// <summary>Scores are compared after rounding to this many decimals, so equal inputs tie exactly.</summary>
    private const int RankDecimals = 6;

    public static IReadOnlyList<ParkIndexScore> Evaluate(IReadOnlyList<ParkIndexInput> parks, ParkIndexScheme scheme)
    {
        if (!Normalisations.All.Contains(scheme.Normalisation))
        {
            throw new PlanException($"园区评价的标准化方法 {scheme.Normalisation} 不受支持（min_max 或 z_score）",
                $"park index normalisation {scheme.Normalisation} is not supported (min_max or z_score)");
        }
        var keys = scheme.Weights.Keys.ToList();
        var complete = parks.Where(p => keys.All(k => p.Values.GetValueOrDefault(k) is not null)).ToList();
        var weights = Renormalise(scheme.Weights);

        var baseScores = Scores(complete, keys, weights, scheme.Normalisation, out var normalised);
        var baseRanks = CompetitionRanks(baseScores);

        var runs = new List<int[]> { baseRanks };
        foreach (var k in keys)
        {
            foreach (var factor in new[] { 1m - scheme.SensitivityShift, 1m + scheme.SensitivityShift })
            {
                var shifted = scheme.Weights.ToDictionary(kv => kv.Key, kv => kv.Key == k ? kv.Value * factor : kv.Value);
                runs.Add(CompetitionRanks(Scores(complete, keys, Renormalise(shifted), scheme.Normalisation, out _)));
            }
        }
        runs.Add(CompetitionRanks(Scores(complete, keys, weights, Normalisations.Other(scheme.Normalisation), out _)));

        var categoryRanks = new int[complete.Count];
        foreach (var group in complete.Select((p, i) => (p, i)).GroupBy(x => x.p.Category))
        {
            var idx = group.Select(x => x.i).ToArray();
            var ranks = CompetitionRanks(idx.Select(i => baseScores[i]).ToArray());
            for (var j = 0; j < idx.Length; j++)
            {
                categoryRanks[idx[j]] = ranks[j];
            }
        }

        var byId = new Dictionary<string, ParkIndexScore>(StringComparer.Ordinal);
        for (var i = 0; i < complete.Count; i++)
        {
            var p = complete[i];
            byId[p.ParkId] = new ParkIndexScore(p.ParkId, p.Category, decimal.Round(baseScores[i], 2, MidpointRounding.AwayFromZero),
                baseRanks[i], categoryRanks[i], runs.Min(r => r[i]), runs.Max(r => r[i]), normalised[i], null);
        }
        return parks.Select(p => byId.GetValueOrDefault(p.ParkId) ?? new ParkIndexScore(p.ParkId, p.Category, null, null, null, null, null,
            new Dictionary<string, decimal>(),
            "缺少指标 / missing: " + string.Join(", ", keys.Where(k => p.Values.GetValueOrDefault(k) is null)))).ToList();
    }

    /// <summary>Weights scaled to sum 1 (a plan may give 1,1,1,1 or 0.25 each).</summary>
    public static IReadOnlyDictionary<string, decimal> Renormalise(IReadOnlyDictionary<string, decimal> weights)
    {
        var sum = weights.Values.Sum();
        if (sum <= 0 || weights.Values.Any(w => w < 0))
        {
            throw new PlanException("园区评价权重须非负且和为正", "park index weights must be non-negative with a positive sum");
        }
        return weights.ToDictionary(kv => kv.Key, kv => kv.Value / sum);
    }

    /// <summary>The 0–100 composite for each park, unrounded.</summary>
    private static decimal[] Scores(IReadOnlyList<ParkIndexInput> parks, IReadOnlyList<string> keys,
        IReadOnlyDictionary<string, decimal> weights, string method, out IReadOnlyDictionary<string, decimal>[] normalised)
    {
        var n = parks.Count;
        var perPark = new Dictionary<string, decimal>[n];
        for (var i = 0; i < n; i++)
        {
            perPark[i] = new Dictionary<string, decimal>(StringComparer.Ordinal);
        }
        foreach (var k in keys)
        {
            var column = parks.Select(p => p.Values[k]!.Value).ToArray();
            var norm = method == Normalisations.MinMax ? MinMax(column) : ZScores(column);
            for (var i = 0; i < n; i++)
            {
                perPark[i][k] = norm[i];
            }
        }
        normalised = perPark;
        var composite = perPark.Select(p => keys.Sum(k => weights[k] * p[k])).ToArray();
        return method == Normalisations.MinMax
            ? composite.Select(c => 100m * c).ToArray()
            : MinMax(composite, allEqual: 1m).Select(c => 100m * c).ToArray();
    }

    /// <summary>(x − min)/(max − min); every value equal → <paramref name="allEqual"/>.</summary>
    public static decimal[] MinMax(IReadOnlyList<decimal> x, decimal allEqual = 1m)
    {
        if (x.Count == 0)
        {
            return [];
        }
        var min = x.Min();
        var max = x.Max();
        return x.Select(v => max == min ? allEqual : (v - min) / (max - min)).ToArray();
    }

    /// <summary>(x − mean)/σ with the population standard deviation; σ = 0 → 0 for every value.</summary>
    public static decimal[] ZScores(IReadOnlyList<decimal> x)
    {
        if (x.Count == 0)
        {
            return [];
        }
        var mean = x.Sum() / x.Count;
        var variance = x.Sum(v => (v - mean) * (v - mean)) / x.Count;
        if (variance == 0)
        {
            return x.Select(_ => 0m).ToArray();
        }
        // Square root only through double; everything around it stays decimal.
        var sd = (decimal)Math.Sqrt((double)variance);
        return x.Select(v => (v - mean) / sd).ToArray();
    }

    /// <summary>Competition ranking by descending score: equal scores share a rank, the next rank skips (1, 1, 3).</summary>
    public static int[] CompetitionRanks(IReadOnlyList<decimal> scores)
    {
        var rounded = scores.Select(s => decimal.Round(s, RankDecimals, MidpointRounding.AwayFromZero)).ToArray();
        return rounded.Select(s => 1 + rounded.Count(o => o > s)).ToArray();
    }
}
