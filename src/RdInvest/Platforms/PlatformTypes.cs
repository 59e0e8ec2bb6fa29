namespace RdInvest.Platforms;

/// <summary>The kinds of innovation platform of clause 二(四)11.</summary>
public static class PlatformTypes
{
    public const string KeyLab = "key_lab";
    public const string TechInnovationCenter = "tech_innovation_center";
    public const string EngineeringResearchCenter = "engineering_research_center";
    public const string EnterpriseTechCenter = "enterprise_tech_center";
    public const string ManufacturingInnovationCenter = "manufacturing_innovation_center";
    public const string IndustryInnovationCenter = "industry_innovation_center";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All =
    [
        KeyLab, TechInnovationCenter, EngineeringResearchCenter, EnterpriseTechCenter,
        ManufacturingInnovationCenter, IndustryInnovationCenter, Other,
    ];

    /// <summary>Chinese names, in the order of <see cref="All"/>.</summary>
    public static readonly IReadOnlyList<string> NamesZh =
        ["重点实验室", "技术创新中心", "工程研究中心", "企业技术中心", "制造业创新中心", "产业创新中心", "其他"];
}
