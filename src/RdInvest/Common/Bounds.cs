using System.Globalization;

namespace RdInvest.Common;

/// <summary>
/// The ranges every write and every route holds: years inside a window (default 2000–2100, set by
/// <c>RDINVEST_YEARS=FROM-TO</c>), and money small enough that integer-fen sums cannot overflow.
/// </summary>
/// <remarks>
/// Money bound: the database sums fen in a signed 64-bit integer (SQLite's SUM and PostgreSQL's bigint), whose
/// limit is 9,223,372,036,854,775,807 fen. A national survey holds about 1,000,000 units a year; a per-value
/// ceiling of 9,000,000,000 yuan (90亿元, 9×10^11 fen) keeps the sum of one year over 10,000,000 units
/// (9×10^18 fen) below the limit, ten times the national size. A unit's operating revenue, far larger than its R&amp;D,
/// has its own ceiling (<see cref="MaxUnitRevenue"/>). For published division and park figures, which are few (one per
/// division or park and year) but may be national totals, the ceiling is 10^13 yuan (10万亿元). Every write path — the
/// API's and the import's — holds these through the data contract's column rules (<c>Importing.FieldRules</c>).
/// </remarks>
public static class Bounds
{
    public const string YearsVariable = "RDINVEST_YEARS";
    public const int DefaultMinYear = 2000;
    public const int DefaultMaxYear = 2100;

    /// <summary>The largest money value of a unit's record or a round (yuan).</summary>
    public const decimal MaxUnitMoney = 9_000_000_000m;

    /// <summary>
    /// The largest operating revenue of one unit (yuan): 9000亿元, above any enterprise of the region (the demo's largest is
    /// about 2000亿元). Revenue is summed like R&amp;D; at this ceiling 100,000 units of one year still sum below the limit.
    /// </summary>
    public const decimal MaxUnitRevenue = 900_000_000_000m;

    /// <summary>The largest money value of a published division figure (yuan).</summary>
    public const decimal MaxFigureMoney = 10_000_000_000_000m;

    private static readonly Lazy<(int Min, int Max)> Window = new(ReadWindow);

    public static int MinYear => Window.Value.Min;

    public static int MaxYear => Window.Value.Max;

    public static bool IsYear(int year) => year >= MinYear && year <= MaxYear;

    private static (int, int) ReadWindow()
    {
        var text = Environment.GetEnvironmentVariable(YearsVariable);
        if (text is { Length: > 0 })
        {
            var parts = text.Split('-', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var min)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var max)
                && min <= max)
            {
                return (min, max);
            }
        }
        return (DefaultMinYear, DefaultMaxYear);
    }
}
