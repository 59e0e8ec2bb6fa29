using System.Data;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using MiniExcelLibs;
using RdInvest.Common;
using RdInvest.Exporting;
using Sylvan.Data.Csv;

namespace RdInvest.Policy;

/// <summary>
/// Batch files for <see cref="RuleBatch"/>: reads CSV (UTF-8, Sylvan) or XLSX (first sheet, MiniExcel) with a header
/// row, and writes results to XLSX, CSV or JSON. File handling sits here, at the edge; the rules stay pure.
/// </summary>
public static class RuleBatchFiles
{
    public const string TotalLabel = "合计 / total";

    /// <summary>Reads a batch file from disk (the CLI); see <see cref="Read(Stream, string)"/>.</summary>
    public static (IReadOnlyList<string> Header, IEnumerable<BatchRow> Rows) Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new UserError($"找不到文件 {path}", $"file not found: {path}", exitCode: 2);
        }
        var bytes = File.ReadAllBytes(path);
        return Read(new MemoryStream(bytes, writable: false), path);
    }

    /// <summary>
    /// Reads a batch from a seekable stream; <paramref name="fileName"/> gives the type (.csv or .xlsx). The header is
    /// read at once; the rows are read each time they are enumerated, from the start of the stream, so a large batch
    /// can be checked in one pass and streamed in a second without being held. Unreadable content is a user error.
    /// </summary>
    public static (IReadOnlyList<string> Header, IEnumerable<BatchRow> Rows) Read(Stream stream, string fileName)
    {
        if (!stream.CanSeek)
        {
            throw new ArgumentException("a batch stream must be seekable", nameof(stream));
        }
        var ext = Path.GetExtension(fileName).ToUpperInvariant();
        if (ext is not (".CSV" or ".XLSX"))
        {
            throw new UserError($"不支持的文件类型 {RuleBounds.Cut(Path.GetExtension(fileName))}（应为 .csv 或 .xlsx）",
                $"unsupported file type {RuleBounds.Cut(Path.GetExtension(fileName))} (use .csv or .xlsx)", exitCode: 2);
        }
        if (ext == ".XLSX")
        {
            GuardXlsx(stream);
        }
        IReadOnlyList<string> header = [];
        foreach (var (h, _) in ext == ".CSV" ? ReadCsv(stream) : ReadXlsx(stream))
        {
            header = h;
            break;
        }
        IEnumerable<BatchRow> Rows()
        {
            foreach (var (_, row) in ext == ".CSV" ? ReadCsv(stream) : ReadXlsx(stream))
            {
                if (row is not null)
                {
                    yield return row;
                }
            }
        }
        return (header, Rows());
    }

    /// <summary>The header first (with a null row), then every row.</summary>
    private static IEnumerable<(IReadOnlyList<string> Header, BatchRow? Row)> ReadCsv(Stream stream)
    {
        stream.Position = 0;
        using var text = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        using var csv = Unreadable(() => CsvDataReader.Create(text, new CsvDataReaderOptions { Comment = '\0' }), 1);
        var header = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim()).ToList();
        yield return (header, null);
        var n = 1;
        while (Unreadable(csv.Read, n + 1))
        {
            n++;
            var cells = new KeyValuePair<string, string>[header.Count];
            for (var i = 0; i < header.Count; i++)
            {
                cells[i] = KeyValuePair.Create(header[i], i < csv.RowFieldCount ? csv.GetString(i) : "");
            }
            yield return (header, new BatchRow(n, cells));
        }
    }

    private static IEnumerable<(IReadOnlyList<string> Header, BatchRow? Row)> ReadXlsx(Stream stream)
    {
        stream.Position = 0;
        var rows = Unreadable(() => MiniExcel.Query(stream, useHeaderRow: true, excelType: ExcelType.XLSX), 1);
        using var e = rows.GetEnumerator();
        IReadOnlyList<string>? header = null;
        var n = 1;
        while (Unreadable(e.MoveNext, n + 1))
        {
            var r = (IDictionary<string, object?>)e.Current;
            if (header is null)
            {
                header = r.Keys.Select(k => k.Trim()).ToList();
                yield return (header, null);
            }
            n++;
            yield return (header, new BatchRow(n, r.Select(kv => KeyValuePair.Create(kv.Key.Trim(), CellText(kv.Value))).ToList()));
        }
        if (header is null)
        {
            yield return ([], null);
        }
    }

    /// <summary>Whatever a reader throws on content it cannot read (random bytes, a huge cell) says which row, never a stack trace.</summary>
    private static T Unreadable<T>(Func<T> read, int row)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not (UserError or OperationCanceledException or OutOfMemoryException))
        {
            throw new UserError($"无法读取文件第 {row.ToString(CultureInfo.InvariantCulture)} 行：文件损坏或不是 CSV/XLSX（单元格过长、格式错误）",
                $"cannot read row {row.ToString(CultureInfo.InvariantCulture)} of the file: it is damaged or not a CSV/XLSX (a cell too long, bad format)");
        }
    }

    /// <summary>The import's zip-bomb limits, checked on the upload itself: an uploaded workbook may be a zip bomb.</summary>
    private static void GuardXlsx(Stream stream)
    {
        stream.Position = 0;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            long total = 0;
            if (zip.Entries.Count > Importing.XlsxGuard.MaxEntries)
            {
                throw new UserError($"文件包含 {zip.Entries.Count.ToString(CultureInfo.InvariantCulture)} 个部件，超过上限", $"the file has {zip.Entries.Count.ToString(CultureInfo.InvariantCulture)} parts, too many");
            }
            foreach (var entry in zip.Entries)
            {
                total = checked(total + entry.Length);
                if (total > Importing.XlsxGuard.MaxUncompressedBytes
                    || entry.Length > 1024 * 1024 && entry.CompressedLength > 0 && entry.Length / entry.CompressedLength > Importing.XlsxGuard.MaxRatio)
                {
                    throw new UserError("文件解压后过大或压缩比异常，拒绝读取", "the file expands too much or has an abnormal compression ratio; refused");
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or OverflowException)
        {
            throw new UserError("文件不是有效的 .xlsx 文件", "the file is not a valid .xlsx file");
        }
    }

    /// <summary>XLSX stores numbers as IEEE doubles; 15 significant digits is what Excel itself shows and keeps.</summary>
    private static string CellText(object? value) => value switch
    {
        null => "",
        double d => d.ToString("G15", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static void Write(string path, BatchRun run)
    {
        switch (Path.GetExtension(path).ToUpperInvariant())
        {
            case ".CSV":
                {
                    using var writer = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
                    using var csv = CsvDataWriter.Create(writer, new CsvDataWriterOptions { Culture = CultureInfo.InvariantCulture });
                    using var table = ToTable(run);
                    using var reader = CellSafety.NeutraliseText(table).CreateDataReader();
                    csv.Write(reader);
                    break;
                }
            case ".XLSX":
                {
                    using var table = ToTable(run);
                    using var summary = Summary(run);
                    var sheets = new Dictionary<string, object> { ["结果 results"] = CellSafety.NeutraliseText(table), ["汇总 summary"] = CellSafety.NeutraliseText(summary) };
                    MiniExcel.SaveAs(path, sheets, overwriteFile: true);
                    break;
                }
            case ".JSON":
                {
                    using var file = File.Create(path);
                    RuleBatchJson.WriteAsync(file, run, run.Cases, indented: true, CancellationToken.None).GetAwaiter().GetResult();
                    break;
                }
            default:
                throw new UserError($"不支持的输出类型 {path}（应为 .xlsx、.csv 或 .json）", $"unsupported output type {path} (.xlsx, .csv or .json)", exitCode: 2);
        }
    }

    /// <summary>One row per case: carried and input cells, date, amount, outputs, what-if, explanation; then a total row.</summary>
    public static DataTable ToTable(BatchRun run)
    {
        var table = NewTable(CellColumns(run.Cases), OutputColumns(run.Cases), run.Overrides is not null);
        foreach (var c in run.Cases)
        {
            AddCase(table, c);
        }
        AddTotal(table, run, run.Cases.Count);
        return table;
    }

    /// <summary>The cell columns of a batch's cases (date apart), in the order first seen.</summary>
    public static List<string> CellColumns(IEnumerable<BatchCase> cases) =>
        cases.SelectMany(c => c.Cells.Select(kv => kv.Key)).Where(k => k != RuleBatch.DateColumn).Distinct().ToList();

    /// <summary>The output columns of a batch's cases, in the order first seen.</summary>
    public static List<string> OutputColumns(IEnumerable<BatchCase> cases) => cases.SelectMany(c => c.Result.Outputs.Keys).Distinct().ToList();

    /// <summary>
    /// Writes the CSV of <see cref="ToTable"/> as the cases come, a block at a time, so a batch of millions of cases
    /// (each with its explanation) never sits in memory. The columns are known beforehand (counted while checking).
    /// </summary>
    public static void WriteCsvStreaming(string path, BatchRun summary, IEnumerable<BatchCase> cases,
        IReadOnlyList<string> cellColumns, IReadOnlyList<string> outputColumns)
    {
        const int Block = 1_000;
        using var writer = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16);
        using var table = NewTable(cellColumns, outputColumns, summary.Overrides is not null);
        var header = true;
        var count = 0;
        void Flush()
        {
            var csv = CsvDataWriter.Create(new KeepOpenWriter(writer), new CsvDataWriterOptions { Culture = CultureInfo.InvariantCulture, WriteHeaders = header });
            using (csv)
            using (var reader = CellSafety.NeutraliseText(table).CreateDataReader())
            {
                csv.Write(reader);
            }
            table.Rows.Clear();
            header = false;
        }
        foreach (var c in cases)
        {
            AddCase(table, c);
            count++;
            if (table.Rows.Count == Block)
            {
                Flush();
            }
        }
        AddTotal(table, summary, count);
        Flush();
    }

    private static DataTable NewTable(IReadOnlyList<string> cellColumns, IReadOnlyList<string> outputs, bool whatIf)
    {
        var table = new DataTable("results") { Locale = CultureInfo.InvariantCulture };
        table.Columns.Add("row", typeof(string));
        foreach (var c in cellColumns)
        {
            table.Columns.Add(c, typeof(string));
        }
        table.Columns.Add(RuleBatch.DateColumn, typeof(string));
        table.Columns.Add("amount", typeof(decimal));
        foreach (var o in outputs)
        {
            table.Columns.Add(o, typeof(decimal));
        }
        if (whatIf)
        {
            table.Columns.Add("amount_whatif", typeof(decimal));
            table.Columns.Add("difference", typeof(decimal));
        }
        table.Columns.Add("explanation", typeof(string));
        table.Columns.Add("explanation_en", typeof(string));
        return table;
    }

    private static void AddCase(DataTable table, BatchCase c)
    {
        var row = table.NewRow();
        row["row"] = c.RowNumber.ToString(CultureInfo.InvariantCulture);
        foreach (var (k, v) in c.Cells)
        {
            if (k != RuleBatch.DateColumn)
            {
                row[k] = CellSafety.Neutralise(v);
            }
        }
        row[RuleBatch.DateColumn] = RuleFormat.Date(c.Result.Date);
        row["amount"] = c.Result.Amount;
        foreach (var (k, v) in c.Result.Outputs)
        {
            row[k] = v;
        }
        if (c.WhatIf is { } w)
        {
            row["amount_whatif"] = w.Amount;
            row["difference"] = w.Amount - c.Result.Amount;
        }
        row["explanation"] = CellSafety.Neutralise(c.Result.ExplanationZh());
        row["explanation_en"] = CellSafety.Neutralise(c.Result.ExplanationEn());
        table.Rows.Add(row);
    }

    private static void AddTotal(DataTable table, BatchRun run, int cases)
    {
        var total = table.NewRow();
        total["row"] = TotalLabel;
        total["amount"] = run.Total;
        if (run.Overrides is not null)
        {
            total["amount_whatif"] = run.WhatIfTotal!.Value;
            total["difference"] = run.Difference!.Value;
        }
        total["explanation"] = $"{cases.ToString(CultureInfo.InvariantCulture)} 个案例，合计 {RuleFormat.Money(run.Total)} 元";
        total["explanation_en"] = $"{cases.ToString(CultureInfo.InvariantCulture)} cases, total {RuleFormat.Money(run.Total)} yuan";
        table.Rows.Add(total);
    }

    private static DataTable Summary(BatchRun run)
    {
        var t = new DataTable("summary") { Locale = CultureInfo.InvariantCulture };
        t.Columns.Add("item", typeof(string));
        t.Columns.Add("value", typeof(string));
        void Add(string k, string v) => t.Rows.Add(k, v);
        Add("规则 rule", $"{run.Rule.Id} {run.Rule.Slug} {run.Rule.TitleZh}（{run.Rule.Clause}）");
        Add("案例数 cases", run.Cases.Count.ToString(CultureInfo.InvariantCulture));
        Add("方案参数下合计 total under the plan's parameters", RuleFormat.Money(run.Total));
        if (run.Overrides is not null)
        {
            Add("调整参数 changed parameters", string.Join("; ", run.Overrides.Select(o => $"{o.Key}={o.Value.ToJsonString()}")));
            Add("调整后合计 total under the changed parameters", RuleFormat.Money(run.WhatIfTotal!.Value));
            Add("差额 difference", RuleFormat.Money(run.Difference!.Value));
        }
        return t;
    }
}
