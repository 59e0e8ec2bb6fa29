using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RdInvest.Common;

/// <summary>
/// Gives every number cell of a workbook a display format — whole numbers <c>#,##0</c>, others <c>#,##0.00</c>
/// (Excel's built-in formats 3 and 4) — while the cells stay numbers. MiniExcel writes the values; its own
/// format option would turn them into text, so the styles are added afterwards with the Open XML SDK.
/// </summary>
public static class XlsxNumberFormats
{
    private const uint WholeFormat = 3;
    private const uint DecimalFormat = 4;

    public static void Apply(string path)
    {
        using var doc = SpreadsheetDocument.Open(path, isEditable: true);
        var wb = doc.WorkbookPart ?? throw new InvalidOperationException("workbook without a workbook part");
        var stylesPart = wb.WorkbookStylesPart ?? wb.AddNewPart<WorkbookStylesPart>();
        stylesPart.Stylesheet ??= new Stylesheet(
            new Fonts(new Font()) { Count = 1 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(new CellFormat()) { Count = 1 });
        var formats = stylesPart.Stylesheet.CellFormats ??= new CellFormats(new CellFormat());
        formats.Append(new CellFormat { NumberFormatId = WholeFormat, ApplyNumberFormat = true, FontId = 0, FillId = 0, BorderId = 0 });
        formats.Append(new CellFormat { NumberFormatId = DecimalFormat, ApplyNumberFormat = true, FontId = 0, FillId = 0, BorderId = 0 });
        var count = (uint)formats.ChildElements.Count;
        formats.Count = count;
        var wholeStyle = count - 2;
        var decimalStyle = count - 1;
        stylesPart.Stylesheet.Save();

        foreach (var sheet in wb.WorksheetParts)
        {
            var changed = false;
            foreach (var cell in sheet.Worksheet.Descendants<Cell>())
            {
                // A number cell has no type or type n; its text is the invariant number.
                if ((cell.DataType is null || cell.DataType.Value == CellValues.Number) && cell.CellValue?.Text is { Length: > 0 } text
                    && decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v))
                {
                    cell.StyleIndex = v == decimal.Truncate(v) ? wholeStyle : decimalStyle;
                    changed = true;
                }
            }
            if (changed)
            {
                sheet.Worksheet.Save();
            }
        }
    }
}
