using System.Globalization;
using System.Text.RegularExpressions;
using RdInvest.Common;

namespace RdInvest.Importing;

/// <summary>
/// The rules of one field, on a value already read into its type: what the import applies to a cell after parsing it
/// and what every API write applies to a JSON field, so both refuse the same values with the same rule ids. Each check
/// returns the value to store, or null after adding an issue. Pure.
/// </summary>
public static partial class FieldRules
{
    /// <summary>Percentages (intensity, shares) lie in 0–100.</summary>
    public const decimal MaxPercent = 100m;

    /// <summary>Scores (a platform's evaluation) lie in 0–100.</summary>
    public const decimal MaxScore = 100m;

    /// <summary>Full-time equivalents of one unit or division: far above any real workforce, far below overflow.</summary>
    public const decimal MaxFte = 100_000_000m;

    [GeneratedRegex(@"^[A-T](\d{2,4})?$", RegexOptions.CultureInvariant)]
    private static partial Regex IndustryPattern();

    [GeneratedRegex(@"^\d{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex DivisionPattern();

    /// <summary>
    /// Control characters (NUL, C0, DEL, C1) and the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069)
    /// that can make text display other than it is stored. Tabs and line breaks are controls too: no stored field is multi-line.
    /// </summary>
    public static bool HasForbiddenCharacter(string text, out int index)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) || c is >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069' or '\ufffe' or '\uffff')
            {
                index = i;
                return true;
            }
        }
        index = -1;
        return false;
    }

    public static string? Text(ImportColumn col, string text, List<FieldIssue> issues)
    {
        if (text.Length > col.MaxLength)
        {
            issues.Add(new(ImportRules.TextTooLong, col.Key, text, [col.MaxLength]));
            return null;
        }
        if (HasForbiddenCharacter(text, out var at))
        {
            issues.Add(new(ImportRules.InvalidCharacter, col.Key, text,
                [$"U+{(int)text[at]:X4}", (at + 1).ToString(CultureInfo.InvariantCulture)]));
            return null;
        }
        return text;
    }

    public static string? Choice(ImportColumn col, string text, List<FieldIssue> issues)
    {
        var choice = text.ToLowerInvariant();
        if (col.Choices is not { } choices)
        {
            return choice;
        }
        // Matched without regard to case and stored as the contract spells it (grades A–D upper case, the rest lower).
        var found = choices.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase));
        if (found is null)
        {
            issues.Add(new(ImportRules.InvalidChoice, col.Key, text, [string.Join(" | ", choices)]));
            return null;
        }
        return found;
    }

    /// <summary>A credit code, upper-cased, with its check character verified.</summary>
    public static string? CreditCode(ImportColumn col, string text, List<FieldIssue> issues)
    {
        var code = text.ToUpperInvariant();
        var check = Common.CreditCode.Check(code);
        if (check.Status != CreditCodeStatus.Valid)
        {
            issues.Add(new(ImportRules.InvalidCreditCode, col.Key, text, [check.MessageZh, check.MessageEn]));
            return null;
        }
        return code;
    }

    /// <summary>The form of a division code (6 digits); whether it exists is the caller's to ask.</summary>
    public static string? DivisionCode(ImportColumn col, string text, List<FieldIssue> issues)
    {
        if (!DivisionPattern().IsMatch(text))
        {
            issues.Add(new(ImportRules.InvalidCode, col.Key, text, ["应为6位数字", "expected 6 digits"]));
            return null;
        }
        return text;
    }

    public static string? IndustryCode(ImportColumn col, string text, List<FieldIssue> issues)
    {
        var code = text.ToUpperInvariant();
        if (!IndustryPattern().IsMatch(code))
        {
            issues.Add(new(ImportRules.InvalidCode, col.Key, text,
                ["应为门类字母加2–4位数字（GB/T 4754），如 C38", "expected a section letter and 2–4 digits (GB/T 4754), e.g. C38"]));
            return null;
        }
        return code;
    }

    /// <summary>A year inside the configured window (<see cref="Bounds"/>) and not after <paramref name="maxYear"/>.</summary>
    public static int? Year(ImportColumn col, long year, string text, int maxYear, List<FieldIssue> issues)
    {
        var max = Math.Min(maxYear, Bounds.MaxYear);
        if (year < Bounds.MinYear || year > max)
        {
            issues.Add(new(ImportRules.YearOutOfRange, col.Key, text, [max, Bounds.MinYear]));
            return null;
        }
        return (int)year;
    }

    public static int? Count(ImportColumn col, long n, string text, List<FieldIssue> issues)
    {
        if (n < 0)
        {
            issues.Add(new(ImportRules.NegativeAmount, col.Key, text, []));
            return null;
        }
        if (n > int.MaxValue)
        {
            issues.Add(new(ImportRules.AboveMaximum, col.Key, text, [int.MaxValue.ToString(CultureInfo.InvariantCulture)]));
            return null;
        }
        return (int)n;
    }

    /// <summary>
    /// An amount in yuan (money), person-years (FTE) or percent: not negative, not above the kind's ceiling, and no
    /// finer than what is stored (fen, 0.01 person-year, 0.0001 %), so nothing is silently rounded. Returns the stored integer.
    /// </summary>
    public static long? Amount(ImportKind kind, ImportColumn col, decimal value, string text, List<FieldIssue> issues)
    {
        if (value < 0)
        {
            issues.Add(new(ImportRules.NegativeAmount, col.Key, text, []));
            return null;
        }
        var (max, scale, step, unit) = col.Type switch
        {
            CellType.Money => (col.MaxAmount ?? kind.MaxMoney, Money.FenPerYuan, "0.01", "元 yuan"),
            CellType.Fte => (MaxFte, 100m, "0.01", "人年 person-years"),
            CellType.Percent or CellType.Rate => (MaxPercent, 10_000m, "0.0001", "%"),
            CellType.Score => (MaxScore, 100m, "0.01", "分 points"),
            _ => throw new ArgumentOutOfRangeException(nameof(col), col.Type, "not an amount"),
        };
        if (value > max)
        {
            issues.Add(new(ImportRules.AboveMaximum, col.Key, text, [$"{max.ToString("0.##", CultureInfo.InvariantCulture)} {unit}"]));
            return null;
        }
        var scaled = value * scale;
        if (scaled != decimal.Truncate(scaled))
        {
            issues.Add(new(ImportRules.TooPrecise, col.Key, text, [step]));
            return null;
        }
        return (long)scaled;
    }
}
