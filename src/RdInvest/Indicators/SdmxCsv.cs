using RdInvest.Common;

namespace RdInvest.Indicators;

/// <summary>
/// Indicators as SDMX-CSV 2.0: STRUCTURE, STRUCTURE_ID, ACTION, then the dimensions DIVISION, INDICATOR,
/// TIME_PERIOD, the measure OBS_VALUE and the attributes UNIT_MEASURE, PROVENANCE. Values that cannot be
/// computed are left out (SDMX has no null observation).
/// </summary>
public static class SdmxCsv
{
    public const string StructureId = "RDINVEST:DF_RD_INDICATORS(1.0)";

    public static IEnumerable<IReadOnlyDictionary<string, object?>> Rows(IEnumerable<DivisionIndicators> all) =>
        from d in all
        from k in IndicatorCalculator.Keys
        let v = d.Indicators[k.Key]
        where v.Value is not null
        select (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["STRUCTURE"] = "dataflow",
            ["STRUCTURE_ID"] = StructureId,
            ["ACTION"] = "I",
            ["DIVISION"] = d.Division,
            ["INDICATOR"] = k.Key.ToUpperInvariant(),
            ["TIME_PERIOD"] = d.Year,
            ["OBS_VALUE"] = v.Value,
            ["UNIT_MEASURE"] = v.Unit switch { IndicatorUnits.Yuan => "CNY", IndicatorUnits.Percent => "PT", _ => "NUM" },
            ["PROVENANCE"] = v.Provenance == Provenance.ReportedKind ? "R" : "D",
        };

    public static void Write(string path, IEnumerable<DivisionIndicators> all) => TableWriter.Write(path, Rows(all));
}
