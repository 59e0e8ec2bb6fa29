using System.Text.Json.Nodes;

namespace RdInvest.Plans;

/// <summary>The JSON shape of `rdinvest plan show --json` and the API: snake_case keys, values as given in the file.</summary>
public static class PlanView
{
    public static object From(Plan p) => new
    {
        id = p.Id,
        title_zh = p.TitleZh,
        title_en = p.TitleEn,
        document_number = p.DocumentNumber,
        issued = p.Issued,
        period_start = p.PeriodStart,
        period_end = p.PeriodEnd,
        base_year = p.BaseYear,
        end_year = p.EndYear,
        targets = p.Targets.Select(t => new
        {
            id = t.Id,
            clause = t.Clause,
            title_zh = t.TitleZh,
            title_en = t.TitleEn,
            indicator = t.Indicator,
            scope = t.Scope,
            kind = t.Kind,
            value = t.Value,
            unit = t.Unit,
            basis = t.Basis,
            fallback_indicator = t.FallbackIndicator,
            values_by_category = t.ValuesByCategory,
            values_by_division = t.ValuesByDivision,
        }),
        assessment = p.Assessment is { } a ? new
        {
            clause = a.Clause,
            criteria = a.Criteria.Select(c => new
            {
                id = c.Id,
                title_zh = c.TitleZh,
                title_en = c.TitleEn,
                clause = c.Clause,
                indicator = c.Indicator,
                method = c.Method,
                max_points = c.MaxPoints,
                target = c.Target,
                threshold = c.Threshold,
            }),
            grades = a.Grades.Select(g => new { min = g.Min, grade_zh = g.GradeZh, grade_en = g.GradeEn }),
        } : null,
        park_index = p.ParkIndex is { } k ? new
        {
            clause = k.Clause,
            normalisation = k.Normalisation,
            weights = k.Weights,
            sensitivity_shift = k.SensitivityShift,
        } : null,
        parameters = p.Parameters.Values.OrderBy(x => x.Name, StringComparer.Ordinal).Select(x => new
        {
            name = x.Name,
            unit = x.Unit,
            description_zh = x.DescriptionZh,
            description_en = x.DescriptionEn,
            values = x.Values.Select(v => new
            {
                effective_from = v.EffectiveFrom,
                value = (JsonNode?)v.Value.DeepClone(),
                clause = v.Clause,
                @default = v.IsDefault,
            }),
        }),
    };
}
