namespace RdInvest.Policy.Rules;

/// <summary>
/// R3, clause 二(二)6: "对居民企业在一个纳税年度内技术转让所得不超过500万元的部分免征企业所得税，超过部分减半征收".
/// tax_due = max(0, income − 5,000,000) × rate × 50 %; amount (the relief) = income × rate − tax_due.
/// The rate defaults to the statutory 25 % (parameter cit.standard_rate) unless the case gives one. Only a resident
/// enterprise (居民企业) qualifies: input <c>resident_enterprise</c>, default true because an enterprise set up under
/// Chinese law is a resident enterprise (企业所得税法第二条), which every enterprise registered in the region is.
/// </summary>
public static class TechTransferTax
{
    public const string Id = "R3";
    public const string Slug = "tech-transfer-tax";
    public const string Clause = "二(二)6";

    public sealed record Input(int Year, decimal Income, decimal? Rate = null, bool ResidentEnterprise = true);

    public static RuleResult Evaluate(Input input, RuleContext context)
    {
        var x = new Explanation(context, Id, Slug, Clause);
        if (!input.ResidentEnterprise)
        {
            x.Output("tax_due", 0m);
            return x.Ineligible("非居民企业，不适用本项减免（本条仅适用于居民企业）",
                "not a resident enterprise: the relief applies to resident enterprises (居民企业) only");
        }
        if (input.Income <= 0m)
        {
            x.Output("tax_due", 0m);
            return x.Ineligible($"技术转让所得 {RuleFormat.Money(input.Income)} 元，无应税所得", $"technology-transfer income {RuleFormat.Money(input.Income)} yuan, nothing taxable");
        }
        var rate = input.Rate is { } r
            ? x.Step($"企业所得税税率（输入）：{RuleFormat.Percent(r)}", $"corporate income tax rate (input): {RuleFormat.Percent(r)}", r)
            : x.Apply("cit.standard_rate", "企业所得税税率", "corporate income tax rate");
        var limit = x.Apply("tech_transfer.exempt_limit", "免征限额", "exempt limit");
        var excess = x.Step(
            $"超过限额部分 = max(0, {RuleFormat.Money(input.Income)} − {RuleFormat.Money(limit)}) = {RuleFormat.Money(Math.Max(0m, input.Income - limit))}",
            $"income above the limit = max(0, {RuleFormat.Money(input.Income)} − {RuleFormat.Money(limit)}) = {RuleFormat.Money(Math.Max(0m, input.Income - limit))}",
            Math.Max(0m, input.Income - limit));
        var half = x.Apply("tech_transfer.excess_tax_share", "超过部分减半征收（按税额的比例）", "excess taxed at half (share of the tax)");
        var taxDue = x.Step(
            $"应纳税额 = {RuleFormat.Money(excess)} × {RuleFormat.Percent(rate)} × {RuleFormat.Percent(half)} = {RuleFormat.Money(excess * rate * half)}",
            $"tax due = {RuleFormat.Money(excess)} × {RuleFormat.Percent(rate)} × {RuleFormat.Percent(half)} = {RuleFormat.Money(excess * rate * half)}",
            excess * rate * half);
        var full = x.Step(
            $"无优惠时税额 = {RuleFormat.Money(input.Income)} × {RuleFormat.Percent(rate)} = {RuleFormat.Money(input.Income * rate)}",
            $"tax without the relief = {RuleFormat.Money(input.Income)} × {RuleFormat.Percent(rate)} = {RuleFormat.Money(input.Income * rate)}",
            input.Income * rate);
        var relief = x.Step(
            $"减免税额 = {RuleFormat.Money(full)} − {RuleFormat.Money(taxDue)} = {RuleFormat.Money(full - taxDue)}",
            $"relief = {RuleFormat.Money(full)} − {RuleFormat.Money(taxDue)} = {RuleFormat.Money(full - taxDue)}",
            full - taxDue);
        x.Output("tax_due", taxDue);
        return x.Finish(relief);
    }

    public static RuleDefinition Definition { get; } = new(
        Id, Slug, Clause, "技术转让所得税收减免", "Technology-transfer income tax relief",
        [
            RuleRegistry.Year("纳税年度", "tax year"),
            new("income", InputType.Money, true, "纳税年度技术转让所得（元）", "net technology-transfer income of the tax year (yuan)"),
            new("rate", InputType.Rate, false, "企业所得税税率（缺省 25%）", "corporate income tax rate (default 25 %)") { NonNegative = true },
            new("resident_enterprise", InputType.Boolean, false, "是否居民企业（缺省 是：依法在中国境内成立的企业即居民企业）",
                "resident enterprise (default true: an enterprise set up under Chinese law is one)") { Default = "true" },
        ],
        ["cit.standard_rate", "tech_transfer.exempt_limit", "tech_transfer.excess_tax_share"])
    {
        Run = (i, c) => Evaluate(new Input(i.Integer("year"), i.Money("income"), i.OptionalRate("rate"), i.Boolean("resident_enterprise")), c),
        DefaultDate = RuleRegistry.EndOfYear,
    };
}
