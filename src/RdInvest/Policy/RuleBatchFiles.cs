using System.Data;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using MiniExcelLibs;
using RdInvest.Common;
using Sylvan.Data.Csv;

namespace RdInvest.Policy;

/// <summary>
/// Batch files for <see cref="RuleBatch"/>: reads CSV (UTF-8, Sylvan) or XLSX (first sheet, MiniExcel) with a header
/// row, and writes results to XLSX, CSV or JSON. File handling sits here, at the edge; the rules stay pure.
/// </summary>
public static class RuleBatchFiles
{
    public const string TotalLabel = "合计 / total";

    public static (IReadOnlyList<string> Header, IEnumerable<BatchRow> Rows) Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new UserError($"找不到文件 {path}", $"file not found: {path}", exitCode: 2);
        }
        return Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".CSV" => ReadCsv(path),
            ".XLSX" => ReadXlsx(path),
            _ => throw new UserError($"不支持的文件类型 {path}（应为 .csv 或 .xlsx）", $"unsupported file type {path} (.csv or .xlsx)", exitCode: 2),
        };
    }

    private static (IReadOnlyList<string>, IEnumerable<BatchRow>) ReadCsv(string path)
    {
        using var csv = CsvDataReader.Create(path);
        var header = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim()).ToList();
        // Materialised so the file is closed before the rules run; 100,000 rows are a few megabytes.
        var rows = new List<BatchRow>();
        var n = 1;
        while (csv.Read())
        {
            n++;
            var cells = new KeyValuePair<string, string>[header.Count];
            for (var i = 0; i < header.Count; i++)
            {
                cells[i] = KeyValuePair.Create(header[i], i < csv.RowFieldCount ? csv.GetString(i) : "");
            }
            rows.Add(new BatchRow(n, cells));
        }
        return (header, rows);
    }

    private static (IReadOnlyList<string>, IEnumerable<BatchRow>) ReadXlsx(string path)
    {
        // The same guard as imports: an uploaded workbook may be a zip bomb.
        Importing.XlsxGuard.Check(path);
        var rows = new List<BatchRow>();
        List<string>? header = null;
        var n = 1;
        foreach (IDictionary<string, object?> r in MiniExcel.Query(path, useHeaderRow: true))
        {
            header ??= r.Keys.Select(k => k.Trim()).ToList();
            n++;
            rows.Add(new BatchRow(n, r.Select(kv => KeyValuePair.Create(kv.Key.Trim(), CellText(kv.Value))).ToList()));
        }
        return (header ?? [], rows);
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
                    using var reader = table.CreateDataReader();
                    csv.Write(reader);
                    break;
                }
            case ".XLSX":
                {
                    using var table = ToTable(run);
                    using var summary = Summary(run);
                    var sheets = new Dictionary<string, object> { ["结果 results"] = table, ["汇总 summary"] = summary };
                    MiniExcel.SaveAs(path, sheets, overwriteFile: true);
                    break;
                }
            case ".JSON":
                File.WriteAllText(path, JsonSerializer.Serialize(ToJson(run), JsonOptions), new UTF8Encoding(false));
                break;
            default:
                throw new UserError($"不支持的输出类型 {path}（应为 .xlsx、.csv 或 .json）", $"unsupported output type {path} (.xlsx, .csv or .json)", exitCode: 2);
        }
    }

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static object ToJson(BatchRun run) => new
    {
        rule = run.Rule.Id,
        slug = run.Rule.Slug,
        cases = run.Cases.Count,
        total = run.Total,
        whatif_total = run.WhatIfTotal,
        difference = run.Difference,
        overrides = run.Overrides,
        results = run.Cases.Select(c => new
        {
            row = c.RowNumber,
            cells = c.Cells.ToDictionary(kv => kv.Key, kv => kv.Value),
            result = c.Result,
            whatif = c.WhatIf,
        }),
        errors = run.Errors,
    };

    /// <summary>One row per case: carried and input cells, date, amount, outputs, what-if, explanation; then a total row.</summary>
    public static DataTable ToTable(BatchRun run)
    {
        var table = new DataTable("results") { Locale = CultureInfo.InvariantCulture };
        table.Columns.Add("row", typeof(string));
        var cellColumns = run.Cases.SelectMany(c => c.Cells.Select(kv => kv.Key)).Where(k => k != RuleBatch.DateColumn).Distinct().ToList();
        foreach (var c in cellColumns)
        {
            table.Columns.Add(c, typeof(string));
        }
        table.Columns.Add(RuleBatch.DateColumn, typeof(string));
        table.Columns.Add("amount", typeof(decimal));
        var outputs = run.Cases.SelectMany(c => c.Result.Outputs.Keys).Distinct().ToList();
        foreach (var o in outputs)
        {
            table.Columns.Add(o, typeof(decimal));
        }
        var whatIf = run.Overrides is not null;
        if (whatIf)
        {
            table.Columns.Add("amount_whatif", typeof(decimal));
            table.Columns.Add("difference", typeof(decimal));
        }
        table.Columns.Add("explanation", typeof(string));
        table.Columns.Add("explanation_en", typeof(string));

        foreach (var c in run.Cases)
        {
            var row = table.NewRow();
            row["row"] = c.RowNumber.ToString(CultureInfo.InvariantCulture);
            foreach (var (k, v) in c.Cells)
            {
                if (k != RuleBatch.DateColumn)
                {
                    row[k] = Neutralise(v);
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
            row["explanation"] = Neutralise(c.Result.ExplanationZh());
            row["explanation_en"] = Neutralise(c.Result.ExplanationEn());
            table.Rows.Add(row);
        }
        var total = table.NewRow();
        total["row"] = TotalLabel;
        total["amount"] = run.Total;
        if (whatIf)
        {
            total["amount_whatif"] = run.WhatIfTotal!.Value;
            total["difference"] = run.Difference!.Value;
        }
        total["explanation"] = $"{run.Cases.Count.ToString(CultureInfo.InvariantCulture)} 个案例，合计 {RuleFormat.Money(run.Total)} 元";
        total["explanation_en"] = $"{run.Cases.Count.ToString(CultureInfo.InvariantCulture)} cases, total {RuleFormat.Money(run.Total)} yuan";
        table.Rows.Add(total);
        return table;
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

    /// <summary>Spreadsheet formula injection: a text cell starting with = + - @ is prefixed with an apostrophe.</summary>
    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _)
            ? "'" + text
            : text;
}
