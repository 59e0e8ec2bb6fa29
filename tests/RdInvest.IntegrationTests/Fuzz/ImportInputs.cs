using System.Globalization;
using System.IO.Compression;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using MiniExcelLibs;
using RdInvest.Importing;

namespace RdInvest.IntegrationTests.Fuzz;

/// <summary>One generated import input: the kind it is offered to, the file's extension and bytes, and how it was made.</summary>
public sealed record ImportInput(string Kind, string Extension, byte[] Bytes, string How, bool DryRun);

/// <summary>
/// Generators of hostile import files for every kind, CSV and XLSX: tables built from the kind's own columns with cells
/// drawn from valid examples and from a pool of bad values (out-of-range numbers and dates, formulas, control and
/// bidirectional characters, huge cells), in several encodings; byte-level mutations of those (flips, insertions,
/// deletions, truncation, spliced chunks); random bytes; 10,000 columns; deep and oversized XLSX (zip bombs).
/// </summary>
public static class ImportInputs
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly string[] Nasty =
    [
        "", " ", "　", "-", "0", "-0", "-1", "0.001", "1e309", "NaN", "Infinity", "-Infinity", "1,000,000", "１２３", "1.2.3", "12345678901234567890123",
        "79228162514264337593543950335", "79228162514264337593543950336", "-79228162514264337593543950336", "9e12", "0x10", "1/0",
        "=1+1", "=cmd|' /C calc'!A0", "+SUM(A1)", "@A1", "'=HYPERLINK(\"http://x\")", "<script>alert(1)</script>", "'; DROP TABLE units; --",
        "\0", "\u0001\u0002", "a\u202eb", "\uFEFF", "\uD800", "𝕏𝕐", "\r", "\n", "\"", "\"\"\"", "a,b", "a\"b",
        "2023-02-30", "1899-12-31", "0001-01-01", "9999-12-31", "45000", "-45000", "2023/13/01", "2147483648", "-2147483649",
        "99999", "1999", "2101", "150000", "150102", "999999", "91150105MA0Q1234X0", "true", "是", "否", "yes", "2",
        "enterprise", "research_institute", "C38", "c3811", "Z9", "national", "region",
    ];

    /// <summary>A cell of the column: its valid example or one of its choices, or — in proportion to the noise — a bad value.</summary>
    private static Gen<string> Cell(ImportColumn column, int noise) => Gen.Frequency(new[]
    {
        (8, Gen.Constant(column.Example)),
        (2, column.Choices is { Count: > 0 } c ? Gen.Elements(c.ToArray()) : Gen.Constant(column.Example)),
        (3 * noise, Gen.Elements(Nasty)),
        (noise, Gen.Choose(-1_000_000, 1_000_000_000).Select(n => n.ToString(Inv))),
        (noise, from lo in Gen.Choose(0, int.MaxValue) from mid in Gen.Choose(0, 1000) from neg in Gen.Elements(true, false) from scale in Gen.Choose(0, 6)
            select new decimal(lo, mid, 0, neg, (byte)scale).ToString(Inv)),
        (noise, Gen.Choose(1, 3000).Select(n => new string('研', n))),
        (noise, Gen.ArrayOf(Gen.Choose(0, 0xFFFF).Select(c => (char)c)).Select(cs => new string(cs))),
    }.Where(x => x.Item1 > 0).ToArray());

    private static Gen<string[]> Header(ImportKind kind) =>
        from order in Gen.Shuffle(kind.Columns.ToArray())
        from take in Gen.Frequency((3, Gen.Constant(kind.Columns.Count)), (1, Gen.Choose(Math.Max(1, kind.Columns.Count - 2), kind.Columns.Count)))
        from zh in Gen.Elements(true, false)
        from extra in Gen.Frequency((6, Gen.Constant(Array.Empty<string>())), (1, Gen.Elements(new[] { "unknown" }, new[] { "year" }, new[] { "" }, new[] { "年份" })))
        select order.Take(take).Select(c => zh ? c.LabelZh : c.Key).Concat(extra).ToArray();

    private static Gen<(ImportKind Kind, string[] Header, string[][] Rows)> Table =>
        from kind in Gen.Elements(ImportKinds.All.ToArray())
        from header in Header(kind)
        from count in Gen.Frequency((6, Gen.Choose(0, 8)), (1, Gen.Choose(9, 200)))
        from noise in Gen.Elements(0, 0, 1, 4)
        from rows in Gen.ArrayOf(RowGen(kind, header, noise), count)
        select (kind, header, rows);

    private static Gen<string[]> RowGen(ImportKind kind, string[] header, int noise) =>
        Gen.CollectToArray(header.Select(h => kind.Columns.FirstOrDefault(c => c.Key == h || c.LabelZh == h) is { } col ? Cell(col, noise) : Gen.Elements(Nasty)));

    private static string Csv(string[] header, string[][] rows, bool quoteAll) =>
        string.Join("\r\n", new[] { header }.Concat(rows).Select(r => string.Join(",", r.Select(v =>
            quoteAll || v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v))));

    private static byte[] Encode(string text, int encoding)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        return encoding switch
        {
            1 => [0xEF, 0xBB, 0xBF, .. utf8],
            2 => Encoding.GetEncoding("GB18030").GetBytes(text),
            3 => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray(),
            4 => Encoding.Latin1.GetBytes(text),
            _ => utf8,
        };
    }

    private static byte[] Xlsx(string[] header, string[][] rows, bool numbers)
    {
        var sheet = new List<Dictionary<string, object?>>();
        var names = header.Select((_, i) => "c" + i.ToString(Inv)).ToArray();
        sheet.Add(names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => (object?)header[x.i]));
        foreach (var r in rows)
        {
            sheet.Add(names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => (object?)(numbers && decimal.TryParse(r[x.i], NumberStyles.Float, Inv, out var d) ? d : r[x.i])));
        }
        using var ms = new MemoryStream();
        MiniExcel.SaveAs(ms, sheet, printHeader: false);
        return ms.ToArray();
    }

    private static byte[] Mutate(byte[] bytes, Random random)
    {
        var at = bytes.Length == 0 ? 0 : random.Next(bytes.Length);
        var len = random.Next(1, 65);
        var value = (byte)random.Next(256);
        return random.Next(6) switch
        {
            0 => bytes.Length == 0 ? [value] : [.. bytes[..at], (byte)(bytes[at] ^ (1 << (value % 8))), .. bytes[(at + 1)..]],
            1 => [.. bytes[..at], .. Enumerable.Repeat(value, len), .. bytes[at..]],
            2 => [.. bytes[..at], .. bytes[Math.Min(bytes.Length, at + len)..]],
            3 => bytes[..at],
            4 => [.. bytes[..at], .. bytes[at..Math.Min(bytes.Length, at + len * 16)], .. bytes[at..]],
            _ => [.. bytes[..at], value, .. bytes[Math.Min(bytes.Length, at + 1)..]],
        };
    }

    /// <summary>Every kind of input, weighted so most are well-formed tables with bad cells, the rest broken files. The
    /// extremes (huge cell, 10,000 columns, zip bomb, deep XML, many blank rows) are one input in 49: each is nearly the
    /// same file every time and costs tens of ordinary inputs, so more of them would add time, not cases.</summary>
    public static Gen<ImportInput> Any =>
        from t in Table
        from form in Gen.Frequency((20, Gen.Constant(0)), (12, Gen.Constant(1)), (12, Gen.Constant(2)), (4, Gen.Constant(3)), (1, Gen.Constant(4)))
        from encoding in Gen.Frequency((6, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2)), (1, Gen.Constant(3)), (1, Gen.Constant(4)))
        from quoteAll in Gen.Elements(true, false)
        from mutations in Gen.Choose(1, 4)
        from dry in Gen.Elements(true, false)
        from seed in Gen.Choose(0, int.MaxValue)
        select Build(t.Kind, t.Header, t.Rows, form, encoding, quoteAll, mutations, dry, seed);

    private static ImportInput Build(ImportKind kind, string[] header, string[][] rows, int form, int encoding, bool quoteAll, int mutations, bool dry, int seed)
    {
        var random = new Random(seed);
        switch (form)
        {
            case 0:
                return new(kind.Name, ".csv", Encode(Csv(header, rows, quoteAll), encoding), $"csv table, encoding {encoding}", dry);
            case 1:
                return new(kind.Name, ".xlsx", Xlsx(header, rows, quoteAll), "xlsx table", dry);
            case 2:
                {
                    var xlsx = random.Next(2) == 0;
                    var bytes = xlsx ? Xlsx(header, rows, quoteAll) : Encode(Csv(header, rows, quoteAll), encoding);
                    for (var i = 0; i < mutations; i++)
                    {
                        bytes = Mutate(bytes, random);
                    }
                    return new(kind.Name, xlsx ? ".xlsx" : ".csv", bytes, $"{(xlsx ? "xlsx" : "csv")} table with {mutations} byte mutations", dry);
                }
            case 3:
                {
                    var bytes = new byte[random.Next(0, 4096)];
                    random.NextBytes(bytes);
                    return new(kind.Name, random.Next(2) == 0 ? ".xlsx" : ".csv", bytes, "random bytes", dry);
                }
            default:
                return Extreme(kind, header, random, dry);
        }
    }

    private static ImportInput Extreme(ImportKind kind, string[] header, Random random, bool dry) => random.Next(5) switch
    {
        0 => new(kind.Name, ".csv", Encoding.UTF8.GetBytes(string.Join(",", header) + "\n" + new string('9', random.Next(100_000, 4_000_000)) + "\n"), "one huge cell", dry),
        1 => new(kind.Name, ".csv", Encoding.UTF8.GetBytes(string.Join(",", header.Concat(Enumerable.Range(0, 10_000).Select(i => "x" + i.ToString(Inv)))) + "\n1\n"), "10,000 columns", dry),
        2 => new(kind.Name, ".xlsx", ZipBomb(), "zip bomb (a 1 GiB sheet compressed)", dry),
        3 => new(kind.Name, ".xlsx", DeepXlsx(random), "deeply nested sheet XML", dry),
        _ => new(kind.Name, ".csv", Encoding.UTF8.GetBytes(string.Join(",", header) + "\n" + string.Concat(Enumerable.Repeat(",\n", random.Next(10_000, 200_000)))), "many blank rows", dry),
    };

    private static readonly Lazy<byte[]> s_bomb = new(() =>
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var s = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 1024; i++)
            {
                s.Write(zeros);
            }
        }
        return ms.ToArray();
    });

    private static byte[] ZipBomb() => s_bomb.Value;

    private static byte[] DeepXlsx(Random random)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, body) in new[]
            {
                ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>"),
                ("xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets><sheet name=\"s\" sheetId=\"1\"/></sheets></workbook>"),
                ("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><worksheet>" + string.Concat(Enumerable.Repeat("<a>", random.Next(1000, 100_000))) + "</worksheet>"),
            })
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open());
                w.Write(body);
            }
        }
        return ms.ToArray();
    }
}
