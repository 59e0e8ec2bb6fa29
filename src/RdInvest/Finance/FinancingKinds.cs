namespace RdInvest.Finance;

/// <summary>The kinds of direct financing.</summary>
public static class FinancingKinds
{
    /// <summary>科创板上市.</summary>
    public const string StarMarket = "star_market";
    public const string OtherListing = "other_listing";
    /// <summary>新三板.</summary>
    public const string Neeq = "neeq";
    /// <summary>内蒙古股权交易中心挂牌.</summary>
    public const string RegionalEquity = "regional_equity";
    /// <summary>青创板.</summary>
    public const string YouthBoard = "youth_board";
    /// <summary>自治区股权交易市场科创板.</summary>
    public const string RegionalStBoard = "regional_st_board";
    public const string Bond = "bond";
    public static readonly IReadOnlyList<string> All = [StarMarket, OtherListing, Neeq, RegionalEquity, YouthBoard, RegionalStBoard, Bond];
}
