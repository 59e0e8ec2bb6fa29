using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MiniExcelLibs;
using RdInvest.Common;

namespace RdInvest.Tests.Common;

public sealed class XlsxNumberFormatsTests
{
    [Fact]
    public void WriteSheets_NumberCells_GetFormatsAndStayNumbers()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fmt-{Guid.NewGuid():N}.xlsx");
        try
        {
            TableWriter.WriteSheets(path,
            [
                ("t", new[] { (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["name"] = "包头市", ["rd_total"] = 7750000000.5m, ["rank"] = 3 } }),
            ]);
            using (var doc = SpreadsheetDocument.Open(path, false))
            {
                var formats = doc.WorkbookPart!.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<CellFormat>().ToList();
                var cells = doc.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToList();
                uint FormatOf(string text) => formats[(int)cells.Single(c => c.CellValue?.Text == text).StyleIndex!.Value].NumberFormatId!.Value;
                Assert.Equal(4u, FormatOf("7750000000.5"));
                Assert.Equal(3u, FormatOf("3"));
            }
            var row = (IDictionary<string, object>)MiniExcel.Query(path, useHeaderRow: true).Single();
            Assert.Equal(7750000000.5, Convert.ToDouble(row["rd_total"], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("包头市", row["name"]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
