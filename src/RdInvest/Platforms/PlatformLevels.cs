namespace RdInvest.Platforms;

/// <summary>The level that recognised a platform: national, the autonomous region, or a league/city.</summary>
public static class PlatformLevels
{
    public const string National = "national";
    public const string Region = "region";
    public const string LeagueCity = "league_city";

    public static readonly IReadOnlyList<string> All = [National, Region, LeagueCity];

    /// <summary>Chinese names, in the order of <see cref="All"/>.</summary>
    public static readonly IReadOnlyList<string> NamesZh = ["国家级", "自治区级", "盟市级"];

    /// <summary>Region level or above (自治区级及以上), the platforms T11 and the post-subsidy of 二(四)11 speak of.</summary>
    public static bool RegionOrAbove(string level) => level is National or Region;
}
