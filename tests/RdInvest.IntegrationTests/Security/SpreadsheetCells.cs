using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Sylvan.Data.Csv;

namespace RdInvest.IntegrationTests.Security;

/// <summary>
/// Reads back what an export wrote, cell by cell, to judge it against formula injection: an XLSX must hold no formula
/// element at all, and no text cell of an XLSX or CSV may begin with = + - @, tab or CR (nor their full-width forms)
/// unless it is a plain number — the writers put an apostrophe in front of such text.
/// </summary>
internal static class SpreadsheetCells
{
    /// <summary>The text of every cell (header included), or an error naming the formula found.</summary>
    public static IReadOnlyList<string> Read(byte[] bytes, string ext) =>
        ext.Equals(".xlsx", StringComparison.OrdinalIgnoreCase) ? Xlsx(bytes) : Csv(bytes);

    /// <summary>What is wrong with the file: a formula element, or text cells that a spreadsheet would run; null when safe.</summary>
    public static string? Fault(byte[] bytes, string ext)
    {
        if (ext.Equals(".xlsx", StringComparison.OrdinalIgnoreCase) && FormulaCount(bytes) is > 0 and var n)
        {
            return $"{n.ToString(CultureInfo.InvariantCulture)} formula element(s)";
        }
        var bad = Read(bytes, ext).Where(Dangerous).Take(5).ToList();
        return bad.Count == 0 ? null : "cells a spreadsheet would run: " + string.Join(" | ", bad);
    }

    public static bool Dangerous(string cell) =>
        cell.Length > 0 && Exporting.CellSafety.IsDangerousStart(cell[0]) && !Exporting.CellSafety.IsPlainNumber(cell);

    private static int FormulaCount(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes));
        return zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Sum(e =>
            {
                using var s = e.Open();
                return XDocument.Load(s).Descendants().Count(x => x.Name.LocalName == "f");
            });
    }

    private static List<string> Xlsx(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var shared = new List<string>();
        if (zip.GetEntry("xl/sharedStrings.xml") is { } ss)
        {
            using var s = ss.Open();
            shared.AddRange(XDocument.Load(s).Descendants().Where(x => x.Name.LocalName == "si")
                .Select(si => string.Concat(si.Descendants().Where(t => t.Name.LocalName == "t").Select(t => t.Value))));
        }
        var cells = new List<string>();
        foreach (var e in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var s = e.Open();
            foreach (var c in XDocument.Load(s).Descendants().Where(x => x.Name.LocalName == "c"))
            {
                var type = (string?)c.Attribute("t");
                var v = c.Elements().FirstOrDefault(x => x.Name.LocalName == "v")?.Value;
                cells.Add(type switch
                {
                    "s" when int.TryParse(v, CultureInfo.InvariantCulture, out var i) && i < shared.Count => shared[i],
                    "inlineStr" => string.Concat(c.Descendants().Where(t => t.Name.LocalName == "t").Select(t => t.Value)),
                    _ => v ?? "",
                });
            }
        }
        return cells;
    }

    private static List<string> Csv(byte[] bytes)
    {
        var text = new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF');
        using var reader = CsvDataReader.Create(new StringReader(text), new CsvDataReaderOptions { HasHeaders = false });
        var cells = new List<string>();
        while (reader.Read())
        {
            for (var i = 0; i < reader.RowFieldCount; i++)
            {
                cells.Add(reader.GetString(i));
            }
        }
        return cells;
    }
}
