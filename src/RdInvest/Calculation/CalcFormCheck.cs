using RdInvest.Common;
using RdInvest.Plans;
using RdInvest.Policy;

namespace RdInvest.Calculation;

/// <summary>
/// Every field error of one case at once, for a form that shows each beside its field: the same parsing and bounds the
/// calculation applies (<see cref="RuleInputParser.ParseValue"/>, <see cref="RuleFormat.ParseDate"/>,
/// <see cref="RuleBatch.ParseOverrides"/> and <see cref="RuleBounds.CheckOverrides"/>), field by field instead of
/// stopping at the first. A what-if parameter's field is named <c>set.NAME</c>; the date's <c>date</c>.
/// </summary>
public static class CalcFormCheck
{
    public const string SetPrefix = "set.";

    public static IReadOnlyList<ValidationFinding> Findings(RuleDefinition rule, CalcRequest request, Plan plan)
    {
        var findings = new List<ValidationFinding>();
        var given = request.Inputs ?? [];
        foreach (var name in given.Keys.Where(k => rule.Input(k) is null))
        {
            findings.Add(new ValidationFinding(name, ValidationFinding.Cut(given[name]), "calc.unknown_input",
                $"规则 {rule.Slug} 没有输入 {name}", $"rule {rule.Slug} has no input {name}"));
        }
        foreach (var spec in rule.Inputs)
        {
            var text = given.TryGetValue(spec.Name, out var g) && !string.IsNullOrWhiteSpace(g) ? g : spec.Default;
            if (text is null)
            {
                if (spec.Required)
                {
                    findings.Add(new ValidationFinding(spec.Name, null, "calc.required",
                        $"请填写{spec.MeaningZh}（{spec.Name}）", $"enter the {spec.MeaningEn} ({spec.Name})"));
                }
                continue;
            }
            Collect(findings, spec.Name, text, "calc.input", () => RuleInputParser.ParseValue(spec, text));
        }
        if (!string.IsNullOrWhiteSpace(request.Date))
        {
            Collect(findings, "date", request.Date, "calc.date", () => RuleFormat.ParseDate(request.Date, "日期", "date"));
        }
        foreach (var (name, value) in request.Set ?? [])
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                Collect(findings, SetPrefix + name, value, "calc.whatif",
                    () => RuleBounds.CheckOverrides(RuleBatch.ParseOverrides(rule, [$"{name}={value.Trim()}"]), plan));
            }
        }
        return findings;
    }

    private static void Collect(List<ValidationFinding> findings, string field, string value, string ruleId, Action check)
    {
        try
        {
            check();
        }
        catch (UserError e)
        {
            findings.Add(new ValidationFinding(field, ValidationFinding.Cut(value), ruleId, e.MessageZh, e.MessageEn));
        }
    }
}
