using System.Text.Json.Serialization;

namespace RdInvest.Parks;

// The keys are named on every property: the notification's data fingerprint serializes this view with the serializer's
// default options, so the keys must not depend on the options a caller passes.

/// <summary>A park's row: figures in yuan, park R&amp;D intensity in percent against its floor, and its evaluation.</summary>
public sealed record ParkView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("category")] string Category,
    [property: JsonPropertyName("category_zh")] string CategoryZh,
    [property: JsonPropertyName("division")] string Division,
    [property: JsonPropertyName("league_city")] string LeagueCity,
    [property: JsonPropertyName("league_city_name")] string LeagueCityName,
    [property: JsonPropertyName("gdp")] decimal? Gdp,
    [property: JsonPropertyName("revenue")] decimal? Revenue,
    [property: JsonPropertyName("rd_total")] decimal? RdTotal,
    [property: JsonPropertyName("rd_institutions")] int? RdInstitutions,
    [property: JsonPropertyName("hte_count")] int? HteCount,
    [property: JsonPropertyName("invention_patents")] int? InventionPatents,
    [property: JsonPropertyName("park_rd_intensity")] decimal? ParkRdIntensity,
    [property: JsonPropertyName("floor")] decimal? Floor,
    [property: JsonPropertyName("met")] bool? Met,
    [property: JsonPropertyName("score")] decimal? Score,
    [property: JsonPropertyName("rank")] int? Rank,
    [property: JsonPropertyName("category_rank")] int? CategoryRank,
    [property: JsonPropertyName("rank_min")] int? RankMin,
    [property: JsonPropertyName("rank_max")] int? RankMax,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("synthetic")] bool Synthetic)
{
    public static ParkView Of(ParkRow p) => new(p.ParkId, p.Name, p.Category, p.CategoryZh, p.DivisionCode, p.LeagueCity, p.LeagueCityName,
        p.GdpYuan, p.RevenueYuan, p.RdTotalYuan, p.RdInstitutions, p.HteCount, p.InventionPatents, p.Intensity, p.Floor, p.Met,
        p.Index.Score, p.Index.Rank, p.Index.CategoryRank, p.Index.RankMin, p.Index.RankMax, p.Index.Reason, p.IsSynthetic);
}

/// <summary>The JSON shape of `rdinvest parks --json` and the rows of its files; money in yuan, intensity in percent.</summary>
public sealed record ParksView(
    [property: JsonPropertyName("year")] int Year,
    [property: JsonPropertyName("plan")] string Plan,
    [property: JsonPropertyName("clause")] string Clause,
    [property: JsonPropertyName("normalisation")] string Normalisation,
    [property: JsonPropertyName("weights")] IReadOnlyDictionary<string, decimal> Weights,
    [property: JsonPropertyName("sensitivity_shift")] decimal SensitivityShift,
    [property: JsonPropertyName("parks")] IReadOnlyList<ParkView> Parks)
{
    public static ParksView Of(ParksResult r) =>
        new(r.Year, r.Plan, r.Clause, r.Normalisation, r.Weights, r.SensitivityShift, r.Parks.Select(ParkView.Of).ToList());
}
