namespace RdInvest.Targets;

/// <summary>
/// Target trajectory math of the plan, pure. Rates are fractions here (0.2 = 20 %);
/// the hosts show percent. Powers use double only for the fractional exponent; inputs and results are decimal.
/// </summary>
public static class Trajectory
{
    /// <summary>expected(y) = V_b·(1+g)^(y−b) for a growth target.</summary>
    public static decimal ExpectedGrowth(decimal baseValue, decimal rate, int baseYear, int year) =>
        baseValue * Pow(1m + rate, year - baseYear);

    /// <summary>expected(y) = V_b·(V_T/V_b)^((y−b)/(T−b)) for a level target V_T.</summary>
    public static decimal ExpectedLevel(decimal baseValue, decimal targetValue, int baseYear, int endYear, int year) =>
        baseValue * Pow(targetValue / baseValue, (decimal)(year - baseYear) / (endYear - baseYear));

    /// <summary>realised CAGR(y) = (actual_y/V_b)^(1/(y−b)) − 1; null in the base year itself.</summary>
    public static decimal? RealisedCagr(decimal baseValue, decimal actual, int baseYear, int year) =>
        year <= baseYear || baseValue <= 0 || actual <= 0 ? null : Pow(actual / baseValue, 1m / (year - baseYear)) - 1m;

    /// <summary>Growth needed from the latest actual year to the end year: (V_T/actual_y)^(1/(T−y)) − 1.</summary>
    public static decimal? RequiredGrowth(decimal targetValue, decimal actual, int year, int endYear) =>
        year >= endYear || actual <= 0 || targetValue <= 0 ? null : Pow(targetValue / actual, 1m / (endYear - year)) - 1m;

    /// <summary>Linear path for shares and counts: V_b + (V_T − V_b)·(y−b)/(T−b).</summary>
    public static decimal ExpectedLinear(decimal baseValue, decimal targetValue, int baseYear, int endYear, int year) =>
        baseValue + (targetValue - baseValue) * (year - baseYear) / (endYear - baseYear);

    /// <summary>on_track when actual ≥ expected, at_risk when ≥ ratio × expected, else behind.</summary>
    public static string Status(decimal actual, decimal expected, decimal atRiskRatio) =>
        actual >= expected ? TargetStatus.OnTrack
        : actual >= atRiskRatio * expected ? TargetStatus.AtRisk
        : TargetStatus.Behind;

    public static decimal Pow(decimal x, decimal exponent)
    {
        if (exponent == decimal.Truncate(exponent) && Math.Abs(exponent) <= 64)
        {
            // Integral exponents stay exact in decimal.
            var n = (int)Math.Abs(exponent);
            var result = 1m;
            for (var i = 0; i < n; i++)
            {
                result *= x;
            }
            return exponent < 0 ? 1m / result : result;
        }
        return (decimal)Math.Pow((double)x, (double)exponent);
    }
}

public static class TargetStatus
{
    public const string Achieved = "achieved";
    public const string OnTrack = "on_track";
    public const string AtRisk = "at_risk";
    public const string Behind = "behind";
    public const string NoData = "no_data";

    public static string Zh(string status) => status switch
    {
        Achieved => "已完成",
        OnTrack => "进度正常",
        AtRisk => "有风险",
        Behind => "落后",
        _ => "无数据",
    };
}
