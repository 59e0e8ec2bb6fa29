using System.Linq.Expressions;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RdInvest.Data;
using RdInvest.Plans;

namespace RdInvest.Platforms;

/// <summary>
/// The leading and featured industries (主导产业、优势特色产业) of clause 二(四)11, which T11 is limited to: GB/T 4754
/// industry-code prefixes listed by the plan file as the dated parameter <see cref="Parameter"/> (a default set by the
/// administering department). A unit belongs to them when its industry code starts with one of the prefixes.
/// </summary>
public static partial class LeadingIndustries
{
    public const string Parameter = "platforms.leading_industries";

    [GeneratedRegex(@"^[A-T](\d{1,4})?$", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixPattern();

    /// <summary>The prefixes in force on 31 December of <paramref name="year"/>; null when the plan has none.</summary>
    public static IReadOnlyList<string>? Of(Plan plan, int year) =>
        plan.Parameters.TryGetValue(Parameter, out var p) && p.At(new DateOnly(year, 12, 31)) is { } v ? Read(v.Value) : null;

    private static List<string> Read(JsonNode node) =>
        node is JsonArray a ? a.Select(x => x?.GetValue<string>() ?? "").ToList() : [];

    /// <summary>Checks every value of the parameter is a list of industry-code prefixes (a section letter and up to four digits).</summary>
    public static void Validate(Plan plan)
    {
        if (!plan.Parameters.TryGetValue(Parameter, out var p))
        {
            return;
        }
        foreach (var v in p.Values)
        {
            var bad = v.Value is not JsonArray a ? v.Value.ToJsonString()
                : a.Select(x => x is JsonValue s && s.TryGetValue<string>(out var t) ? t : x?.ToJsonString() ?? "null")
                    .FirstOrDefault(t => !PrefixPattern().IsMatch(t));
            if (bad is not null)
            {
                throw new PlanException(
                    $"方案 {plan.Id} 参数 {Parameter}（自 {v.EffectiveFrom:yyyy-MM-dd}）应为行业代码前缀列表（如 C26），“{bad}”不是",
                    $"plan {plan.Id}: parameter {Parameter} (from {v.EffectiveFrom:yyyy-MM-dd}) must be a list of industry-code prefixes (e.g. C26); '{bad}' is not");
            }
        }
    }

    public static bool Contains(IReadOnlyList<string> prefixes, string? industryCode) =>
        industryCode is not null && prefixes.Any(p => industryCode.StartsWith(p, StringComparison.Ordinal));

    /// <summary>The same test as a query filter (LIKE 'C26%' OR …); the prefixes are validated, so they hold no wildcard.</summary>
    public static Expression<Func<ReportingUnit, bool>> Filter(IReadOnlyList<string> prefixes)
    {
        var u = Expression.Parameter(typeof(ReportingUnit), "u");
        var code = Expression.Property(u, nameof(ReportingUnit.IndustryCode));
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        Expression body = Expression.Constant(false);
        foreach (var p in prefixes)
        {
            body = Expression.OrElse(body, Expression.AndAlso(
                Expression.NotEqual(code, Expression.Constant(null, typeof(string))),
                Expression.Call(code, startsWith, Expression.Constant(p))));
        }
        return Expression.Lambda<Func<ReportingUnit, bool>>(body, u);
    }
}
