namespace RdInvest.Policy.Rules;

/// <summary>
/// R15, clause 二(三)9: "对知识产权质押融资给予风险补偿". To the lender: amount = min(loss_amount × 30 %, 2,000,000) per
/// IP-pledge loan to an S&amp;T enterprise (on the grant date); the rate and the cap are defaults set by the administering department.
/// </summary>
public static class PledgeCompensation
{
    public const string Id = "R15";
    public const string Slug = "pledge-compensation";
    public const string Clause = "二(三)9";

    public sealed record Input(string LoanKind, decimal LossAmount, bool StEnterprise);

    public static RuleResult Evaluate(Input input, RuleContext context)
    {
        var x = new Explanation(context, Id, Slug, Clause);
        if (input.LoanKind != Finance.LoanKinds.IpPledge)
        {
            return x.Ineligible($"贷款类型为 {input.LoanKind}，仅知识产权质押贷款（ip_pledge）可获补偿", $"the loan is {input.LoanKind}; only IP-pledge loans (ip_pledge) are compensated");
        }
        if (!input.StEnterprise)
        {
            return x.Ineligible("借款单位在发放日不是科技型企业", "the borrower was not an S&T enterprise on the grant date");
        }
        var rate = x.Apply("pledge_compensation.rate", "补偿比例", "compensation rate");
        var compensation = x.Step(
            $"补偿 = 损失本金 {RuleFormat.Money(input.LossAmount)} × {RuleFormat.Percent(rate)} = {RuleFormat.Money(decimal.Round(input.LossAmount * rate, 2))}",
            $"compensation = loss {RuleFormat.Money(input.LossAmount)} × {RuleFormat.Percent(rate)} = {RuleFormat.Money(decimal.Round(input.LossAmount * rate, 2))}",
            input.LossAmount * rate);
        var cap = x.Apply("pledge_compensation.cap", "每笔补偿上限", "cap per loan");
        var amount = x.Step(
            $"取 min({RuleFormat.Money(decimal.Round(compensation, 2))}, {RuleFormat.Money(cap)}) = {RuleFormat.Money(decimal.Round(Math.Min(compensation, cap), 2))}{(compensation > cap ? "（封顶）" : "")}",
            $"min({RuleFormat.Money(decimal.Round(compensation, 2))}, {RuleFormat.Money(cap)}) = {RuleFormat.Money(decimal.Round(Math.Min(compensation, cap), 2))}{(compensation > cap ? " (capped)" : "")}",
            Math.Min(compensation, cap), x.Parameter("pledge_compensation.cap"));
        return x.Finish(amount);
    }

    public static RuleDefinition Definition { get; } = new(
        Id, Slug, Clause, "知识产权质押融资风险补偿", "Compensation for losses on IP-pledge loans",
        [
            new("loan_kind", InputType.Choice, true, "贷款类型", "loan kind") { Choices = Finance.LoanKinds.All },
            new("loss_amount", InputType.Money, true, "贷款机构损失的本金（元）", "principal the lender lost (yuan)") { NonNegative = true },
            new("st_enterprise", InputType.Boolean, false, "借款单位在发放日是否为科技型企业", "the borrower an S&T enterprise on the grant date") { Default = "true" },
        ],
        ["pledge_compensation.rate", "pledge_compensation.cap"])
    {
        Run = (i, c) => Evaluate(new Input(i.Text("loan_kind"), i.Money("loss_amount"), i.Boolean("st_enterprise")), c),
    };
}
