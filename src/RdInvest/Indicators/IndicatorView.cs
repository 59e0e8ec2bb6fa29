using System.Text.Json.Serialization;

namespace RdInvest.Indicators;

/// <summary>
/// One indicator's value: provenance only when computed, units and divisions only when rolled up, the reason (English
/// and Chinese) only when missing — absent keys are left out, not written null.
/// </summary>
public sealed record IndicatorValueView(
    decimal? Value,
    string Unit,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Provenance,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Units,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Divisions,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ReasonZh)
{
    public static IndicatorValueView Of(IndicatorValue v) => new(v.Value, v.Unit, v.Provenance, v.Units, v.Divisions, v.Reason, v.ReasonZh);
}

/// <summary>The stable JSON shape of indicators (CLI --json and API): keys fixed, money in yuan, percent as percent.</summary>
public sealed record IndicatorView(string Division, string Name, int Year, string DataStatus, IReadOnlyDictionary<string, IndicatorValueView> Indicators)
{
    public static IndicatorView Of(DivisionIndicators d, string dataStatus = "final") =>
        new(d.Division, d.NameZh, d.Year, dataStatus, d.Indicators.ToDictionary(kv => kv.Key, kv => IndicatorValueView.Of(kv.Value)));

    /// <summary>Long-format rows for files: one row per division, year and indicator.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, object?>> Rows(IEnumerable<DivisionIndicators> all) =>
        from d in all
        from k in IndicatorCalculator.Keys
        let v = d.Indicators[k.Key]
        select (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["division_code"] = d.Division,
            ["division_name"] = d.NameZh,
            ["level"] = d.Level,
            ["year"] = d.Year,
            ["indicator"] = k.Key,
            ["indicator_zh"] = k.Zh,
            ["value"] = v.Value,
            ["unit"] = v.Unit,
            ["provenance"] = v.Provenance,
            ["units"] = v.Units,
            ["divisions"] = v.Divisions,
            ["reason"] = v.Reason,
        };
}
