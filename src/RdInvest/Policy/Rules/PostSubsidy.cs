using System.Text.Json.Nodes;

namespace RdInvest.Policy.Rules;

/// <summary>
/// R2, clause 二(二)6: "按照企业上年度研发投入强度及增量增幅给予财政资金奖补，单个企业每年最高奖补500万元".
/// intensity = rd_prev / revenue_prev; base = rd_prev × the tier rate of that intensity (default tiers: below 1 %
/// nothing, 1 % 2 %, 3 % 3 %, 5 % 4 %); increment = 10 % × max(0, rd_prev − rd_prev2);
/// amount = min(5,000,000, base + increment). The cap is the plan's; tiers and the 10 % are defaults.
/// </summary>
public static class PostSubsidy
{
    public const string Id = "R2";
    public const string Slug = "post-subsidy";
    public const string Clause = "二(二)6";

    /// <summary>Year is the round; RdPrev and RevenuePrev are of year − 1, RdPrev2 of year − 2 (null: no record, hence no increment).</summary>
    public sealed record Input(int Year, decimal RdPrev, decimal RevenuePrev, decimal? RdPrev2 = null);

    public sealed record Tier(decimal Min, decimal Rate);

    public static RuleResult Evaluate(Input input, RuleContext context)
    {
        var x = new Explanation(context, Id, Slug, Clause);
        if (input.RdPrev <= 0m || input.RevenuePrev <= 0m)
        {
            return x.Ineligible(
                $"上年度研发投入（{RuleFormat.Money(input.RdPrev)} 元）和营业收入（{RuleFormat.Money(input.RevenuePrev)} 元）须为正数",
                $"prior-year R&D ({RuleFormat.Money(input.RdPrev)} yuan) and operating revenue ({RuleFormat.Money(input.RevenuePrev)} yuan) must be positive");
        }
        var intensity = x.Step(
            $"上年度研发投入强度 = {RuleFormat.Money(input.RdPrev)} ÷ {RuleFormat.Money(input.RevenuePrev)} = {RuleFormat.Percent(decimal.Round(input.RdPrev / input.RevenuePrev, 6))}",
            $"prior-year R&D intensity = {RuleFormat.Money(input.RdPrev)} / {RuleFormat.Money(input.RevenuePrev)} = {RuleFormat.Percent(decimal.Round(input.RdPrev / input.RevenuePrev, 6))}",
            input.RdPrev / input.RevenuePrev);
        x.Output("intensity", intensity, money: false);

        var tiersParam = x.Parameter("post_subsidy.tiers");
        var tiers = ReadTiers(tiersParam.Value);
        // Compare rd ≥ min × revenue rather than the quotient, so that exactly 1 % is 1 % however the division rounds.
        var tier = tiers.LastOrDefault(t => input.RdPrev >= t.Min * input.RevenuePrev);
        var rate = tier?.Rate ?? 0m;
        var dflt = tiersParam.IsDefault ? (Explanation.DefaultZh, Explanation.DefaultEn) : ("", "");
        x.Step(
            tier is null
                ? $"强度低于最低档 {RuleFormat.Percent(tiers[0].Min)}，基础补助比例 0{dflt.Item1}"
                : $"强度不低于 {RuleFormat.Percent(tier.Min)}，基础补助比例 {RuleFormat.Percent(rate)}{dflt.Item1}",
            tier is null
                ? $"intensity below the lowest tier {RuleFormat.Percent(tiers[0].Min)}, base rate 0{dflt.Item2}"
                : $"intensity at least {RuleFormat.Percent(tier.Min)}, base rate {RuleFormat.Percent(rate)}{dflt.Item2}",
            rate, tiersParam);
        var @base = x.Step(
            $"基础补助 = {RuleFormat.Money(input.RdPrev)} × {RuleFormat.Percent(rate)} = {RuleFormat.Money(input.RdPrev * rate)}",
            $"base = {RuleFormat.Money(input.RdPrev)} × {RuleFormat.Percent(rate)} = {RuleFormat.Money(input.RdPrev * rate)}",
            input.RdPrev * rate);

        decimal incrementAmount;
        if (input.RdPrev2 is not { } prev2)
        {
            // Without a record two years back there is nothing to measure growth against: no increment, not the whole
            // prior-year R&D as if it had all been new.
            incrementAmount = x.Step(
                $"前年（{input.Year - 2} 年）无研发投入记录，无法计算增量，增量补助为 0",
                $"no R&D record for year − 2 ({input.Year - 2}): no increment can be measured, increment subsidy 0",
                0m);
        }
        else
        {
            var increment = x.Step(
                $"研发投入增量 = max(0, {RuleFormat.Money(input.RdPrev)} − {RuleFormat.Money(prev2)}) = {RuleFormat.Money(Math.Max(0m, input.RdPrev - prev2))}",
                $"R&D increment = max(0, {RuleFormat.Money(input.RdPrev)} − {RuleFormat.Money(prev2)}) = {RuleFormat.Money(Math.Max(0m, input.RdPrev - prev2))}",
                Math.Max(0m, input.RdPrev - prev2));
            var incrementRate = x.Apply("post_subsidy.increment_rate", "增量补助比例", "increment rate");
            incrementAmount = x.Step(
                $"增量补助 = {RuleFormat.Money(increment)} × {RuleFormat.Percent(incrementRate)} = {RuleFormat.Money(increment * incrementRate)}",
                $"increment subsidy = {RuleFormat.Money(increment)} × {RuleFormat.Percent(incrementRate)} = {RuleFormat.Money(increment * incrementRate)}",
                increment * incrementRate);
        }
        var total = x.Step(
            $"合计 = {RuleFormat.Money(@base)} + {RuleFormat.Money(incrementAmount)} = {RuleFormat.Money(@base + incrementAmount)}",
            $"total = {RuleFormat.Money(@base)} + {RuleFormat.Money(incrementAmount)} = {RuleFormat.Money(@base + incrementAmount)}",
            @base + incrementAmount);
        var cap = x.Apply("post_subsidy.cap", "单个企业每年最高奖补", "annual cap per enterprise");
        var capParam = x.Parameter("post_subsidy.cap");
        var amount = x.Step(
            $"取 min({RuleFormat.Money(total)}, {RuleFormat.Money(cap)}) = {RuleFormat.Money(Math.Min(total, cap))}{(total > cap ? "（封顶）" : "")}",
            $"min({RuleFormat.Money(total)}, {RuleFormat.Money(cap)}) = {RuleFormat.Money(Math.Min(total, cap))}{(total > cap ? " (capped)" : "")}",
            Math.Min(total, cap), capParam);
        x.Output("base", @base);
        x.Output("increment", incrementAmount);
        return x.Finish(amount);
    }

    /// <summary>Tiers sorted by their minimum intensity; a plan may give any number of them.</summary>
    public static IReadOnlyList<Tier> ReadTiers(JsonNode node)
    {
        if (node is not JsonArray arr || arr.Count == 0)
        {
            throw new Plans.PlanException("参数 post_subsidy.tiers 应为 {min, rate} 列表", "parameter post_subsidy.tiers must be a list of {min, rate}");
        }
        return arr.Select(t => new Tier(
                Plans.ParameterValue.ToDecimal(t?["min"]),
                Plans.ParameterValue.ToDecimal(t?["rate"])))
            .OrderBy(t => t.Min)
            .ToList();
    }

    public static RuleDefinition Definition { get; } = new(
        Id, Slug, Clause, "研发投入后补助", "R&D post-subsidy",
        [
            RuleRegistry.Year("补助年度（评审轮次）", "year of the round"),
            new("rd_prev", InputType.Money, true, "上年度研发投入（元）", "R&D expenditure of year − 1 (yuan)"),
            new("revenue_prev", InputType.Money, true, "上年度营业收入（元）", "operating revenue of year − 1 (yuan)"),
            new("rd_prev2", InputType.Money, false, "前年研发投入（元；缺省表示前年无记录，不计增量；填 0 则按 0 计）", "R&D expenditure of year − 2 (yuan; absent: no record, no increment; an explicit 0 counts as 0)") { NonNegative = true },
        ],
        ["post_subsidy.tiers", "post_subsidy.increment_rate", "post_subsidy.cap"])
    {
        Run = (i, c) => Evaluate(new Input(i.Integer("year"), i.Money("rd_prev"), i.Money("revenue_prev"), i.OptionalMoney("rd_prev2")), c),
        DefaultDate = RuleRegistry.EndOfYear,
    };
}
