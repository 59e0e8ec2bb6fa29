using System.Text.Json.Serialization;

namespace RdInvest.Policy;

/// <summary>
/// A rule as the hosts see it: identity, clause, inputs and parameters, and a binding from parsed inputs to the
/// rule's typed pure function.
/// </summary>
public sealed record RuleDefinition(
    string Id,
    string Slug,
    string Clause,
    string TitleZh,
    string TitleEn,
    IReadOnlyList<RuleInputSpec> Inputs,
    IReadOnlyList<string> Parameters)
{
    [JsonIgnore]
    internal Func<RuleInputs, RuleContext, RuleResult> Run { get; init; } = (_, _) => throw new InvalidOperationException("rule without a binding");

    /// <summary>The date whose parameters apply when the caller gives none (31 Dec of a tax year, a certificate date).</summary>
    [JsonIgnore]
    internal Func<RuleInputs, DateOnly?> DefaultDate { get; init; } = _ => null;

    public RuleInputSpec? Input(string name) => Inputs.FirstOrDefault(i => i.Name == name);

    /// <summary>
    /// Evaluates with checked arithmetic; a calculation that leaves the range of <see cref="decimal"/> (or divides by a
    /// what-if zero) is a rejected input naming its likeliest cause, never an internal error.
    /// </summary>
    public RuleResult Evaluate(RuleInputs inputs, RuleContext context)
    {
        try
        {
            return Run(inputs, context);
        }
        catch (ArithmeticException e)
        {
            throw RuleBounds.Overflow(this, inputs, context, e);
        }
    }

    public DateOnly? DateFor(RuleInputs inputs) => DefaultDate(inputs);

    /// <summary>Parses name=value pairs and evaluates; the date is the given one, else the rule's own, else <paramref name="fallbackDate"/>.</summary>
    public RuleResult Evaluate(IEnumerable<KeyValuePair<string, string>> values, Plans.Plan plan, DateOnly? date, DateOnly fallbackDate,
        IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode>? overrides = null)
    {
        var inputs = RuleInputParser.Parse(this, values);
        return Evaluate(inputs, new RuleContext(plan, date ?? DefaultDate(inputs) ?? fallbackDate, overrides));
    }
}
