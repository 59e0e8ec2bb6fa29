using System.Text.Json.Nodes;

namespace RdInvest.Policy.Rules;

/// <summary>
/// R6, clause 二(二)6 ("落实……企业研发费用加计扣除……等优惠政策"), which implements the national rules in force on the date:
/// no deduction for the excluded industries (tobacco C16, wholesale and retail F51–52, accommodation and catering
/// H61–62, real estate K70, leasing and business services L71–72, entertainment R90; 财税〔2015〕119号); otherwise the
/// highest rate the enterprise qualifies for among the general, manufacturing (section C), tech-SME and
/// integrated-circuit/machine-tool rates, each a dated parameter; fourth-quarter expenses at the Q4 rate where one
/// is in force (2022). amount = the extra deduction; tax_saving = amount × 25 %.
/// </summary>
public static class SuperDeduction
{
    public const string Id = "R6";
    public const string Slug = "super-deduction";
    public const string Clause = "二(二)6";

    public sealed record Input(int Year, decimal Expense, IndustryCode Industry, bool Tsme, bool IcOrMachineTool, decimal? Q4Expense = null);

    public static RuleResult Evaluate(Input input, RuleContext context)
    {
        if (input.Q4Expense is { } q && (q < 0m || q > input.Expense))
        {
            throw new RuleInputException($"q4_expense（{RuleFormat.Money(q)}）应在 0 与 expense（{RuleFormat.Money(input.Expense)}）之间",
                $"q4_expense ({RuleFormat.Money(q)}) must be between 0 and expense ({RuleFormat.Money(input.Expense)})");
        }
        var x = new Explanation(context, Id, Slug, Clause);
        var code = input.Industry.ToString();
        if (x.TryParameter("super_deduction.excluded_industries") is { } excluded && excluded.Value is JsonArray list)
        {
            if (list.Any(e => string.Equals(e?.GetValue<string>(), code, StringComparison.OrdinalIgnoreCase)))
            {
                x.Step($"行业 {code} 属于不适用加计扣除的行业", $"industry {code} is excluded from the super deduction", 0m, excluded);
                x.Output("rate", 0m, money: false);
                x.Output("tax_saving", 0m);
                return x.Finish(0m);
            }
            x.Note($"行业 {code} 不属于不适用加计扣除的行业", $"industry {code} is not excluded from the super deduction", excluded);
        }

        var rate = x.Apply("super_deduction.rate_general", "一般企业加计扣除比例", "general rate");
        if (input.Industry.IsManufacturing)
        {
            rate = Math.Max(rate, x.Apply("super_deduction.rate_manufacturing", $"制造业企业（{code}）加计扣除比例", $"manufacturing ({code}) rate"));
        }
        if (input.Tsme)
        {
            rate = Math.Max(rate, x.Apply("super_deduction.rate_tsme", "科技型中小企业加计扣除比例", "tech-SME rate"));
        }
        if (input.IcOrMachineTool)
        {
            rate = Math.Max(rate, x.Apply("super_deduction.rate_ic_machine_tool", "集成电路和工业母机企业加计扣除比例", "integrated-circuit and machine-tool rate"));
        }
        x.Step($"适用比例（取所符合的最高者）：{RuleFormat.Percent(rate)}", $"applicable rate (the highest that applies): {RuleFormat.Percent(rate)}", rate);

        decimal amount;
        if (input.Q4Expense is { } q4)
        {
            var q4Param = x.Parameter("super_deduction.rate_q4");
            var q4Rate = Math.Max(rate, q4Param.AsDecimal());
            x.Step(
                $"第四季度研发费用适用比例 max({RuleFormat.Percent(rate)}, {RuleFormat.Percent(q4Param.AsDecimal())}) = {RuleFormat.Percent(q4Rate)}",
                $"fourth-quarter rate max({RuleFormat.Percent(rate)}, {RuleFormat.Percent(q4Param.AsDecimal())}) = {RuleFormat.Percent(q4Rate)}",
                q4Rate, q4Param);
            var rest = x.Step(
                $"前三季度加计扣除 = ({RuleFormat.Money(input.Expense)} − {RuleFormat.Money(q4)}) × {RuleFormat.Percent(rate)} = {RuleFormat.Money((input.Expense - q4) * rate)}",
                $"first three quarters = ({RuleFormat.Money(input.Expense)} − {RuleFormat.Money(q4)}) × {RuleFormat.Percent(rate)} = {RuleFormat.Money((input.Expense - q4) * rate)}",
                (input.Expense - q4) * rate);
            var fourth = x.Step(
                $"第四季度加计扣除 = {RuleFormat.Money(q4)} × {RuleFormat.Percent(q4Rate)} = {RuleFormat.Money(q4 * q4Rate)}",
                $"fourth quarter = {RuleFormat.Money(q4)} × {RuleFormat.Percent(q4Rate)} = {RuleFormat.Money(q4 * q4Rate)}",
                q4 * q4Rate);
            amount = x.Step(
                $"加计扣除额 = {RuleFormat.Money(rest)} + {RuleFormat.Money(fourth)} = {RuleFormat.Money(rest + fourth)}",
                $"extra deduction = {RuleFormat.Money(rest)} + {RuleFormat.Money(fourth)} = {RuleFormat.Money(rest + fourth)}",
                rest + fourth);
        }
        else
        {
            amount = x.Step(
                $"加计扣除额 = {RuleFormat.Money(input.Expense)} × {RuleFormat.Percent(rate)} = {RuleFormat.Money(input.Expense * rate)}",
                $"extra deduction = {RuleFormat.Money(input.Expense)} × {RuleFormat.Percent(rate)} = {RuleFormat.Money(input.Expense * rate)}",
                input.Expense * rate);
        }
        var taxRate = x.Apply("cit.standard_rate", "企业所得税税率", "corporate income tax rate");
        var saving = x.Step(
            $"少缴企业所得税 = {RuleFormat.Money(amount)} × {RuleFormat.Percent(taxRate)} = {RuleFormat.Money(amount * taxRate)}",
            $"tax saving = {RuleFormat.Money(amount)} × {RuleFormat.Percent(taxRate)} = {RuleFormat.Money(amount * taxRate)}",
            amount * taxRate);
        x.Output("rate", rate, money: false);
        x.Output("tax_saving", saving);
        return x.Finish(amount);
    }

    public static RuleDefinition Definition { get; } = new(
        Id, Slug, Clause, "研发费用加计扣除", "Super deduction of R&D expenses",
        [
            RuleRegistry.Year("纳税年度", "tax year"),
            new("expense", InputType.Money, true, "该年度研发费用（元）", "R&D expenses of the year (yuan)") { NonNegative = true },
            new("industry_code", InputType.Industry, true, "行业代码（GB/T 4754，如 C3411）", "industry code (GB/T 4754, e.g. C3411)"),
            new("tsme", InputType.Boolean, false, "是否科技型中小企业", "technology-based SME") { Default = "false" },
            new("ic_or_machine_tool", InputType.Boolean, false, "是否集成电路或工业母机企业", "integrated-circuit or industrial machine-tool enterprise") { Default = "false" },
            new("q4_expense", InputType.Money, false, "其中第四季度研发费用（元）", "of which fourth-quarter expenses (yuan)") { NonNegative = true },
        ],
        ["super_deduction.excluded_industries", "super_deduction.rate_general", "super_deduction.rate_manufacturing", "super_deduction.rate_tsme",
            "super_deduction.rate_ic_machine_tool", "super_deduction.rate_q4", "cit.standard_rate"])
    {
        Run = (i, c) =>
        {
            IndustryCode.TryParse(i.Text("industry_code"), out var industry);
            return Evaluate(new Input(i.Integer("year"), i.Money("expense"), industry, i.Boolean("tsme"), i.Boolean("ic_or_machine_tool"), i.OptionalMoney("q4_expense")), c);
        },
        DefaultDate = RuleRegistry.EndOfYear,
    };
}
