namespace RdInvest.Policy.Rules;

/// <summary>
/// R14, clause 二(三)8: "对实现直接融资的科技型企业给予优先奖励". amount = min(amount_raised × 1 %, 1,000,000) for an S&amp;T
/// enterprise's direct financing; the rate and the cap are defaults set by the administering department. A STAR Market or
/// regional S&amp;T board listing is rewarded by R11 (listing-reward) and excluded here; once per enterprise per event kind
/// is the finance round's to keep (the payments table).
/// </summary>
public static class DirectFinancingReward
{
    public const string Id = "R14";
    public const string Slug = "direct-financing-reward";
    public const string Clause = "二(三)8";

    public sealed record Input(string Kind, decimal AmountRaised, bool StEnterprise);

    public static RuleResult Evaluate(Input input, RuleContext context)
    {
        var x = new Explanation(context, Id, Slug, Clause);
        if (ListingReward.Boards.Contains(input.Kind))
        {
            return x.Ineligible($"{input.Kind} 上市（挂牌）由上市奖补（R11，二(三)10）奖励，不重复奖励",
                $"a {input.Kind} listing is rewarded by the listing reward (R11, 二(三)10), not twice");
        }
        if (!input.StEnterprise)
        {
            return x.Ineligible("融资日不是科技型企业（无有效的高新技术企业或科技型中小企业证书）",
                "not an S&T enterprise on the financing date (no valid high-tech or tech-SME certificate)");
        }
        var rate = x.Apply("direct_financing_reward.rate", "奖励比例", "reward rate");
        var reward = x.Step(
            $"奖励 = {RuleFormat.Money(input.AmountRaised)} × {RuleFormat.Percent(rate)} = {RuleFormat.Money(decimal.Round(input.AmountRaised * rate, 2))}",
            $"reward = {RuleFormat.Money(input.AmountRaised)} × {RuleFormat.Percent(rate)} = {RuleFormat.Money(decimal.Round(input.AmountRaised * rate, 2))}",
            input.AmountRaised * rate);
        var cap = x.Apply("direct_financing_reward.cap", "奖励上限", "cap");
        var amount = x.Step(
            $"取 min({RuleFormat.Money(decimal.Round(reward, 2))}, {RuleFormat.Money(cap)}) = {RuleFormat.Money(decimal.Round(Math.Min(reward, cap), 2))}{(reward > cap ? "（封顶）" : "")}",
            $"min({RuleFormat.Money(decimal.Round(reward, 2))}, {RuleFormat.Money(cap)}) = {RuleFormat.Money(decimal.Round(Math.Min(reward, cap), 2))}{(reward > cap ? " (capped)" : "")}",
            Math.Min(reward, cap), x.Parameter("direct_financing_reward.cap"));
        return x.Finish(amount);
    }

    public static RuleDefinition Definition { get; } = new(
        Id, Slug, Clause, "科技型企业直接融资优先奖励", "Priority reward for S&T enterprises' direct financing",
        [
            new("kind", InputType.Choice, true, "融资类型（科创板、自治区科创板挂牌由 R11 奖励）", "financing kind (STAR Market and regional S&T board listings: R11)")
                { Choices = Finance.FinancingKinds.All },
            new("amount_raised", InputType.Money, true, "融资金额（元）", "amount raised (yuan)") { NonNegative = true },
            new("st_enterprise", InputType.Boolean, false, "融资日是否为科技型企业", "an S&T enterprise on the financing date") { Default = "true" },
        ],
        ["direct_financing_reward.rate", "direct_financing_reward.cap"])
    {
        Run = (i, c) => Evaluate(new Input(i.Text("kind"), i.Money("amount_raised"), i.Boolean("st_enterprise")), c),
    };
}
