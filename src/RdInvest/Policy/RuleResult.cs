using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace RdInvest.Policy;

/// <summary>
/// What a rule grants for one case, and why: every step with the clause behind it and every parameter with its
/// value, effective date and clause (OpenFisca's trace, Catala's article anchors). The JSON keys are the contract
/// of <c>rdinvest calc --json</c> and the API.
/// </summary>
public sealed record RuleResult(
    string Rule,
    string Slug,
    DateOnly Date,
    decimal Amount,
    IReadOnlyDictionary<string, decimal> Outputs,
    IReadOnlyList<RuleStep> Steps,
    IReadOnlyList<RuleParameterUse> Parameters)
{
    /// <summary>The steps' Chinese text joined, for one cell of a batch output.</summary>
    public string ExplanationZh() => string.Join("；", Steps.Select(s => $"{s.TextZh}〔{s.Clause}〕"));

    public string ExplanationEn() => string.Join("; ", Steps.Select(s => $"{s.TextEn} [{s.Clause}]"));
}

/// <summary>
/// One step of an explanation. <see cref="Value"/> is the figure the step produces (null for a pure statement);
/// <see cref="Parameter"/> names the parameter the step applies, so a test can check the step cites its clause.
/// </summary>
public sealed record RuleStep(string TextZh, string TextEn, string Clause, decimal? Value)
{
    [JsonIgnore]
    public string? Parameter { get; init; }
}

/// <summary>A parameter value a result relied on. <see cref="IsDefault"/>: not fixed by the plan, set by the administering department.</summary>
public sealed record RuleParameterUse(
    string Name,
    JsonNode Value,
    DateOnly EffectiveFrom,
    string Clause,
    [property: JsonPropertyName("default")] bool IsDefault);
