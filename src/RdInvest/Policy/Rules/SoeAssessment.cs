namespace RdInvest.Policy.Rules;

/// <summary>
/// R5, clause 二(二)6: "完善突出创新导向的国有企业考核与激励机制……将企业研发投入视同利润加回，增量部分按150%加计".
/// adjusted_profit = profit + rd + 50 % × max(0, rd − rd_prev); amount = adjusted_profit − profit (the add-back).
/// </summary>
public static class SoeAssessment
{
    public const string Id = "R5";
    public const string Slug = "soe-assessment";
    public const string Clause = "二(二)6";

    public sealed record Input(int Year, decimal Profit, decimal Rd, decimal RdPrev);

    public static RuleResult Evaluate(Input input, RuleContext context)
    {
        var x = new Explanation(context, Id, Slug, Clause);
        var addbackRate = x.Apply("soe_assessment.addback_rate", "研发投入视同利润加回比例", "share of R&D added back to profit");
        var addback = x.Step(
            $"加回 = {RuleFormat.Money(input.Rd)} × {RuleFormat.Percent(addbackRate)} = {RuleFormat.Money(input.Rd * addbackRate)}",
            $"added back = {RuleFormat.Money(input.Rd)} × {RuleFormat.Percent(addbackRate)} = {RuleFormat.Money(input.Rd * addbackRate)}",
            input.Rd * addbackRate);
        var increment = x.Step(
            $"研发投入增量 = max(0, {RuleFormat.Money(input.Rd)} − {RuleFormat.Money(input.RdPrev)}) = {RuleFormat.Money(Math.Max(0m, input.Rd - input.RdPrev))}",
            $"R&D increment = max(0, {RuleFormat.Money(input.Rd)} − {RuleFormat.Money(input.RdPrev)}) = {RuleFormat.Money(Math.Max(0m, input.Rd - input.RdPrev))}",
            Math.Max(0m, input.Rd - input.RdPrev));
        var weight = x.Apply("soe_assessment.increment_weight", "增量部分加计比例", "weight of the increment");
        var extra = x.Step(
            $"增量额外加计 = {RuleFormat.Money(increment)} × ({RuleFormat.Percent(weight)} − 100%) = {RuleFormat.Money(increment * (weight - 1m))}",
            $"extra for the increment = {RuleFormat.Money(increment)} × ({RuleFormat.Percent(weight)} − 100%) = {RuleFormat.Money(increment * (weight - 1m))}",
            increment * (weight - 1m));
        var amount = x.Step(
            $"视同利润加回合计 = {RuleFormat.Money(addback)} + {RuleFormat.Money(extra)} = {RuleFormat.Money(addback + extra)}",
            $"total added to profit = {RuleFormat.Money(addback)} + {RuleFormat.Money(extra)} = {RuleFormat.Money(addback + extra)}",
            addback + extra);
        x.Step(
            $"考核利润 = {RuleFormat.Money(input.Profit)} + {RuleFormat.Money(amount)} = {RuleFormat.Money(input.Profit + amount)}",
            $"assessed profit = {RuleFormat.Money(input.Profit)} + {RuleFormat.Money(amount)} = {RuleFormat.Money(input.Profit + amount)}",
            input.Profit + amount);
        x.Output("adjusted_profit", input.Profit + amount);
        return x.Finish(amount);
    }

    public static RuleDefinition Definition { get; } = new(
        Id, Slug, Clause, "国有企业考核研发投入视同利润加回", "State-owned enterprise assessment: R&D added back to profit",
        [
            RuleRegistry.Year("考核年度", "assessment year"),
            new("profit", InputType.Money, true, "考核利润（元）", "profit (yuan)"),
            new("rd", InputType.Money, true, "本年度研发投入（元）", "R&D investment of the year (yuan)") { NonNegative = true },
            new("rd_prev", InputType.Money, true, "上年度研发投入（元）", "R&D investment of the previous year (yuan)") { NonNegative = true },
        ],
        ["soe_assessment.addback_rate", "soe_assessment.increment_weight"])
    {
        Run = (i, c) => Evaluate(new Input(i.Integer("year"), i.Money("profit"), i.Money("rd"), i.Money("rd_prev")), c),
        DefaultDate = RuleRegistry.EndOfYear,
    };
}
