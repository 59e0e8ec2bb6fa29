using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RdInvest.Common;
using RdInvest.Plans;

namespace RdInvest.Policy;

/// <summary>
/// The ranges a rule computes in, checked before any arithmetic: amounts up to <see cref="MaxMoney"/> (the largest
/// figure the platform stores, a national total, so no real case is refused), input rates up to 100 %, what-if ratios
/// up to 1000 %. Within them no rule can overflow <see cref="decimal"/> (its limit is about 7.9 × 10^28; the largest
/// product a rule forms is amount × rate × days, below 10^24). Should a parameter table still make a rule overflow,
/// <see cref="Overflow"/> turns the checked-arithmetic exception into a rejected input naming the largest value.
/// </summary>
public static class RuleBounds
{
    /// <summary>The largest amount (yuan) an input or a what-if amount may have.</summary>
    public const decimal MaxMoney = Bounds.MaxFigureMoney;

    /// <summary>The largest rate an input may have (1 = 100 %).</summary>
    public const decimal MaxRate = 1m;

    /// <summary>The largest ratio a what-if parameter may have (super deduction rates exceed 100 %).</summary>
    public const decimal MaxRatio = 10m;

    /// <summary>The largest other number (days, years, counts) a what-if parameter may have.</summary>
    public const decimal MaxNumber = 1_000_000m;

    /// <summary>Refuses a parsed input value outside its type's range.</summary>
    public static void CheckInput(RuleInputSpec spec, object value, string text)
    {
        var (limit, zh, en) = spec.Type switch
        {
            InputType.Money => (MaxMoney, $"{RuleFormat.Money(MaxMoney)} 元", $"{RuleFormat.Money(MaxMoney)} yuan"),
            InputType.Rate => (MaxRate, "100%", "100 %"),
            _ => (0m, "", ""),
        };
        if (limit > 0m && value is decimal d && Math.Abs(d) > limit)
        {
            throw new InputOutOfRangeError(spec.Name,
                $"输入 {spec.Name} 的值 {Cut(text)} 超出范围（绝对值不超过 {zh}）",
                $"input {spec.Name}: {Cut(text)} is out of range (at most {en} in absolute value)");
        }
    }

    /// <summary>Refuses what-if values outside the range of the parameter's unit; numbers inside tables and lists up to <see cref="MaxMoney"/>.</summary>
    public static void CheckOverrides(IReadOnlyDictionary<string, JsonNode>? overrides, Plan plan)
    {
        foreach (var (name, node) in overrides ?? new Dictionary<string, JsonNode>())
        {
            var unit = plan.Parameters.TryGetValue(name, out var p) ? p.Unit : null;
            if (node is JsonValue v && v.TryGetValue<decimal>(out var d))
            {
                var (limit, zh, en) = unit switch
                {
                    "ratio" => (MaxRatio, "1000%", "1000 %"),
                    "yuan" => (MaxMoney, $"{RuleFormat.Money(MaxMoney)} 元", $"{RuleFormat.Money(MaxMoney)} yuan"),
                    _ => (MaxNumber, RuleFormat.Number(MaxNumber), RuleFormat.Number(MaxNumber)),
                };
                if (d < 0m || d > limit)
                {
                    throw new InputOutOfRangeError(name,
                        $"参数 {name} 的假设值 {RuleFormat.Number(d)} 超出范围（0 至 {zh}）",
                        $"parameter {name}: the what-if value {RuleFormat.Number(d)} is out of range (0 to {en})");
                }
            }
            else if (Numbers(node).FirstOrDefault(n => Math.Abs(n) > MaxMoney) is var big && big != 0m)
            {
                throw new InputOutOfRangeError(name,
                    $"参数 {name} 的假设值含有超出范围的数 {RuleFormat.Number(big)}（绝对值不超过 {RuleFormat.Money(MaxMoney)}）",
                    $"parameter {name}: the what-if value holds {RuleFormat.Number(big)}, out of range (at most {RuleFormat.Money(MaxMoney)})");
            }
        }
    }

    /// <summary>
    /// The error for a calculation that left the range of <see cref="decimal"/>: it names the input or parameter with the
    /// largest magnitude, the likeliest cause — or, for a division by zero, the what-if parameter set to zero.
    /// </summary>
    public static InputOutOfRangeError Overflow(RuleDefinition rule, RuleInputs inputs, RuleContext context, ArithmeticException error)
    {
        if (error is DivideByZeroException
            && (context.Overrides ?? new Dictionary<string, JsonNode>()).FirstOrDefault(o => Numbers(o.Value).Contains(0m)) is { Key: { } zero })
        {
            return new InputOutOfRangeError(zero,
                $"规则 {rule.Slug} 无法计算：参数 {zero} 的假设值为 0，被用作除数",
                $"rule {rule.Slug} cannot be computed: the what-if value of parameter {zero} is 0 and is divided by");
        }
        var candidates = inputs.Numbers()
            .Select(kv => (Name: kv.Key, Kind: "input", Value: kv.Value))
            .Concat((context.Overrides ?? new Dictionary<string, JsonNode>())
                .SelectMany(o => Numbers(o.Value).Select(n => (Name: o.Key, Kind: "parameter", Value: n))))
            .OrderByDescending(c => Math.Abs(c.Value))
            .ToList();
        if (candidates.Count == 0)
        {
            return new InputOutOfRangeError(rule.Slug, $"规则 {rule.Slug} 的计算超出数值范围", $"the calculation of rule {rule.Slug} is out of the numeric range");
        }
        var (name, kind, value) = candidates[0];
        var (zh, en) = kind == "input" ? ("输入", "input") : ("参数", "parameter");
        return new InputOutOfRangeError(name,
            $"规则 {rule.Slug} 的计算超出数值范围：请检查{zh} {name}（{RuleFormat.Number(value)}）",
            $"the calculation of rule {rule.Slug} is out of the numeric range: check {en} {name} ({RuleFormat.Number(value)})");
    }

    private static IEnumerable<decimal> Numbers(JsonNode? node)
    {
        switch (node)
        {
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                yield return v.TryGetValue<decimal>(out var d) ? d : decimal.MaxValue;
                break;
            case JsonArray a:
                foreach (var n in a.SelectMany(Numbers))
                {
                    yield return n;
                }
                break;
            case JsonObject o:
                foreach (var n in o.Select(kv => kv.Value).SelectMany(Numbers))
                {
                    yield return n;
                }
                break;
            default:
                break;
        }
    }

    /// <summary>A long value is not echoed whole.</summary>
    internal static string Cut(string text) =>
        text.Length <= 40 ? text : text[..40] + "…（" + text.Length.ToString(CultureInfo.InvariantCulture) + "）";
}
