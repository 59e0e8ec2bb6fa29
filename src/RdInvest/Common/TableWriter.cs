using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace RdInvest.Common;

/// <summary>
/// Writes tables to .csv (UTF-8 with BOM, so Excel in China opens it right) or .xlsx, chosen by extension.
/// Text cells that a spreadsheet would run as a formula (= + - @, tab, CR) are neutralised with a leading
/// apostrophe; numbers stay numbers.
/// </summary>
public static class TableWriter
{
    public static void Write(string path, IEnumerable<IReadOnlyDictionary<string, object?>> rows, string sheetName = "Sheet1")
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        var safe = rows.Select(r => (IDictionary<string, object?>)r.ToDictionary(kv => kv.Key, kv => Neutralise(kv.Value)));
        switch (ext)
        {
            case ".xlsx":
                MiniExcel.SaveAs(path, safe, sheetName: sheetName, overwriteFile: true);
                break;
            case ".csv":
                WriteCsv(path, safe);
                break;
            default:
                throw new UserError($"不支持的文件类型 {ext}（应为 .csv 或 .xlsx）", $"unsupported file type {ext} (use .csv or .xlsx)", 2);
        }
    }

    /// <summary>Several sheets in one workbook.</summary>
    public static void WriteSheets(string path, IReadOnlyList<(string Sheet, IEnumerable<IReadOnlyDictionary<string, object?>> Rows)> sheets)
    {
        var data = new Dictionary<string, object>();
        foreach (var (sheet, rows) in sheets)
        {
            data[sheet] = rows.Select(r => (IDictionary<string, object?>)r.ToDictionary(kv => kv.Key, kv => Neutralise(kv.Value))).ToList();
        }
        MiniExcel.SaveAs(path, data, overwriteFile: true);
    }

    public static object? Neutralise(object? value) =>
        value is string s && s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + s : value;

    private static void WriteCsv(string path, IEnumerable<IDictionary<string, object?>> rows)
    {
        // Values are formatted invariantly first so that no ambient culture reaches the file.
        var text = rows.Select(r => (IDictionary<string, object?>)r.ToDictionary(kv => kv.Key, kv => (object?)Format(kv.Value)));
        var config = new MiniExcelLibs.Csv.CsvConfiguration { StreamWriterFunc = s => new StreamWriter(s, new UTF8Encoding(true)) };
        MiniExcel.SaveAs(path, text, excelType: ExcelType.CSV, configuration: config, overwriteFile: true);
    }

    private static string Format(object? v) => v switch
    {
        null => "",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };
}
