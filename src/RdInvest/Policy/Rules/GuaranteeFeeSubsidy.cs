namespace RdInvest.Policy.Rules;

/// <summary>
/// R16, clause 二(三)9: "对科技型企业、高新技术企业融资担保给予优惠". To the borrower: amount = min(guarantee_fee × 50 %, 200,000)
/// per guaranteed loan to an S&amp;T or high-tech enterprise (on the grant date); the rate and the cap are defaults set by the
/// administering department.
/// </summary>
public static class GuaranteeFeeSubsidy
{
    public const string Id = "R16";
    public const string Slug = "guarantee-fee-subsidy";
    public const string Clause = "二(三)9";

    public sealed record Input(string LoanKind, decimal GuaranteeFee, bool StEnterprise);

    public static RuleResult Evaluate(Input input, RuleContext context)
    {
        var x = new Explanation(context, Id, Slug, Clause);
        if (input.LoanKind != Finance.LoanKinds.Guaranteed)
        {
            return x.Ineligible($"贷款类型为 {input.LoanKind}，仅担保贷款（guaranteed）可获担保费补贴", $"the loan is {input.LoanKind}; only guaranteed loans get the fee subsidy");
        }
        if (!input.StEnterprise)
        {
            return x.Ineligible("借款单位在发放日不是科技型企业或高新技术企业", "the borrower was not an S&T or high-tech enterprise on the grant date");
        }
        var rate = x.Apply("guarantee_fee_subsidy.rate", "补贴比例", "subsidy rate");
        var subsidy = x.Step(
            $"补贴 = 担保费 {RuleFormat.Money(input.GuaranteeFee)} × {RuleFormat.Percent(rate)} = {RuleFormat.Money(decimal.Round(input.GuaranteeFee * rate, 2))}",
            $"subsidy = guarantee fee {RuleFormat.Money(input.GuaranteeFee)} × {RuleFormat.Percent(rate)} = {RuleFormat.Money(decimal.Round(input.GuaranteeFee * rate, 2))}",
            input.GuaranteeFee * rate);
        var cap = x.Apply("guarantee_fee_subsidy.cap", "每笔补贴上限", "cap per loan");
        var amount = x.Step(
            $"取 min({RuleFormat.Money(decimal.Round(subsidy, 2))}, {RuleFormat.Money(cap)}) = {RuleFormat.Money(decimal.Round(Math.Min(subsidy, cap), 2))}{(subsidy > cap ? "（封顶）" : "")}",
            $"min({RuleFormat.Money(decimal.Round(subsidy, 2))}, {RuleFormat.Money(cap)}) = {RuleFormat.Money(decimal.Round(Math.Min(subsidy, cap), 2))}{(subsidy > cap ? " (capped)" : "")}",
            Math.Min(subsidy, cap), x.Parameter("guarantee_fee_subsidy.cap"));
        return x.Finish(amount);
    }

    public static RuleDefinition Definition { get; } = new(
        Id, Slug, Clause, "科技型企业融资担保费补贴", "Guarantee fee subsidy for S&T and high-tech enterprises",
        [
            new("loan_kind", InputType.Choice, true, "贷款类型", "loan kind") { Choices = Finance.LoanKinds.All },
            new("guarantee_fee", InputType.Money, true, "借款单位支付的担保费（元）", "guarantee fee paid by the borrower (yuan)") { NonNegative = true },
            new("st_enterprise", InputType.Boolean, false, "借款单位在发放日是否为科技型企业或高新技术企业", "the borrower an S&T or high-tech enterprise on the grant date") { Default = "true" },
        ],
        ["guarantee_fee_subsidy.rate", "guarantee_fee_subsidy.cap"])
    {
        Run = (i, c) => Evaluate(new Input(i.Text("loan_kind"), i.Money("guarantee_fee"), i.Boolean("st_enterprise")), c),
    };
}
