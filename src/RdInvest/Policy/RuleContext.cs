using System.Globalization;
using System.Text.Json.Nodes;
using RdInvest.Plans;

namespace RdInvest.Policy;

/// <summary>
/// Everything a rule may read besides its inputs: the plan, the date whose parameter values apply, and optional
/// what-if overrides (<c>--set name=value</c>). Rules never read a clock; the caller decides the date.
/// </summary>
public sealed record RuleContext(Plan Plan, DateOnly Date, IReadOnlyDictionary<string, JsonNode>? Overrides = null)
{
    public const string WhatIfClause = "假设（--set）/ what-if";

    /// <summary>The value in force on <see cref="Date"/>, or the override; overrides are dated the evaluation date.</summary>
    public ParameterValue Parameter(string name) =>
        Overrides is not null && Overrides.TryGetValue(name, out var node)
            ? new ParameterValue(name, Date, node, WhatIfClause, IsDefault: false)
            : Plan.ParameterAt(name, Date);
}

/// <summary>Invariant, human-readable numbers for explanation text (never the ambient culture).</summary>
public static class RuleFormat
{
    public static string Money(decimal yuan) => yuan.ToString("#,##0.##", CultureInfo.InvariantCulture);

    public static string Percent(decimal ratio) => (ratio * 100m).ToString("0.####", CultureInfo.InvariantCulture) + "%";

    public static string Number(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The one parser of the date a rule is evaluated on (command line, request, batch column): YYYY-MM-DD or nothing.
    /// <paramref name="field"/> names where the text came from (<c>--date</c>, <c>date</c>, <c>date 列</c>).
    /// </summary>
    public static DateOnly? ParseDate(string? text, string field, string? fieldEn = null) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new Common.UserError($"{field} 的值 {RuleBounds.Cut(text)} 应为 YYYY-MM-DD", $"{fieldEn ?? field}: {RuleBounds.Cut(text)} is not YYYY-MM-DD", exitCode: 2);

    /// <summary>Drops trailing zeros (1625000.0000 → 1625000) so JSON and cells show the value, not its scale.</summary>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary>The one rounding of a rule: to whole yuan, half away from zero.</summary>
    public static decimal ToYuan(decimal value) => Normalize(decimal.Round(value, 0, MidpointRounding.AwayFromZero));
}

/// <summary>
/// Collects one evaluation's steps, outputs and parameters. A new one per evaluation, so rules stay pure functions.
/// </summary>
internal sealed class Explanation(RuleContext context, string rule, string slug, string clause)
{
    private readonly List<RuleStep> _steps = [];
    private readonly List<RuleParameterUse> _parameters = [];
    private readonly Dictionary<string, decimal> _outputs = new(StringComparer.Ordinal);

    public string Clause { get; } = clause;

    public DateOnly Date => context.Date;

    public Plan Plan => context.Plan;

    /// <summary>Reads a parameter and records it once in the result's parameter list.</summary>
    public ParameterValue Parameter(string name)
    {
        var p = context.Parameter(name);
        if (!_parameters.Exists(x => x.Name == name))
        {
            _parameters.Add(new RuleParameterUse(name, p.Value, p.EffectiveFrom, p.Clause, p.IsDefault));
        }
        return p;
    }

    public decimal Number(string name) => Parameter(name).AsDecimal();

    /// <summary>The parameter if it has a value on the date, else null (for lists that begin later than the rates).</summary>
    public ParameterValue? TryParameter(string name) =>
        context.Overrides?.ContainsKey(name) == true || Plan.Parameters.TryGetValue(name, out var p) && p.At(Date) is not null
            ? Parameter(name)
            : null;

    /// <summary>A step stating a numeric parameter's value (flagged when it is a default), citing its clause.</summary>
    public decimal Apply(string name, string labelZh, string labelEn)
    {
        var p = Parameter(name);
        var v = p.AsDecimal();
        var unit = Plan.Parameters.TryGetValue(name, out var pp) ? pp.Unit : null;
        var (zh, en) = unit switch
        {
            "ratio" => (RuleFormat.Percent(v), RuleFormat.Percent(v)),
            "yuan" => (RuleFormat.Money(v) + " 元", RuleFormat.Money(v) + " yuan"),
            _ => (RuleFormat.Number(v), RuleFormat.Number(v)),
        };
        var (dz, de) = p.IsDefault ? (DefaultZh, DefaultEn) : ("", "");
        _steps.Add(new RuleStep($"{labelZh}：{zh}{dz}", $"{labelEn}: {en}{de}", p.Clause, RuleFormat.Normalize(v)) { Parameter = name });
        return v;
    }

    public const string DefaultZh = "（默认值，由主管部门确定）";
    public const string DefaultEn = " (default, set by the administering department)";

    /// <summary>A step that implements the rule's own clause.</summary>
    public decimal Step(string zh, string en, decimal value)
    {
        _steps.Add(new RuleStep(zh, en, Clause, RuleFormat.Normalize(value)));
        return value;
    }

    /// <summary>A step that applies a parameter; it cites the clause of the parameter's value.</summary>
    public decimal Step(string zh, string en, decimal value, ParameterValue applies)
    {
        _steps.Add(new RuleStep(zh, en, applies.Clause, RuleFormat.Normalize(value)) { Parameter = applies.Name });
        return value;
    }

    public void Note(string zh, string en) => _steps.Add(new RuleStep(zh, en, Clause, null));

    /// <summary>A statement about a parameter (a list it checks against), citing the parameter's clause.</summary>
    public void Note(string zh, string en, ParameterValue applies) =>
        _steps.Add(new RuleStep(zh, en, applies.Clause, null) { Parameter = applies.Name });

    public void Output(string name, decimal value, bool money = true) =>
        _outputs[name] = money ? RuleFormat.ToYuan(value) : RuleFormat.Normalize(decimal.Round(value, 10, MidpointRounding.AwayFromZero));

    /// <summary>Rounds once, adds the closing step whose value is the amount, and builds the result.</summary>
    public RuleResult Finish(decimal unrounded)
    {
        var amount = RuleFormat.ToYuan(unrounded);
        _steps.Add(new RuleStep(
            $"金额按元四舍五入：{RuleFormat.Money(unrounded)} → {RuleFormat.Money(amount)} 元",
            $"amount rounded to the yuan, half away from zero: {RuleFormat.Money(unrounded)} → {RuleFormat.Money(amount)} yuan",
            Clause,
            amount));
        return new RuleResult(rule, slug, context.Date, amount, _outputs, _steps, _parameters);
    }

    /// <summary>Not eligible: amount 0 with the reason as a step citing the clause.</summary>
    public RuleResult Ineligible(string reasonZh, string reasonEn)
    {
        _steps.Add(new RuleStep($"不符合条件：{reasonZh}", $"not eligible: {reasonEn}", Clause, 0m));
        return Finish(0m);
    }
}

/// <summary>An input a rule cannot use (negative cost, unknown rating …); exit code 2 like a usage error.</summary>
public sealed class RuleInputException(string messageZh, string messageEn) : Common.UserError(messageZh, messageEn, exitCode: 2);
