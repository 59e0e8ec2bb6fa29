namespace RdInvest.Common;

/// <summary>
/// Exact money. Code works in <see cref="decimal"/> yuan; the database stores integer fen (分) so that
/// SQLite and PostgreSQL can both SUM in SQL. Rounding to fen happens once, half away from zero.
/// </summary>
public static class Money
{
    public const decimal FenPerYuan = 100m;

    public static long ToFen(decimal yuan) =>
        checked((long)decimal.Round(yuan * FenPerYuan, 0, MidpointRounding.AwayFromZero));

    public static long? ToFen(decimal? yuan) => yuan is { } y ? ToFen(y) : null;

    public static decimal ToYuan(long fen) => fen / FenPerYuan;

    public static decimal? ToYuan(long? fen) => fen is { } f ? ToYuan(f) : null;

    /// <summary>Multiplier from a file's money unit to yuan.</summary>
    public static decimal UnitFactor(MoneyUnit unit) => unit switch
    {
        MoneyUnit.Yuan => 1m,
        MoneyUnit.ThousandYuan => 1_000m,
        MoneyUnit.TenThousandYuan => 10_000m,
        MoneyUnit.HundredMillionYuan => 100_000_000m,
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    };

    /// <summary>Parses 元, 千元, 万元, 亿元 (or yuan, kyuan, 10kyuan, 100myuan).</summary>
    public static bool TryParseUnit(string? text, out MoneyUnit unit)
    {
        switch (text?.Trim())
        {
            case "元" or "yuan": unit = MoneyUnit.Yuan; return true;
            case "千元" or "kyuan" or "thousand": unit = MoneyUnit.ThousandYuan; return true;
            case "万元" or "10kyuan" or "wan": unit = MoneyUnit.TenThousandYuan; return true;
            case "亿元" or "100myuan" or "yi": unit = MoneyUnit.HundredMillionYuan; return true;
            default: unit = MoneyUnit.TenThousandYuan; return false;
        }
    }

    public static string UnitLabel(MoneyUnit unit) => unit switch
    {
        MoneyUnit.Yuan => "元",
        MoneyUnit.ThousandYuan => "千元",
        MoneyUnit.TenThousandYuan => "万元",
        MoneyUnit.HundredMillionYuan => "亿元",
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    };
}

public enum MoneyUnit
{
    Yuan,
    ThousandYuan,
    TenThousandYuan,
    HundredMillionYuan,
}
