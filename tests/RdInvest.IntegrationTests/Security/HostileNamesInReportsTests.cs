using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Sylvan.Data.Csv;
using Xunit;

namespace RdInvest.IntegrationTests.Security;

/// <summary>
/// Park names carrying script, HTML, SQL and formula payloads, stored through an import, then the annual notification
/// generated (its park ranking lists every park): the payloads come out as literal text in the PDF (read back with
/// pdftotext), HTML-encoded in the HTML the PDF is printed from (no element injected), and as neutralised text in the
/// XLSX of the same report (no formula cell). Needs scripts/setup-report-tools.sh (Chromium, fonts, poppler-utils).
/// </summary>
public sealed partial class HostileNamesInReportsTests
{
    public static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "'; DROP TABLE units;--",
        "=HYPERLINK(\"http://evil.example\",\"x\")",
    ];

    private static async Task<string> Ok(TestDatabase t, params string[] args)
    {
        var r = await CliRunner.RunAsync(t.DbArgument, args);
        Assert.True(r.ExitCode == 0, $"rdinvest {string.Join(' ', args)} → {r.ExitCode}\n{r.Stdout}\n{r.Stderr}");
        return r.Stdout;
    }

    [Fact]
    public async Task HostileParkNames_LiteralInPdf_EncodedInHtml_NoFormulaInXlsx()
    {
        await using var t = await TestDatabase.CreateAsync();
        await t.InitAsync();
        await Ok(t, "demo");
        var dir = Directory.CreateTempSubdirectory("rdinvest-hostile-names-");
        try
        {
            // The demo's first parks renamed through the parks import (id, category and place kept).
            var parks = Path.Combine(dir.FullName, "parks.csv");
            await Ok(t, "export", "parks", "--out", parks);
            var renamed = new StringBuilder("park_id,name,category,division_code\n");
            using (var reader = CsvDataReader.Create(parks))
            {
                for (var i = 0; i < Payloads.Length && reader.Read(); i++)
                {
                    renamed.Append(reader.GetString(reader.GetOrdinal("park_id"))).Append(",\"").Append(Payloads[i].Replace("\"", "\"\"", StringComparison.Ordinal))
                        .Append("\",").Append(reader.GetString(reader.GetOrdinal("category"))).Append(',').Append(reader.GetString(reader.GetOrdinal("division_code"))).Append('\n');
                }
            }
            var hostile = Path.Combine(dir.FullName, "hostile-parks.csv");
            await File.WriteAllTextAsync(hostile, renamed.ToString(), TestContext.Current.CancellationToken);
            await Ok(t, "import", "parks", hostile);

            // The HTML the PDF is printed from: every payload encoded, no element of theirs.
            var htmlPath = Path.Combine(dir.FullName, "n.html");
            await Ok(t, "report", "notification", "--year", "2023", "--out", htmlPath);
            var html = await File.ReadAllTextAsync(htmlPath, TestContext.Current.CancellationToken);
            foreach (var p in Payloads)
            {
                Assert.Contains(WebUtility.HtmlEncode(p), html, StringComparison.Ordinal);
            }
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Tag().Matches(html), m => m.Value.Contains("onerror", StringComparison.OrdinalIgnoreCase));

            // The PDF: each payload as literal text (table cells may wrap, so spaces and line breaks are ignored).
            var pdf = Path.Combine(dir.FullName, "n.pdf");
            await Ok(t, "report", "notification", "--year", "2023", "--out", pdf);
            var text = Squeeze(await PdfText(pdf));
            foreach (var p in Payloads)
            {
                Assert.True(text.Contains(Squeeze(p), StringComparison.Ordinal), $"not in the PDF text: {p}");
            }

            // The XLSX of the same report: the names as text, the formula one behind its apostrophe, no formula cell.
            var xlsx = Path.Combine(dir.FullName, "n.xlsx");
            await Ok(t, "report", "notification", "--year", "2023", "--out", xlsx);
            var bytes = await File.ReadAllBytesAsync(xlsx, TestContext.Current.CancellationToken);
            Assert.Null(SpreadsheetCells.Fault(bytes, ".xlsx"));
            var cells = SpreadsheetCells.Read(bytes, ".xlsx");
            Assert.Contains("'" + Payloads[3], cells);
            Assert.Contains(Payloads[0], cells);
            Assert.Contains(Payloads[2], cells);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string Squeeze(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));

    private static async Task<string> PdfText(string pdf)
    {
        var psi = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, UseShellExecute = false, StandardOutputEncoding = Encoding.UTF8 };
        foreach (var a in new[] { "-enc", "UTF-8", pdf, "-" })
        {
            psi.ArgumentList.Add(a);
        }
        using var p = Process.Start(psi)!;
        var text = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.Equal(0, p.ExitCode);
        return text;
    }

    /// <summary>A real start tag of the HTML (encoded text has no "&lt;" left to match).</summary>
    [GeneratedRegex("<[a-zA-Z][^>]*>")]
    private static partial Regex Tag();
}
