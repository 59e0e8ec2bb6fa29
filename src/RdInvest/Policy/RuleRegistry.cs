using RdInvest.Common;
using RdInvest.Policy.Rules;

namespace RdInvest.Policy;

/// <summary>The incentive rules of the plan (R1–R16), in order.</summary>
public static class RuleRegistry
{
    public static IReadOnlyList<RuleDefinition> All { get; } =
    [
        HteReward.Definition,
        PostSubsidy.Definition,
        TechTransferTax.Definition,
        RelocationTax.Definition,
        SoeAssessment.Definition,
        SuperDeduction.Definition,
        HteTaxRate.Definition,
        InnovationVoucher.Definition,
        InstitutionSupport.Definition,
        LoanInterest.Definition,
        ListingReward.Definition,
        NationalProjectMatch.Definition,
        PlatformPostSubsidy.Definition,
        DirectFinancingReward.Definition,
        PledgeCompensation.Definition,
        GuaranteeFeeSubsidy.Definition,
    ];

    /// <summary>By slug (post-subsidy) or id (R2, r2).</summary>
    public static RuleDefinition Find(string idOrSlug) =>
        All.FirstOrDefault(r => string.Equals(r.Slug, idOrSlug, StringComparison.OrdinalIgnoreCase)
            || string.Equals(r.Id, idOrSlug, StringComparison.OrdinalIgnoreCase))
        ?? throw new UserError(
            $"没有规则 {idOrSlug}；可用规则：{string.Join("、", All.Select(r => r.Slug))}",
            $"no rule {idOrSlug}; rules: {string.Join(", ", All.Select(r => r.Slug))}",
            exitCode: 2);

    internal static DateOnly? EndOfYear(RuleInputs inputs)
    {
        if (!inputs.Has("year"))
        {
            return null;
        }
        var y = inputs.Integer("year");
        return y is >= 1900 and <= 9999
            ? new DateOnly(y, 12, 31)
            : throw new RuleInputException($"年度 {y} 不在有效范围", $"year {y} is out of range");
    }

    internal static RuleInputSpec Year(string zh = "年度", string en = "year") =>
        new("year", InputType.Integer, true, zh, en);
}
