namespace RdInvest.Common;

/// <summary>
/// Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from
/// <c>0123456789ABCDEFGHJKLMNPQRTUWXY</c> (no I, O, S, V, Z); the last is a check character over the first 17
/// (weights 3^i mod 31). Characters 9–17 embed the organisation code (GB 11714) with its own check digit; some
/// registries issue codes whose embedded check does not hold, so that mismatch is a warning, not an error.
/// </summary>
public static class CreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrgWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    public static CreditCodeCheck Check(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return new(CreditCodeStatus.Empty, null);
        }
        if (code.Length != 18)
        {
            return new(CreditCodeStatus.WrongLength, null);
        }
        var sum = 0;
        for (var i = 0; i < 18; i++)
        {
            var v = Alphabet.IndexOf(code[i], StringComparison.Ordinal);
            if (v < 0)
            {
                return new(CreditCodeStatus.InvalidCharacter, i + 1);
            }
            if (i < 17)
            {
                sum += v * Weights[i];
            }
        }
        var expected = Alphabet[(31 - (sum % 31)) % 31];
        if (code[17] != expected)
        {
            return new(CreditCodeStatus.WrongCheckCharacter, 18) { ExpectedCheck = expected };
        }
        return new(CreditCodeStatus.Valid, null) { OrganisationCodeCheckMismatch = !OrganisationCodeHolds(code.AsSpan(8, 9)) };
    }

    public static bool IsValid(string? code) => Check(code).Status == CreditCodeStatus.Valid;

    /// <summary>GB 11714: 8 body characters (digits or capital letters A=10 …) then a check digit or X.</summary>
    internal static bool OrganisationCodeHolds(ReadOnlySpan<char> org)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = org[i];
            int v = c is >= '0' and <= '9' ? c - '0' : c is >= 'A' and <= 'Z' ? c - 'A' + 10 : -1;
            if (v < 0)
            {
                return false;
            }
            sum += v * OrgWeights[i];
        }
        var check = 11 - (sum % 11);
        var expected = check switch { 10 => 'X', 11 => '0', _ => (char)('0' + check) };
        return org[8] == expected;
    }

    /// <summary>Appends the GB 32100 check character to a 17-character body (used by the demo generator).</summary>
    public static string Complete(string body17)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(body17.Length, 17);
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var v = Alphabet.IndexOf(body17[i], StringComparison.Ordinal);
            if (v < 0)
            {
                throw new ArgumentException($"'{body17[i]}' is not allowed in a credit code", nameof(body17));
            }
            sum += v * Weights[i];
        }
        return body17 + Alphabet[(31 - (sum % 31)) % 31];
    }

    /// <summary>The GB 11714 check character for an 8-character organisation-code body.</summary>
    public static char OrganisationCheck(string body8)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = body8[i];
            sum += (c is >= '0' and <= '9' ? c - '0' : c - 'A' + 10) * OrgWeights[i];
        }
        var check = 11 - (sum % 11);
        return check switch { 10 => 'X', 11 => '0', _ => (char)('0' + check) };
    }
}

public enum CreditCodeStatus
{
    Valid,
    Empty,
    WrongLength,
    InvalidCharacter,
    WrongCheckCharacter,
}

public sealed record CreditCodeCheck(CreditCodeStatus Status, int? Position)
{
    public char? ExpectedCheck { get; init; }
    /// <summary>True when the embedded organisation code's own check digit does not hold (a warning).</summary>
    public bool OrganisationCodeCheckMismatch { get; init; }

    public string MessageZh => Status switch
    {
        CreditCodeStatus.Valid => "有效",
        CreditCodeStatus.Empty => "统一社会信用代码为空",
        CreditCodeStatus.WrongLength => "统一社会信用代码应为18位",
        CreditCodeStatus.InvalidCharacter => $"第{Position}位字符不允许（只能是数字和除 I、O、S、V、Z 外的大写字母）",
        CreditCodeStatus.WrongCheckCharacter => $"校验码错误，应为 {ExpectedCheck}",
        _ => Status.ToString(),
    };

    public string MessageEn => Status switch
    {
        CreditCodeStatus.Valid => "valid",
        CreditCodeStatus.Empty => "credit code is empty",
        CreditCodeStatus.WrongLength => "a credit code has 18 characters",
        CreditCodeStatus.InvalidCharacter => $"character {Position} is not allowed (digits and capital letters except I, O, S, V, Z)",
        CreditCodeStatus.WrongCheckCharacter => $"wrong check character, expected {ExpectedCheck}",
        _ => Status.ToString(),
    };
}
