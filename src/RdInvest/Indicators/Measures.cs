namespace RdInvest.Indicators;

/// <summary>
/// Additive measures behind the indicators: money in fen, everything else a count. Each can be reported for a
/// division (统计公报) or derived by summing units and child divisions (the aggregation rule: published figures are authoritative).
/// </summary>
public static class Measure
{
    // Money (fen), reportable and derivable.
    public const string RdTotal = "rd_total";
    public const string GovFunds = "gov_funds";
    public const string EnterpriseFunds = "enterprise_funds";
    public const string ForeignFunds = "foreign_funds";
    public const string OtherFunds = "other_funds";
    public const string Basic = "basic";
    public const string Applied = "applied";
    public const string Experimental = "experimental";
    public const string RdEnterprise = "rd_enterprise";
    public const string RdInstitute = "rd_institute";
    public const string RdUniversity = "rd_university";
    // Reported only (units do not report them); summed over child divisions.
    public const string Gdp = "gdp";
    public const string GovStSpending = "gov_st_spending";
    // Counts, reportable and derivable.
    public const string HteCount = "hte_count";
    public const string TsmeCount = "tsme_count";
    // Derived only: above-scale industrial enterprises with a record that year, and their parts.
    public const string AboveScaleUnits = "above_scale_units";
    public const string AboveScaleActive = "above_scale_active";
    public const string AboveScaleInstitution = "above_scale_institution";
    public const string AboveScalePlatform = "above_scale_platform";
    public const string AboveScaleRd = "above_scale_rd";
    public const string AboveScaleRevenue = "above_scale_revenue";
    // Above-scale industrial enterprises of the leading and featured industries (T11) and those hosting a region-level or higher platform.
    public const string LeadingUnits = "leading_units";
    public const string LeadingPlatform = "leading_platform";
    public const string Projects = "projects";
    public const string ProjectsEnterprise = "projects_enterprise";
    // Above-scale industrial enterprises that reported the R&D-reserve flag, and those with a reserve (二(二)6).
    public const string AboveScaleReserveReported = "above_scale_reserve_reported";
    public const string AboveScaleReserve = "above_scale_reserve";
    // Major projects by how they were awarded (二(一)3); "unstated" when the file gave no mode.
    public const string ProjectsCompetitive = "projects_competitive";
    public const string ProjectsDirected = "projects_directed";
    public const string ProjectsOpenCall = "projects_open_call";
    public const string ProjectsOther = "projects_other";
    public const string ProjectsModeUnstated = "projects_mode_unstated";

    public static readonly IReadOnlyList<string> All =
    [
        RdTotal, GovFunds, EnterpriseFunds, ForeignFunds, OtherFunds, Basic, Applied, Experimental,
        RdEnterprise, RdInstitute, RdUniversity, Gdp, GovStSpending, HteCount, TsmeCount,
        AboveScaleUnits, AboveScaleActive, AboveScaleInstitution, AboveScalePlatform, AboveScaleRd, AboveScaleRevenue,
        Projects, ProjectsEnterprise, LeadingUnits, LeadingPlatform,
        AboveScaleReserveReported, AboveScaleReserve,
        ProjectsCompetitive, ProjectsDirected, ProjectsOpenCall, ProjectsOther, ProjectsModeUnstated,
    ];

    /// <summary>Measures a division can only inherit from its children's reported figures, never from units.</summary>
    public static bool ReportedOnly(string m) => m is Gdp or GovStSpending;
}

/// <summary>A measure's direct contribution from the units registered in one division: the sum and how many units.</summary>
public readonly record struct DirectValue(long Sum, int Units);

/// <summary>
/// One division's inputs for one year: direct sums over its own units, and its reported figures.
/// Reported percentages (rd_intensity) are kept apart as they do not add.
/// </summary>
public sealed record DivisionInputs(
    IReadOnlyDictionary<string, DirectValue> Direct,
    IReadOnlyDictionary<string, long> Reported,
    decimal? ReportedIntensity)
{
    public static readonly DivisionInputs Empty = new(new Dictionary<string, DirectValue>(), new Dictionary<string, long>(), null);
}
