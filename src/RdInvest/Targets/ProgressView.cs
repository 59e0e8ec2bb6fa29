namespace RdInvest.Targets;

/// <summary>The stable JSON shape of `rdinvest progress --json` (contract keys, plus title, unit and target_end_value).</summary>
public static class ProgressView
{
    public static object Of(ProgressResult r) => new Dictionary<string, object?>
    {
        ["plan"] = r.Plan,
        ["year"] = r.Year,
        ["division"] = r.Division,
        ["division_name"] = r.DivisionName,
        ["targets"] = r.Targets.Select(t => new Dictionary<string, object?>
        {
            ["id"] = t.Id,
            ["clause"] = t.Clause,
            ["title_zh"] = t.TitleZh,
            ["indicator"] = t.Indicator,
            ["kind"] = t.Kind,
            ["unit"] = t.Unit,
            ["base_year"] = t.BaseYear,
            ["base_value"] = t.BaseValue,
            ["target_value"] = t.TargetValue,
            ["target_end_value"] = t.TargetEndValue,
            ["actual"] = t.Actual,
            ["expected"] = t.Expected,
            ["realised_cagr"] = t.RealisedCagr,
            ["required_growth"] = t.RequiredGrowth,
            ["progress_ratio"] = t.ProgressRatio,
            ["status"] = t.Status,
            ["status_zh"] = TargetStatus.Zh(t.Status),
            ["reason"] = t.Reason,
        }).ToList(),
    };
}
