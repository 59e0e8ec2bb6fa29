using System.Data;
using System.Globalization;

namespace RdInvest.Exporting;

/// <summary>
/// Formula-injection defence (OWASP "CSV injection"): a text cell that begins with = + - @, tab or CR is
/// written with a leading apostrophe, so Excel shows it as text. The importer drops that apostrophe again,
/// so exports still round-trip.
/// </summary>
public static class CellSafety
{
    public static bool IsDangerousStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r' or '\uff1d' or '\uff0b' or '\uff0d' or '\uff20';

    public static string? Neutralise(string? text) =>
        text is { Length: > 0 } t && IsDangerousStart(t[0]) ? "'" + t : text;

    /// <summary>
    /// Every text cell of a table written through a data reader (the CSV and XLSX writers that take a
    /// <see cref="DataTable"/>), neutralised in place; a cell that is a plain formatted number ("-1,234.50") stays as
    /// it is, since a spreadsheet reads it as that number and nothing else.
    /// </summary>
    public static DataTable NeutraliseText(DataTable table)
    {
        var text = table.Columns.Cast<DataColumn>().Where(c => c.DataType == typeof(string)).ToList();
        foreach (DataRow row in table.Rows)
        {
            foreach (var c in text)
            {
                if (row[c] is string s && s.Length > 0 && IsDangerousStart(s[0]) && !IsPlainNumber(s))
                {
                    row[c] = "'" + s;
                }
            }
        }
        return table;
    }

    /// <summary>A signed number as the system formats it ("-1,234.50"): no leading tab, CR or other white space.</summary>
    public static bool IsPlainNumber(string s) =>
        s.Length > 1 && (s[0] is '-' or '+') && char.IsAsciiDigit(s[1])
        && decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out _);
}
