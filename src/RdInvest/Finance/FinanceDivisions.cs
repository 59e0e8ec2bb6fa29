using RdInvest.Data;

namespace RdInvest.Finance;

/// <summary>Whether a division lies within another (itself, or a county of a league/city, or anything within the region).</summary>
public static class FinanceDivisions
{
    public static bool IsWithin(IReadOnlyDictionary<string, Division> divisions, string code, string within)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = code; c is not null && seen.Add(c); c = divisions.GetValueOrDefault(c)?.ParentCode)
        {
            if (c == within)
            {
                return true;
            }
        }
        return false;
    }
}
