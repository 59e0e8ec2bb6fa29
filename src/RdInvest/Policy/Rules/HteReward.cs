namespace RdInvest.Policy.Rules;

/// <summary>
/// R1, clause 二(二)4: "对首次获批国家高新技术企业的区内企业和整体迁入我区的国家高新技术企业，一次性奖励30万元用于研发活动".
/// 300,000 yuan once to an enterprise first certified as a national high-tech enterprise, or relocating into the
/// region whole with a valid certificate, when the certificate date falls within the plan period and the
/// enterprise has not been rewarded before.
/// </summary>
public static class HteReward
{
    public const string Id = "R1";
    public const string Slug = "hte-reward";
    public const string Clause = "二(二)4";

    public sealed record Input(DateOnly CertifiedOn, bool FirstTime, bool Relocated, bool RewardedBefore = false);

    public static RuleResult Evaluate(Input input, RuleContext context)
    {
        var x = new Explanation(context, Id, Slug, Clause);
        if (!input.FirstTime && !input.Relocated)
        {
            return x.Ineligible("既非首次获批国家高新技术企业，也非整体迁入我区",
                "neither first certified as a national high-tech enterprise nor relocated into the region whole");
        }
        x.Note(input.FirstTime ? "首次获批国家高新技术企业" : "整体迁入我区的国家高新技术企业",
            input.FirstTime ? "first certified as a national high-tech enterprise" : "a national high-tech enterprise relocated into the region whole");
        var plan = context.Plan;
        if (input.CertifiedOn < plan.PeriodStart || input.CertifiedOn > plan.PeriodEnd)
        {
            return x.Ineligible(
                $"认定（迁入）日期 {RuleFormat.Date(input.CertifiedOn)} 不在方案期 {RuleFormat.Date(plan.PeriodStart)} 至 {RuleFormat.Date(plan.PeriodEnd)} 内",
                $"certified (relocated) on {RuleFormat.Date(input.CertifiedOn)}, outside the plan period {RuleFormat.Date(plan.PeriodStart)} to {RuleFormat.Date(plan.PeriodEnd)}");
        }
        if (input.RewardedBefore)
        {
            return x.Ineligible("已获得过该一次性奖励，每个企业只奖励一次", "already rewarded; the reward is paid once per enterprise");
        }
        var amount = x.Apply("hte_reward.amount", "一次性奖励", "one-time reward");
        return x.Finish(amount);
    }

    public static RuleDefinition Definition { get; } = new(
        Id, Slug, Clause, "高新技术企业一次性奖励", "High-tech enterprise one-time reward",
        [
            new("certified_on", InputType.Date, true, "国家高新技术企业认定日期（或迁入日期）", "date certified as a national high-tech enterprise (or relocated)"),
            new("first_time", InputType.Boolean, true, "是否首次获批", "first certification"),
            new("relocated", InputType.Boolean, true, "是否整体迁入我区", "relocated into the region whole"),
            new("rewarded_before", InputType.Boolean, false, "是否已获得过该奖励", "rewarded before") { Default = "false" },
        ],
        ["hte_reward.amount"])
    {
        Run = (i, c) => Evaluate(new Input(i.Date("certified_on"), i.Boolean("first_time"), i.Boolean("relocated"), i.Boolean("rewarded_before")), c),
        DefaultDate = i => i.Date("certified_on"),
    };
}
