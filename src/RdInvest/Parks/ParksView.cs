namespace RdInvest.Parks;

/// <summary>The JSON shape of `rdinvest parks --json` and the rows of its files; money in yuan, intensity in percent.</summary>
public static class ParksView
{
    public static object Of(ParksResult r) => new Dictionary<string, object?>
    {
        ["year"] = r.Year,
        ["plan"] = r.Plan,
        ["clause"] = r.Clause,
        ["normalisation"] = r.Normalisation,
        ["weights"] = r.Weights,
        ["sensitivity_shift"] = r.SensitivityShift,
        ["parks"] = r.Parks.Select(Row).ToList(),
    };

    public static Dictionary<string, object?> Row(ParkRow p) => new()
    {
        ["id"] = p.ParkId,
        ["name"] = p.Name,
        ["category"] = p.Category,
        ["category_zh"] = p.CategoryZh,
        ["division"] = p.DivisionCode,
        ["league_city"] = p.LeagueCity,
        ["league_city_name"] = p.LeagueCityName,
        ["gdp"] = p.GdpYuan,
        ["revenue"] = p.RevenueYuan,
        ["rd_total"] = p.RdTotalYuan,
        ["rd_institutions"] = p.RdInstitutions,
        ["hte_count"] = p.HteCount,
        ["invention_patents"] = p.InventionPatents,
        ["park_rd_intensity"] = p.Intensity,
        ["floor"] = p.Floor,
        ["met"] = p.Met,
        ["score"] = p.Index.Score,
        ["rank"] = p.Index.Rank,
        ["category_rank"] = p.Index.CategoryRank,
        ["rank_min"] = p.Index.RankMin,
        ["rank_max"] = p.Index.RankMax,
        ["reason"] = p.Index.Reason,
        ["synthetic"] = p.IsSynthetic,
    };
}
