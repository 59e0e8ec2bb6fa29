using System.Globalization;
using System.Text.Json.Serialization;
using RdInvest.Common;
using RdInvest.Plans;

namespace RdInvest.Policy;

[JsonConverter(typeof(JsonStringEnumConverter<InputType>))]
public enum InputType
{
    /// <summary>Yuan, decimal.</summary>
    Money,
    /// <summary>0.0435 or 4.35%.</summary>
    Rate,
    Integer,
    Date,
    Boolean,
    /// <summary>One of <see cref="RuleInputSpec.Choices"/>.</summary>
    Choice,
    /// <summary>GB/T 4754 industry code: C16, C1610, 1610 or 16.</summary>
    Industry,
}

/// <summary>One input of a rule: its name (the key in name=value and in batch headers), type and meaning.</summary>
public sealed record RuleInputSpec(string Name, InputType Type, bool Required, string MeaningZh, string MeaningEn)
{
    /// <summary>The value used when the input is absent, as text (absent and no default: the rule decides).</summary>
    public string? Default { get; init; }

    public IReadOnlyList<string>? Choices { get; init; }

    /// <summary>Negative values are rejected as malformed.</summary>
    [JsonIgnore]
    public bool NonNegative { get; init; }
}

/// <summary>Parsed, typed inputs of one case. Absent optional inputs without a default are simply missing.</summary>
public sealed class RuleInputs
{
    private readonly Dictionary<string, object> _values;

    internal RuleInputs(Dictionary<string, object> values) => _values = values;

    public bool Has(string name) => _values.ContainsKey(name);

    public decimal Money(string name) => (decimal)_values[name];

    public decimal? OptionalMoney(string name) => _values.TryGetValue(name, out var v) ? (decimal)v : null;

    public decimal Rate(string name) => (decimal)_values[name];

    public decimal? OptionalRate(string name) => _values.TryGetValue(name, out var v) ? (decimal)v : null;

    public int Integer(string name) => (int)_values[name];

    public DateOnly Date(string name) => (DateOnly)_values[name];

    public bool Boolean(string name) => (bool)_values[name];

    public string Text(string name) => (string)_values[name];

    /// <summary>The numeric inputs (amounts, rates, integers) as decimals, for naming the cause of an overflow.</summary>
    internal IEnumerable<KeyValuePair<string, decimal>> Numbers() => _values
        .Where(kv => kv.Value is decimal or int)
        .Select(kv => KeyValuePair.Create(kv.Key, kv.Value is int i ? i : (decimal)kv.Value));
}

/// <summary>
/// Turns name=value text (command line, batch cells, web forms) into typed inputs, naming the input that is
/// missing, unknown or malformed in a bilingual <see cref="UserError"/> with exit code 2.
/// </summary>
public static class RuleInputParser
{
    /// <summary>Splits <c>name=value</c> arguments; a bare word is malformed.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> SplitAssignments(IEnumerable<string> arguments)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (var a in arguments)
        {
            var eq = a.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new UserError($"参数 {a} 应写成 名称=值", $"argument {a} must be name=value", exitCode: 2);
            }
            list.Add(KeyValuePair.Create(a[..eq].Trim(), a[(eq + 1)..].Trim()));
        }
        return list;
    }

    /// <summary>Inputs by name, as a form or a request body holds them; a name given twice is refused.</summary>
    public static Dictionary<string, string> ToDictionary(IEnumerable<KeyValuePair<string, string>> values)
    {
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in values)
        {
            if (!given.TryAdd(k, v))
            {
                throw new UserError($"输入 {k} 给了两次", $"input {k} is given twice", exitCode: 2);
            }
        }
        return given;
    }

    public static RuleInputs Parse(RuleDefinition rule, IEnumerable<KeyValuePair<string, string>> values)
    {
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in values)
        {
            if (rule.Input(k) is null)
            {
                throw new UserError(
                    $"规则 {rule.Slug} 没有输入 {k}；可用输入：{string.Join("、", rule.Inputs.Select(i => i.Name))}",
                    $"rule {rule.Slug} has no input {k}; inputs: {string.Join(", ", rule.Inputs.Select(i => i.Name))}",
                    exitCode: 2);
            }
            if (!given.TryAdd(k, v))
            {
                throw new UserError($"输入 {k} 给了两次", $"input {k} is given twice", exitCode: 2);
            }
        }
        var typed = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var spec in rule.Inputs)
        {
            var text = given.TryGetValue(spec.Name, out var g) && !string.IsNullOrWhiteSpace(g) ? g : spec.Default;
            if (text is null)
            {
                if (spec.Required)
                {
                    throw new UserError(
                        $"缺少输入 {spec.Name}（{spec.MeaningZh}）",
                        $"missing input {spec.Name} ({spec.MeaningEn})",
                        exitCode: 2);
                }
                continue;
            }
            typed[spec.Name] = ParseValue(spec, text);
        }
        return new RuleInputs(typed);
    }

    public static object ParseValue(RuleInputSpec spec, string text)
    {
        var t = text.Trim();
        object? value = spec.Type switch
        {
            InputType.Money => ParseDecimal(t, allowPercent: false),
            InputType.Rate => ParseDecimal(t, allowPercent: true),
            InputType.Integer => int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null,
            InputType.Date => DateOnly.TryParseExact(t, ["yyyy-MM-dd", "yyyy/M/d", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
            InputType.Boolean => ParseBoolean(t),
            InputType.Choice => spec.Choices!.FirstOrDefault(c => string.Equals(c, t, StringComparison.OrdinalIgnoreCase)),
            InputType.Industry => IndustryCode.TryParse(t, out var code) ? code.ToString() : null,
            _ => null,
        };
        if (value is null)
        {
            throw Malformed(spec, text);
        }
        if (spec.NonNegative && value is decimal dec && dec < 0m || spec.NonNegative && value is int n && n < 0)
        {
            throw new UserError(
                $"输入 {spec.Name} 不能为负数：{text}",
                $"input {spec.Name} must not be negative: {text}",
                exitCode: 2);
        }
        RuleBounds.CheckInput(spec, value, text);
        return value;
    }

    private static UserError Malformed(RuleInputSpec spec, string text)
    {
        var (zh, en) = spec.Type switch
        {
            InputType.Money => ("金额（元）", "an amount in yuan"),
            InputType.Rate => ("比率（如 0.0435 或 4.35%）", "a rate (0.0435 or 4.35%)"),
            InputType.Integer => ("整数", "an integer"),
            InputType.Date => ("日期 YYYY-MM-DD", "a date YYYY-MM-DD"),
            InputType.Boolean => ("是/否（true/false）", "true or false"),
            InputType.Choice => ("以下之一：" + string.Join("、", spec.Choices!), "one of " + string.Join(", ", spec.Choices!)),
            InputType.Industry => ("GB/T 4754 行业代码（如 C16、C1610、1610）", "a GB/T 4754 industry code (C16, C1610, 1610)"),
            _ => ("值", "a value"),
        };
        return new UserError(
            $"输入 {spec.Name} 的值 {text} 格式错误，应为{zh}",
            $"input {spec.Name}: {text} is not {en}",
            exitCode: 2);
    }

    private static decimal? ParseDecimal(string text, bool allowPercent)
    {
        if (!allowPercent && text.Contains('%', StringComparison.Ordinal))
        {
            return null;
        }
        return ParameterValue.TryParseNumber(text, out var v) ? v : null;
    }

    private static bool? ParseBoolean(string text) => text.ToUpperInvariant() switch
    {
        "TRUE" or "YES" or "Y" or "1" or "是" or "T" => true,
        "FALSE" or "NO" or "N" or "0" or "否" or "F" => false,
        _ => null,
    };
}
