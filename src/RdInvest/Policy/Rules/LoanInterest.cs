namespace RdInvest.Policy.Rules;

/// <summary>
/// R10, clause 二(三)9: "对科技型企业贷款给予一定比例贴息支持". amount = min(1,000,000, principal × annual_rate × 50 % ×
/// days / 360); the 50 %, the cap and the 360-day year are defaults set by the administering department.
/// </summary>
public static class LoanInterest
{
    public const string Id = "R10";
    public const string Slug = "loan-interest";
    public const string Clause = "二(三)9";

    /// <param name="Principal">Loan principal, yuan.</param>
    /// <param name="AnnualRate">Annual rate as a fraction.</param>
    /// <param name="Days">Days of interest.</param>
    /// <param name="StEnterprise">The borrower was an S&amp;T enterprise on the grant date (from a loan record; typed-in cases assume it).</param>
    public sealed record Input(decimal Principal, decimal AnnualRate, int Days, bool StEnterprise = true);

    public static RuleResult Evaluate(Input input, RuleContext context)
    {
        var x = new Explanation(context, Id, Slug, Clause);
        if (!input.StEnterprise)
        {
            return x.Ineligible("借款单位在发放日不是科技型企业（无有效的高新技术企业或科技型中小企业证书）",
                "the borrower was not an S&T enterprise on the grant date (no valid high-tech or tech-SME certificate)");
        }
        var dayCount = x.Apply("loan_interest.day_count", "计息年天数", "days in the interest year");
        var interest = x.Step(
            $"利息 = {RuleFormat.Money(input.Principal)} × {RuleFormat.Percent(input.AnnualRate)} × {input.Days.ToString(System.Globalization.CultureInfo.InvariantCulture)} ÷ {RuleFormat.Number(dayCount)} = {RuleFormat.Money(decimal.Round(input.Principal * input.AnnualRate * input.Days / dayCount, 2))}",
            $"interest = {RuleFormat.Money(input.Principal)} × {RuleFormat.Percent(input.AnnualRate)} × {input.Days.ToString(System.Globalization.CultureInfo.InvariantCulture)} / {RuleFormat.Number(dayCount)} = {RuleFormat.Money(decimal.Round(input.Principal * input.AnnualRate * input.Days / dayCount, 2))}",
            input.Principal * input.AnnualRate * input.Days / dayCount);
        var share = x.Apply("loan_interest.share", "贴息比例", "share subsidised");
        var subsidy = x.Step(
            $"贴息 = {RuleFormat.Money(decimal.Round(interest, 2))} × {RuleFormat.Percent(share)} = {RuleFormat.Money(decimal.Round(interest * share, 2))}",
            $"subsidy = {RuleFormat.Money(decimal.Round(interest, 2))} × {RuleFormat.Percent(share)} = {RuleFormat.Money(decimal.Round(interest * share, 2))}",
            interest * share);
        var cap = x.Apply("loan_interest.cap", "贴息上限", "cap");
        var amount = x.Step(
            $"取 min({RuleFormat.Money(decimal.Round(subsidy, 2))}, {RuleFormat.Money(cap)}) = {RuleFormat.Money(decimal.Round(Math.Min(subsidy, cap), 2))}{(subsidy > cap ? "（封顶）" : "")}",
            $"min({RuleFormat.Money(decimal.Round(subsidy, 2))}, {RuleFormat.Money(cap)}) = {RuleFormat.Money(decimal.Round(Math.Min(subsidy, cap), 2))}{(subsidy > cap ? " (capped)" : "")}",
            Math.Min(subsidy, cap), x.Parameter("loan_interest.cap"));
        x.Output("interest", interest);
        return x.Finish(amount);
    }

    public static RuleDefinition Definition { get; } = new(
        Id, Slug, Clause, "科技型企业贷款贴息", "Loan interest subsidy for S&T enterprises",
        [
            new("principal", InputType.Money, true, "贷款本金（元）", "loan principal (yuan)") { NonNegative = true },
            new("annual_rate", InputType.Rate, true, "年利率（如 4.35%）", "annual interest rate (e.g. 4.35%)") { NonNegative = true },
            new("days", InputType.Integer, true, "计息天数", "days of interest") { NonNegative = true },
            new("st_enterprise", InputType.Boolean, false, "借款单位在发放日是否为科技型企业", "the borrower an S&T enterprise on the grant date") { Default = "true" },
        ],
        ["loan_interest.day_count", "loan_interest.share", "loan_interest.cap"])
    {
        Run = (i, c) => Evaluate(new Input(i.Money("principal"), i.Rate("annual_rate"), i.Integer("days"), i.Boolean("st_enterprise")), c),
    };
}
