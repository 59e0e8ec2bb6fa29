using System.Globalization;
using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.Csv;
using MiniExcelLibs.OpenXml;

namespace RdInvest.Exporting;

/// <summary>
/// Writes rows to CSV (UTF-8 with BOM, so Excel in China opens it correctly) or XLSX through MiniExcel, streaming.
/// Text cells are neutralised against formula injection; numbers stay numbers.
/// </summary>
public static class TabularFileWriter
{
    public static bool IsExcel(string path) => Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase);

    public static void CheckPath(string path)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is not ".csv" and not ".xlsx")
        {
            throw new Common.UserError($"输出文件须为 .csv 或 .xlsx：{path}", $"the output file must be .csv or .xlsx: {path}", 2);
        }
    }

    /// <summary>Writes the header and rows; values are string, decimal, int, long or null.</summary>
    public static void Write(string path, IReadOnlyList<string> headers, IEnumerable<object?[]> rows)
    {
        CheckPath(path);
        var excel = IsExcel(path);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }
        // Write to a temporary file and move it into place, so a failed export never leaves half a file.
        var temp = path + ".tmp" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        try
        {
            var records = rows.Select(r => ToRecord(headers, r, excel));
            if (excel)
            {
                MiniExcel.SaveAs(temp, records, printHeader: true, excelType: ExcelType.XLSX,
                    configuration: new OpenXmlConfiguration { Culture = CultureInfo.InvariantCulture }, overwriteFile: true);
            }
            else
            {
                MiniExcel.SaveAs(temp, records, printHeader: true, excelType: ExcelType.CSV, overwriteFile: true,
                    configuration: new CsvConfiguration
                    {
                        Culture = CultureInfo.InvariantCulture,
                        NewLine = "\r\n",
                        StreamWriterFunc = s => new StreamWriter(s, new UTF8Encoding(true)),
                    });
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static Dictionary<string, object?> ToRecord(IReadOnlyList<string> headers, object?[] row, bool excel)
    {
        var d = new Dictionary<string, object?>(headers.Count);
        for (var i = 0; i < headers.Count; i++)
        {
            d[headers[i]] = row[i] switch
            {
                null => null,
                string s => CellSafety.Neutralise(s),
                // CSV gets invariant text; XLSX gets real numbers Excel can sum.
                IFormattable f when !excel => f.ToString(null, CultureInfo.InvariantCulture),
                var v => v,
            };
        }
        return d;
    }
}
