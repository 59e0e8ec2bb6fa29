namespace RdInvest.Indicators;

/// <summary>The stable JSON shape of indicators (CLI --json and API): keys fixed, money in yuan, percent as percent.</summary>
public static class IndicatorView
{
    public static object Of(DivisionIndicators d) => new Dictionary<string, object?>
    {
        ["division"] = d.Division,
        ["name"] = d.NameZh,
        ["year"] = d.Year,
        ["indicators"] = d.Indicators.ToDictionary(kv => kv.Key, kv => Value(kv.Value)),
    };

    public static Dictionary<string, object?> Value(IndicatorValue v)
    {
        var o = new Dictionary<string, object?> { ["value"] = v.Value, ["unit"] = v.Unit };
        if (v.Provenance is not null)
        {
            o["provenance"] = v.Provenance;
        }
        if (v.Units is not null)
        {
            o["units"] = v.Units;
            o["divisions"] = v.Divisions;
        }
        if (v.Reason is not null)
        {
            o["reason"] = v.Reason;
            o["reason_zh"] = v.ReasonZh;
        }
        return o;
    }

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
