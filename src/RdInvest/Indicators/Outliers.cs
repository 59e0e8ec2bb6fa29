namespace RdInvest.Indicators;

public sealed record GrowthObservation(string CreditCode, string Name, string LeagueCity, string Sector, decimal Previous, decimal Current)
{
    public decimal Growth => Current / Previous - 1m;
}

public sealed record Outlier(GrowthObservation Observation, decimal Growth, decimal Median, decimal Mad, decimal ModifiedZ);

/// <summary>
/// Units whose year-on-year R&amp;D growth is extreme within their league/city and sector: modified z-score
/// M = 0.6745·(x − median)/MAD (Iglewicz and Hoaglin), flagged when |M| exceeds the plan's outliers.modified_z (3.5).
/// Pure; groups with MAD = 0 flag nothing, since every other member then grew identically.
/// </summary>
public static class OutlierDetector
{
    public static IReadOnlyList<Outlier> Find(IEnumerable<GrowthObservation> observations, decimal threshold)
    {
        var result = new List<Outlier>();
        foreach (var g in observations.Where(o => o.Previous > 0).GroupBy(o => (o.LeagueCity, o.Sector)))
        {
            var items = g.ToList();
            if (items.Count < 3)
            {
                continue;
            }
            var growths = items.Select(o => o.Growth).ToList();
            var median = Median(growths);
            var mad = Median(growths.Select(x => Math.Abs(x - median)).ToList());
            if (mad == 0)
            {
                continue;
            }
            foreach (var o in items)
            {
                var z = 0.6745m * (o.Growth - median) / mad;
                if (Math.Abs(z) > threshold)
                {
                    result.Add(new Outlier(o, o.Growth, median, mad, decimal.Round(z, 4)));
                }
            }
        }
        return result.OrderByDescending(o => Math.Abs(o.ModifiedZ)).ToList();
    }

    public static decimal Median(IReadOnlyList<decimal> values)
    {
        var s = values.Order().ToList();
        var n = s.Count;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2m;
    }
}
