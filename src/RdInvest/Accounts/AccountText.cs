using System.Globalization;
using RdInvest.Common;

namespace RdInvest.Accounts;

/// <summary>
/// Text limits of accounts: user names, token names, reasons and passwords have a length limit and carry no NUL,
/// control or bidirectional-override characters (which would hide or reorder text in lists, logs and files).
/// </summary>
public static class AccountText
{
    public const int MaxUserName = 64;
    public const int MaxTokenName = 128;
    public const int MaxReason = 200;
    public const int MaxPassword = 256;

    /// <summary>The value if it keeps the rules (null stays null); otherwise an <see cref="AccountFieldError"/> naming the field.</summary>
    public static string? Check(string field, string? value, int max)
    {
        if (value is null)
        {
            return null;
        }
        if (value.Length > max)
        {
            var n = value.Length.ToString(CultureInfo.InvariantCulture);
            throw new AccountFieldError(field, $"字段 {field}：长度 {n} 超过上限 {max} 个字符", $"field {field}: {n} characters, more than the limit of {max}");
        }
        for (var i = 0; i < value.Length; i++)
        {
            if (IsForbidden(value, i))
            {
                var code = ((int)value[i]).ToString("X4", CultureInfo.InvariantCulture);
                throw new AccountFieldError(field, $"字段 {field}：第 {i + 1} 个字符 U+{code} 是控制字符或双向控制字符，不允许",
                    $"field {field}: character {i + 1} (U+{code}) is a control or bidirectional control character, which is not allowed");
            }
        }
        return value;
    }

    /// <summary>A field that must be present and not blank.</summary>
    public static string Required(string field, string? value, int max) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new AccountFieldError(field, $"字段 {field}：不能为空", $"field {field}: is required")
            : Check(field, value, max)!;

    private static bool IsForbidden(string s, int i)
    {
        var c = s[i];
        return char.IsControl(c)
            || c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')
            || (char.IsHighSurrogate(c) && (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1])))
            || (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(s[i - 1])));
    }
}
