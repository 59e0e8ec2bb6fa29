using System.Globalization;
using System.Text;
using MiniExcelLibs;
using RdInvest.Common;
using Sylvan.Data.Csv;

namespace RdInvest.Importing;

/// <summary>A row of cell texts with its number as Excel shows it (1-based).</summary>
public readonly record struct SourceRow(int Number, string?[] Cells)
{
    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// Streams the rows of a CSV (Sylvan) or XLSX (MiniExcel) file as text, one row at a time, so memory does
/// not grow with the file. Encoding: a BOM wins, then <c>--encoding</c>, then UTF-8 if the bytes are valid
/// UTF-8, otherwise GB18030 (a superset of GBK and GB2312, what Excel in China writes).
/// </summary>
public static class TableReader
{
    static TableReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static bool IsExcel(string path) =>
        Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<SourceRow> Read(string path, string? encoding = null, string? sheet = null) =>
        IsExcel(path) ? ReadXlsx(path, sheet) : ReadCsv(path, encoding);

    public static Encoding ResolveEncoding(string? name)
    {
        var n = name?.Trim().ToLowerInvariant();
        try
        {
            return n switch
            {
                null or "" => throw new ArgumentException("no encoding"),
                "utf-8" or "utf8" or "utf-8-bom" => new UTF8Encoding(false),
                "gbk" or "gb2312" or "gb18030" or "cp936" => Encoding.GetEncoding("GB18030"),
                _ => Encoding.GetEncoding(n),
            };
        }
        catch (ArgumentException)
        {
            throw new UserError($"不支持的编码“{name}”（可用 utf-8、gb18030、gbk）",
                $"unsupported encoding '{name}' (use utf-8, gb18030 or gbk)", 2);
        }
    }

    /// <summary>The file's encoding when none is given: UTF-8 if every byte sequence is valid UTF-8, else GB18030.</summary>
    public static Encoding DetectEncoding(string path)
    {
        using var stream = File.OpenRead(path);
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[1 << 16];
        var chars = new char[bytes.Length + 4];
        int n;
        try
        {
            while ((n = stream.Read(bytes, 0, bytes.Length)) > 0)
            {
                strict.GetChars(bytes, 0, n, chars, 0, flush: false);
            }
            strict.GetChars(bytes, 0, 0, chars, 0, flush: true);
            return new UTF8Encoding(false);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030");
        }
    }

    private static IEnumerable<SourceRow> ReadCsv(string path, string? encodingName)
    {
        var encoding = string.IsNullOrWhiteSpace(encodingName) ? DetectEncoding(path) : ResolveEncoding(encodingName);
        // detectEncodingFromByteOrderMarks: a UTF-8 (or UTF-16) BOM overrides the guess and is not read as text.
        using var text = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        using var csv = Guard(0, () => CsvDataReader.Create(text, new CsvDataReaderOptions
        {
            HasHeaders = false,
            // Title rows above the header defeat delimiter detection; Excel in China writes commas.
            Delimiter = ',',
            // Sylvan skips lines starting with '#' by default; in a statistics file that is data (or a title row).
            Comment = '\0',
            BufferSize = 1 << 20,
            MaxBufferSize = MaxRecordChars,
        }));
        var last = 0;
        while (Guard(last, csv.Read))
        {
            var cells = new string?[csv.RowFieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = csv.GetString(i);
            }
            last = csv.RowNumber;
            yield return new SourceRow(csv.RowNumber, cells);
        }
    }

    /// <summary>The most characters one CSV row may hold (a cell longer than this cannot be a statistic).</summary>
    public const int MaxRecordChars = 1 << 20;

    /// <summary>
    /// Runs a step of the CSV reader, turning its format errors (a row beyond <see cref="MaxRecordChars"/>, a quote
    /// left open) into a message naming the row and column instead of the library's advice about buffer sizes.
    /// </summary>
    private static T Guard<T>(int lastRow, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (CsvRecordTooLargeException e)
        {
            var (row, column) = Where(e, lastRow);
            var max = MaxRecordChars.ToString(CultureInfo.InvariantCulture);
            throw new UserError($"第 {row} 行第 {column} 列：单元格过长（一行最多 {max} 个字符）",
                $"cell too long at row {row}, column {column} (a row holds at most {max} characters)");
        }
        catch (CsvFormatException e)
        {
            var (row, column) = Where(e, lastRow);
            throw new UserError($"第 {row} 行第 {column} 列：CSV 格式错误（引号未闭合？）", $"row {row}, column {column}: malformed CSV (an unclosed quote?)");
        }
    }

    private static (string Row, string Column) Where(CsvFormatException e, int lastRow) =>
        ((e.RowNumber > 0 ? e.RowNumber : lastRow + 1).ToString(CultureInfo.InvariantCulture),
         (e.FieldOrdinal >= 0 ? e.FieldOrdinal + 1 : 1).ToString(CultureInfo.InvariantCulture));

    private static IEnumerable<SourceRow> ReadXlsx(string path, string? sheet)
    {
        var name = Path.GetFileName(path);
        IEnumerable<dynamic> rows;
        try
        {
            XlsxGuard.Check(path);
            rows = MiniExcel.Query(path, useHeaderRow: false, sheetName: string.IsNullOrWhiteSpace(sheet) ? null : sheet);
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            throw new UserError($"无法读取 Excel 文件 {name}：{e.Message}", $"cannot read the Excel file {name}: {e.Message}");
        }
        var number = 0;
        using var enumerator = rows.GetEnumerator();
        while (true)
        {
            IDictionary<string, object?> row;
            try
            {
                if (!enumerator.MoveNext())
                {
                    yield break;
                }
                row = (IDictionary<string, object?>)enumerator.Current;
            }
            catch (Exception e) when (IsUnreadable(e))
            {
                var at = (number + 1).ToString(CultureInfo.InvariantCulture);
                throw new UserError($"无法读取 Excel 文件 {name}（第 {at} 行附近）：{e.Message}", $"cannot read the Excel file {name} (near row {at}): {e.Message}");
            }
            number++;
            var width = 0;
            foreach (var key in row.Keys)
            {
                width = Math.Max(width, ColumnIndex(key) + 1);
            }
            var cells = new string?[width];
            foreach (var (key, value) in row)
            {
                cells[ColumnIndex(key)] = CellToText(value);
            }
            yield return new SourceRow(number, cells);
        }
    }

    /// <summary>
    /// Whatever the XLSX reader throws on a file it cannot read — a broken zip, malformed or deeply nested XML,
    /// characters XML forbids, parts that are not what their names say — is the file's fault and becomes a clear error;
    /// only cancellation, running out of memory and errors already explained pass through.
    /// </summary>
    private static bool IsUnreadable(Exception e) => e is not (OperationCanceledException or OutOfMemoryException or UserError);

    /// <summary>"A" → 0, "AB" → 27.</summary>
    internal static int ColumnIndex(string letters)
    {
        var n = 0;
        foreach (var c in letters)
        {
            n = (n * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return n - 1;
    }

    /// <summary>
    /// XLSX numbers are IEEE doubles in the file itself; "R" gives back the shortest text that is that
    /// double, i.e. what Excel shows, and the money is then parsed from text as decimal, never via double.
    /// </summary>
    internal static string? CellToText(object? value) => value switch
    {
        null => null,
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime dt => dt.TimeOfDay == TimeSpan.Zero
            ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
