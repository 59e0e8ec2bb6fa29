namespace RdInvest.Policy.Rules;

/// <summary>
/// R7, clause 二(二)6 ("落实高新技术企业税收优惠"): a high-tech enterprise pays corporate income tax at 15 % instead of
/// 25 %. amount = taxable_income × (25 % − 15 %); tax_due = taxable_income × 15 %.
/// </summary>
public static class HteTaxRate
{
    public const string Id = "R7";
    public const string Slug = "hte-tax-rate";
    public const string Clause = "二(二)6";

    public sealed record Input(decimal TaxableIncome);

    public static RuleResult Evaluate(Input input, RuleContext context)
    {
        var x = new Explanation(context, Id, Slug, Clause);
        if (input.TaxableIncome <= 0m)
        {
            x.Output("tax_due", 0m);
            return x.Ineligible($"应纳税所得额 {RuleFormat.Money(input.TaxableIncome)} 元，无应纳税额", $"taxable income {RuleFormat.Money(input.TaxableIncome)} yuan, no tax due");
        }
        var standard = x.Apply("cit.standard_rate", "企业所得税法定税率", "statutory corporate income tax rate");
        var reduced = x.Apply("hte_tax.preferential_rate", "高新技术企业税率", "high-tech enterprise rate");
        var taxDue = x.Step(
            $"应纳税额 = {RuleFormat.Money(input.TaxableIncome)} × {RuleFormat.Percent(reduced)} = {RuleFormat.Money(input.TaxableIncome * reduced)}",
            $"tax due = {RuleFormat.Money(input.TaxableIncome)} × {RuleFormat.Percent(reduced)} = {RuleFormat.Money(input.TaxableIncome * reduced)}",
            input.TaxableIncome * reduced);
        var saving = x.Step(
            $"少缴税额 = {RuleFormat.Money(input.TaxableIncome)} × ({RuleFormat.Percent(standard)} − {RuleFormat.Percent(reduced)}) = {RuleFormat.Money(input.TaxableIncome * (standard - reduced))}",
            $"tax saving = {RuleFormat.Money(input.TaxableIncome)} × ({RuleFormat.Percent(standard)} − {RuleFormat.Percent(reduced)}) = {RuleFormat.Money(input.TaxableIncome * (standard - reduced))}",
            input.TaxableIncome * (standard - reduced));
        x.Output("tax_due", taxDue);
        return x.Finish(saving);
    }

    public static RuleDefinition Definition { get; } = new(
        Id, Slug, Clause, "高新技术企业减按15%税率征收企业所得税", "High-tech enterprise income tax rate of 15 %",
        [new("taxable_income", InputType.Money, true, "应纳税所得额（元）", "taxable income (yuan)")],
        ["cit.standard_rate", "hte_tax.preferential_rate"])
    {
        Run = (i, c) => Evaluate(new Input(i.Money("taxable_income")), c),
    };
}
