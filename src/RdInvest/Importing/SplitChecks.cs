using System.Globalization;

namespace RdInvest.Importing;

/// <summary>A total's splits (by source, type, cost) must add up to it within 0.5 % or 0.01 of the row's money unit.</summary>
public static class SplitChecks
{
    public static void Check(KindRow row)
    {
        foreach (var split in row.Kind.Splits)
        {
            if (row.Amount(split.TotalKey) is not { } total)
            {
                continue;
            }
            var parts = split.PartKeys.Select(row.Amount).ToList();
            if (parts.All(p => p is null))
            {
                continue;
            }
            var sum = parts.Sum(p => p ?? 0m);
            var tolerance = Math.Max(total * 0.005m, 0.01m);
            var complete = parts.All(p => p is not null);
            // An incomplete split can only be checked one way: its parts may not exceed the total.
            if (complete ? Math.Abs(sum - total) > tolerance : sum - total > tolerance)
            {
                row.Report(ImportRules.SplitMismatch, split.TotalKey, split.NameZh, sum.ToString(CultureInfo.InvariantCulture), split.NameEn);
            }
        }
    }
}
