using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RdInvest.Importing;

/// <summary>
/// Reads cell text the way statisticians type it: full-width digits and punctuation, stray and
/// ideographic spaces, thousands separators, numbers stored as text, Excel date serials and Chinese dates.
/// Pure and culture-explicit.
/// </summary>
public static partial class CellText
{
    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    /// <summary>Trims, folds full-width forms (NFKC) and drops the apostrophe that export adds before formula-like text.</summary>
    public static string? Clean(string? raw)
    {
        if (raw is null)
        {
            return null;
        }
        var s = raw;
        if (!IsNfkcStable(s))
        {
            s = WithoutLoneSurrogates(s);
            try
            {
                s = s.Normalize(NormalizationForm.FormKC);
            }
            catch (ArgumentException)
            {
                // Another code point the normaliser refuses: the text stays as it is and the text checks judge it.
            }
        }
        s = s.Trim().Trim('\u200b', '\ufeff').Trim();
        if (s.Length >= 2 && s[0] == '\'' && Exporting.CellSafety.IsDangerousStart(s[1]))
        {
            s = s[1..];
        }
        return s.Length == 0 ? null : s;
    }

    /// <summary>
    /// A half of a surrogate pair without its other half, or a noncharacter (U+FFFE, U+FFFF, U+FDD0–U+FDEF), is no
    /// character at all (an XLSX can carry one); it becomes U+FFFD, which the text checks then reject like any other
    /// character that is not text.
    /// </summary>
    private static string WithoutLoneSurrogates(string s)
    {
        StringBuilder? b = null;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var paired = char.IsHighSurrogate(c) ? i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])
                : char.IsLowSurrogate(c) ? i > 0 && char.IsHighSurrogate(s[i - 1])
                : c is not ('\uFFFE' or '\uFFFF' or (>= '\uFDD0' and <= '\uFDEF'));
            if (!paired)
            {
                b ??= new StringBuilder(s, 0, i, s.Length);
            }
            else if (b is null)
            {
                continue;
            }
            b.Append(paired ? c : '\uFFFD');
        }
        return b?.ToString() ?? s;
    }

    /// <summary>
    /// True when NFKC leaves the text as it is because every character is ASCII or a CJK unified ideograph
    /// (U+4E00–U+9FFF: no decomposition, no combining class) — most cells of a Chinese file, which then skip the
    /// normaliser (a call into ICU per cell, the dearest step of reading a million-row file).
    /// </summary>
    private static bool IsNfkcStable(string s)
    {
        foreach (var c in s)
        {
            if (c > 0x7f && c is < '\u4e00' or > '\u9fff')
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Parses a decimal: 1,234.5; 1234.5; 1 234,5 is not accepted (ambiguous); a trailing % is dropped.</summary>
    public static bool TryDecimal(string text, out decimal value)
    {
        var s = text.Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
        if (s.EndsWith('%'))
        {
            s = s[..^1];
        }
        var negative = false;
        if (s.Length > 2 && s[0] == '(' && s[^1] == ')')
        {
            // Accounting negatives: (123) is −123; it is then rejected as a negative amount, not as garbage.
            negative = true;
            s = s[1..^1];
        }
        if (s.Contains(',', StringComparison.Ordinal))
        {
            if (!ThousandsPattern().IsMatch(s))
            {
                value = 0;
                return false;
            }
            s = s.Replace(",", "", StringComparison.Ordinal);
        }
        if (!decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out value))
        {
            return false;
        }
        if (negative)
        {
            value = -value;
        }
        return true;
    }

    [GeneratedRegex(@"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ThousandsPattern();

    public static bool TryBool(string text, out bool value)
    {
        switch (text.ToUpperInvariant())
        {
            case "TRUE" or "1" or "是" or "Y" or "YES" or "T" or "有":
                value = true;
                return true;
            case "FALSE" or "0" or "否" or "N" or "NO" or "F" or "无":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    [GeneratedRegex(@"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(\s+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    /// <summary>Dates as 2023-01-05, 2023/1/5, 2023.1.5, 2023年1月5日, 20230105 or an Excel serial (1900 date system).</summary>
    public static bool TryDate(string text, out DateOnly value)
    {
        value = default;
        var m = DatePattern().Match(text);
        if (m.Success)
        {
            var y = int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
            var mo = int.Parse(m.Groups[2].ValueSpan, CultureInfo.InvariantCulture);
            var d = int.Parse(m.Groups[3].ValueSpan, CultureInfo.InvariantCulture);
            if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo))
            {
                return false;
            }
            value = new DateOnly(y, mo, d);
            return true;
        }
        if (text.Length == 8 && text.All(char.IsAsciiDigit))
        {
            return DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
        }
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var serial)
            && serial >= 1 && serial < 2958466)
        {
            // Excel's 1900 system counts 1900-02-29, which never existed; serials from 61 on are right from 1899-12-30.
            var days = (int)decimal.Truncate(serial);
            value = days < 61 ? ExcelEpoch.AddDays(days + 1) : ExcelEpoch.AddDays(days);
            return true;
        }
        return false;
    }

    /// <summary>Header text reduced for matching: folded, no spaces, lower-case, unit in brackets split off.</summary>
    public static (string Name, string? Unit) Header(string? raw)
    {
        var s = Clean(raw) ?? "";
        s = s.Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal)
            .Replace("\r", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal);
        string? unit = null;
        if (s.EndsWith(')') && s.LastIndexOf('(') is var open and > 0)
        {
            unit = s[(open + 1)..^1];
            s = s[..open];
        }
        return (s.ToLowerInvariant(), unit);
    }
}
