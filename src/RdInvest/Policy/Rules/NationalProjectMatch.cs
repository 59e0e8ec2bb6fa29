namespace RdInvest.Policy.Rules;

/// <summary>
/// R12, clause 二(一)3: "对承担国家科技重大专项……等项目的自治区创新主体，各级人民政府按照财政事权对应原则以及国家项目资金实际到位情况，
/// 按要求给予一定比例的支持". amount = min(5,000,000, 10 % × funds_received); both are defaults.
/// </summary>
public static class NationalProjectMatch
{
    public const string Id = "R12";
    public const string Slug = "national-project-match";
    public const string Clause = "二(一)3";

    public sealed record Input(decimal FundsReceived);

    public static RuleResult Evaluate(Input input, RuleContext context)
    {
        var x = new Explanation(context, Id, Slug, Clause);
        var rate = x.Apply("national_match.rate", "配套支持比例", "matching rate");
        var match = x.Step(
            $"配套 = {RuleFormat.Money(input.FundsReceived)} × {RuleFormat.Percent(rate)} = {RuleFormat.Money(input.FundsReceived * rate)}",
            $"match = {RuleFormat.Money(input.FundsReceived)} × {RuleFormat.Percent(rate)} = {RuleFormat.Money(input.FundsReceived * rate)}",
            input.FundsReceived * rate);
        var cap = x.Apply("national_match.cap", "配套上限", "cap");
        var amount = x.Step(
            $"取 min({RuleFormat.Money(match)}, {RuleFormat.Money(cap)}) = {RuleFormat.Money(Math.Min(match, cap))}{(match > cap ? "（封顶）" : "")}",
            $"min({RuleFormat.Money(match)}, {RuleFormat.Money(cap)}) = {RuleFormat.Money(Math.Min(match, cap))}{(match > cap ? " (capped)" : "")}",
            Math.Min(match, cap), x.Parameter("national_match.cap"));
        return x.Finish(amount);
    }

    public static RuleDefinition Definition { get; } = new(
        Id, Slug, Clause, "国家重大项目配套支持", "Matching support for national major projects",
        [new("funds_received", InputType.Money, true, "国家项目资金实际到位额（元）", "national project funds actually received (yuan)") { NonNegative = true }],
        ["national_match.rate", "national_match.cap"])
    {
        Run = (i, c) => Evaluate(new Input(i.Money("funds_received")), c),
    };
}
