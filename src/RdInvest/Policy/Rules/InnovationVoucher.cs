namespace RdInvest.Policy.Rules;

/// <summary>
/// R8, clause 二(二)6: "实施科技创新券后补助等措施，鼓励科技型企业购买创新服务". The plan gives no figure:
/// amount = min(500,000, 50 % × service_cost), both defaults set by the administering department.
/// </summary>
public static class InnovationVoucher
{
    public const string Id = "R8";
    public const string Slug = "innovation-voucher";
    public const string Clause = "二(二)6";

    public sealed record Input(decimal ServiceCost);

    public static RuleResult Evaluate(Input input, RuleContext context)
    {
        var x = new Explanation(context, Id, Slug, Clause);
        var rate = x.Apply("innovation_voucher.rate", "补助比例", "subsidy rate");
        var subsidy = x.Step(
            $"按比例补助 = {RuleFormat.Money(input.ServiceCost)} × {RuleFormat.Percent(rate)} = {RuleFormat.Money(input.ServiceCost * rate)}",
            $"subsidy at the rate = {RuleFormat.Money(input.ServiceCost)} × {RuleFormat.Percent(rate)} = {RuleFormat.Money(input.ServiceCost * rate)}",
            input.ServiceCost * rate);
        var cap = x.Apply("innovation_voucher.cap", "补助上限", "cap");
        var amount = x.Step(
            $"取 min({RuleFormat.Money(subsidy)}, {RuleFormat.Money(cap)}) = {RuleFormat.Money(Math.Min(subsidy, cap))}{(subsidy > cap ? "（封顶）" : "")}",
            $"min({RuleFormat.Money(subsidy)}, {RuleFormat.Money(cap)}) = {RuleFormat.Money(Math.Min(subsidy, cap))}{(subsidy > cap ? " (capped)" : "")}",
            Math.Min(subsidy, cap), x.Parameter("innovation_voucher.cap"));
        return x.Finish(amount);
    }

    public static RuleDefinition Definition { get; } = new(
        Id, Slug, Clause, "科技创新券后补助", "Innovation voucher post-subsidy",
        [new("service_cost", InputType.Money, true, "购买创新服务的费用（元）", "cost of purchased innovation services (yuan)") { NonNegative = true }],
        ["innovation_voucher.rate", "innovation_voucher.cap"])
    {
        Run = (i, c) => Evaluate(new Input(i.Money("service_cost")), c),
    };
}
