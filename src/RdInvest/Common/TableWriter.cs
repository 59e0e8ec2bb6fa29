using MiniExcelLibs;
using RdInvest.Exporting;

namespace RdInvest.Common;

/// <summary>
/// Writes keyed rows (the first row's keys are the header) to .csv or .xlsx through <see cref="TabularFileWriter"/>,
/// and several tables as the sheets of one workbook. Text that a spreadsheet would run as a formula is neutralised.
/// </summary>
public static class TableWriter
{
    public static void Write(string path, IEnumerable<IReadOnlyDictionary<string, object?>> rows)
    {
        using var e = rows.GetEnumerator();
        if (!e.MoveNext())
        {
            TabularFileWriter.Write(path, ["empty"], []);
            return;
        }
        var headers = e.Current.Keys.ToList();
        TabularFileWriter.Write(path, headers, Rest(e, headers));
    }

    private static IEnumerable<object?[]> Rest(IEnumerator<IReadOnlyDictionary<string, object?>> e, IReadOnlyList<string> headers)
    {
        do
        {
            var row = e.Current;
            yield return headers.Select(h => row.TryGetValue(h, out var v) ? v : null).ToArray();
        }
        while (e.MoveNext());
    }

    /// <summary>Several sheets in one workbook.</summary>
    public static void WriteSheets(string path, IReadOnlyList<(string Sheet, IEnumerable<IReadOnlyDictionary<string, object?>> Rows)> sheets)
    {
        var data = new Dictionary<string, object>();
        foreach (var (sheet, rows) in sheets)
        {
            data[sheet] = rows.Select(r => (IDictionary<string, object?>)r.ToDictionary(kv => kv.Key, kv => kv.Value is string s ? CellSafety.Neutralise(s) : kv.Value)).ToList();
        }
        MiniExcel.SaveAs(path, data, overwriteFile: true);
        XlsxNumberFormats.Apply(path);
    }
}
