namespace RdInvest.Assessment;

/// <summary>
/// The JSON of `rdinvest assess --json` (contract: year, plan, results[division, name, criteria[id, value,
/// points, max_points, source, flag], total, rank, grade]; extra keys may be added, none renamed).
/// </summary>
public static class AssessView
{
    public static object Of(AssessResult r) => new Dictionary<string, object?>
    {
        ["year"] = r.Year,
        ["plan"] = r.Plan,
        ["clause"] = r.Clause,
        ["results"] = r.Results.Select(x => new Dictionary<string, object?>
        {
            ["division"] = x.Division,
            ["name"] = x.Name,
            ["criteria"] = x.Criteria.Select(c => new Dictionary<string, object?>
            {
                ["id"] = c.Id,
                ["title_zh"] = c.TitleZh,
                ["indicator"] = c.Indicator,
                ["method"] = c.Method,
                ["value"] = c.Value,
                ["points"] = c.Points,
                ["max_points"] = c.MaxPoints,
                ["source"] = c.Source,
                ["flag"] = c.Flag,
                ["reason"] = c.Reason,
            }).ToList(),
            ["total"] = x.Total,
            ["rank"] = x.Rank,
            ["grade"] = x.Grade,
            ["grade_en"] = x.GradeEn,
            // Reporting quality (indicators issue) is shown beside the score, not scored: the reporting rate, and the
            // shares of the league/city's imported rows with errors and with warnings (percent, null without imports).
            ["reporting_quality"] = x.ReportingQuality,
            ["import_error_rate"] = x.ImportErrorRate,
            ["import_warning_rate"] = x.ImportWarningRate,
        }).ToList(),
    };
}
