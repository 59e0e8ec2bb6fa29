using RdInvest.Parks;
using RdInvest.Plans;
using Xunit;

namespace RdInvest.Tests.Parks;

/// <summary>The park evaluation index (二(五)17) against hand-computed values; the arithmetic is in the comments.</summary>
public sealed class ParkIndexTests
{
    private static ParkIndexScheme Scheme(string method, decimal wa, decimal wb, decimal shift = 0.5m) => new()
    {
        Clause = "二(五)17",
        Normalisation = method,
        SensitivityShift = shift,
        Weights = new Dictionary<string, decimal> { ["a"] = wa, ["b"] = wb },
    };

    private static ParkIndexInput P(string id, string category, decimal? a, decimal? b) =>
        new(id, category, new Dictionary<string, decimal?> { ["a"] = a, ["b"] = b });

    private static ParkIndexScore Of(IReadOnlyList<ParkIndexScore> scores, string id) => scores.Single(s => s.ParkId == id);

    [Fact]
    public void MinMax_UnequalWeights_AreRenormalisedAndWeighted()
    {
        // Weights 3 and 1 → 0.75 and 0.25.
        // a: 10, 30, 20 → min 10, max 30 → n_a = 0, 1, 0.5
        // b: 10, 0, 5   → min 0, max 10  → n_b = 1, 0, 0.5
        // P1 = 100 × (0.75·0 + 0.25·1) = 25; P2 = 100 × 0.75 = 75; P3 = 100 × (0.375 + 0.125) = 50
        var s = ParkIndex.Evaluate([P("P1", "x", 10, 10), P("P2", "x", 30, 0), P("P3", "x", 20, 5)], Scheme(Normalisations.MinMax, 3, 1));
        Assert.Equal(25m, Of(s, "P1").Score);
        Assert.Equal(75m, Of(s, "P2").Score);
        Assert.Equal(50m, Of(s, "P3").Score);
        Assert.Equal([3, 1, 2], s.Select(x => x.Rank!.Value));
        Assert.Equal(0.5m, Of(s, "P3").Normalised["a"]);
    }

    [Fact]
    public void MinMax_Ties_ShareRankAndSkipNext()
    {
        // a: 0, 30, 30, 0 → n_a = 0, 1, 1, 0;  b: 10, 0, 10, 0 → n_b = 1, 0, 1, 0
        // equal weights: P1 = 50, P2 = 50, P3 = 100, P4 = 0 → competition ranks 2, 2, 1, 4
        var s = ParkIndex.Evaluate(TieCase(), Scheme(Normalisations.MinMax, 0.25m, 0.25m));
        Assert.Equal([50m, 50m, 100m, 0m], s.Select(x => x.Score!.Value));
        Assert.Equal([2, 2, 1, 4], s.Select(x => x.Rank!.Value));
        // Within category: X = {P1 50, P3 100} → P3 1, P1 2; Y = {P2 50, P4 0} → P2 1, P4 2
        Assert.Equal([2, 1, 1, 2], s.Select(x => x.CategoryRank!.Value));
    }

    [Fact]
    public void Sensitivity_SingleWeightShifts_GiveRankRanges()
    {
        // Base (0.5, 0.5): P1 50, P2 50, P3 100, P4 0 → ranks 2, 2, 1, 4.
        // a × 0.5 → (0.25, 0.5) → (1/3, 2/3): P1 66.7, P2 33.3 → P1 2, P2 3
        // a × 1.5 → (0.75, 0.5) → (0.6, 0.4): P1 40, P2 60 → P1 3, P2 2
        // b × 0.5 and b × 1.5 mirror these; P3 stays 1 (100) and P4 stays 4 (0) in every run.
        // z-score with base weights: z_a = −1, 1, 1, −1 (mean 15, σ 15); z_b = 1, −1, 1, −1 (mean 5, σ 5)
        //   composite 0, 0, 1, −1 → mapped 50, 50, 100, 0 → ranks 2, 2, 1, 4.
        // Ranges: P1 2–3, P2 2–3, P3 1–1, P4 4–4.
        var s = ParkIndex.Evaluate(TieCase(), Scheme(Normalisations.MinMax, 0.5m, 0.5m));
        Assert.Equal([(2, 3), (2, 3), (1, 1), (4, 4)], s.Select(x => (x.RankMin!.Value, x.RankMax!.Value)));
    }

    [Fact]
    public void Sensitivity_ZeroShift_RangeIsBaseRankUnlessOtherNormalisationDiffers()
    {
        // Shift 0 leaves only the other normalisation. a: 0, 1, 10 ; b: 0, 1, 10 (same column twice).
        // min-max: n = 0, 0.1, 1 → scores 0, 10, 100 → ranks 3, 2, 1. z-score keeps the order → same ranks.
        var s = ParkIndex.Evaluate([P("P1", "x", 0, 0), P("P2", "x", 1, 1), P("P3", "x", 10, 10)], Scheme(Normalisations.MinMax, 1, 1, 0m));
        Assert.Equal([(3, 3), (2, 2), (1, 1)], s.Select(x => (x.RankMin!.Value, x.RankMax!.Value)));
    }

    [Fact]
    public void ZScore_CompositeIsMappedToZeroToHundred()
    {
        // a: 1, 2, 3 → mean 2, σ = √(2/3) = 0.8165 → z_a = −1.2247, 0, 1.2247
        // b: 2, 2, 8 → mean 4, σ = √8 = 2.8284     → z_b = −0.7071, −0.7071, 1.4142
        // composite (½ each): c = −0.9659, −0.3536, 1.3195
        // mapped: P1 0, P3 100, P2 = 100 × (c2 − c1)/(c3 − c1) = 100 × 0.61237/2.28541 = 100 × (2 − √3) = 26.79
        var s = ParkIndex.Evaluate([P("P1", "x", 1, 2), P("P2", "x", 2, 2), P("P3", "x", 3, 8)], Scheme(Normalisations.ZScore, 1, 1));
        Assert.Equal([0m, 26.79m, 100m], s.Select(x => x.Score!.Value));
        Assert.Equal(-1.2247m, decimal.Round(Of(s, "P1").Normalised["a"], 4));
        Assert.Equal(1.4142m, decimal.Round(Of(s, "P3").Normalised["b"], 4));
        Assert.Equal([3, 2, 1], s.Select(x => x.Rank!.Value));
    }

    [Fact]
    public void MinMax_AllEqualColumn_NormalisesToOne()
    {
        // a is 5 everywhere → n_a = 1 for all; b: 0, 4 → n_b = 0, 1. Scores: 100 × (0.5 + 0) = 50, 100 × (0.5 + 0.5) = 100
        var s = ParkIndex.Evaluate([P("P1", "x", 5, 0), P("P2", "x", 5, 4)], Scheme(Normalisations.MinMax, 1, 1));
        Assert.Equal([50m, 100m], s.Select(x => x.Score!.Value));
    }

    [Fact]
    public void MissingIndicator_ParkIsNotScoredAndDoesNotMoveOthers()
    {
        // P3 lacks b: not scored. P1, P2 alone: a 0, 10 → 0, 1; b 0, 10 → 0, 1 → scores 0, 100.
        var s = ParkIndex.Evaluate([P("P1", "x", 0, 0), P("P2", "x", 10, 10), P("P3", "x", 1000, null)], Scheme(Normalisations.MinMax, 1, 1));
        Assert.Equal([0m, 100m], s.Take(2).Select(x => x.Score!.Value));
        Assert.Null(Of(s, "P3").Score);
        Assert.Null(Of(s, "P3").Rank);
        Assert.Contains("b", Of(s, "P3").Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 3.0, 2.0, 1.0 }, new[] { 1, 2, 3 })]
    [InlineData(new[] { 5.0, 5.0, 1.0 }, new[] { 1, 1, 3 })]
    [InlineData(new[] { 1.0, 5.0, 5.0, 5.0, 0.0 }, new[] { 4, 1, 1, 1, 5 })]
    public void CompetitionRanks_TiesShareTheRank(double[] scores, int[] expected) =>
        Assert.Equal(expected, ParkIndex.CompetitionRanks(scores.Select(d => (decimal)d).ToArray()));

    [Fact]
    public void UnknownNormalisation_IsAPlanError() =>
        Assert.Throws<PlanException>(() => ParkIndex.Evaluate([P("P1", "x", 1, 1)], Scheme("rank", 1, 1)));

    private static List<ParkIndexInput> TieCase() =>
        [P("P1", "X", 0, 10), P("P2", "Y", 30, 0), P("P3", "X", 30, 10), P("P4", "Y", 0, 0)];
}
