using System.Linq.Expressions;

namespace RdInvest.Platforms;

/// <summary>
/// When a platform counts (clause 二(四)11, for T10, T11, the platform indicators and the post-subsidy): in a year when it was
/// recognised on or before 31 December of that year and its recognition runs to that day at least (valid_until empty or on
/// or after 31 December).
/// </summary>
public static class PlatformValidity
{
    public static DateOnly YearEnd(int year) => new(year, 12, 31);

    public static bool CountsIn(Platform p, int year) =>
        p.RecognisedOn <= YearEnd(year) && (p.ValidUntil is null || p.ValidUntil >= YearEnd(year));

    /// <summary>The same rule as a query filter.</summary>
    public static Expression<Func<Platform, bool>> In(int year)
    {
        var end = YearEnd(year);
        return p => p.RecognisedOn <= end && (p.ValidUntil == null || p.ValidUntil >= end);
    }
}
