using System.Globalization;
using RdInvest.Data;
using RdInvest.Platforms;

namespace RdInvest.Demo;

internal sealed partial class DemoGenerator
{
    /// <summary>
    /// Synthetic innovation platforms (二(四)11) hosted by above-scale industrial enterprises — more often in the default
    /// plan's leading and featured industries — and by institutes and universities, recognised from the tables' first year
    /// on, with a yearly evaluation after the year of recognition. Drawn from their own seeded generator, so the rest of the
    /// population is the same with or without them.
    /// </summary>
    private void GeneratePlatforms(DemoPopulation pop)
    {
        var t = DemoPlatformTables.Default;
        var rng = new Random(unchecked(_options.Seed * 31 + 11));
        var leading = LeadingIndustries.Of(Plans.PlanLoader.BuiltIn(Plans.PlanResolver.DefaultPlan), LastYear) ?? [];
        string Draw(IReadOnlyDictionary<string, double> weights)
        {
            var keys = weights.Keys.Order(StringComparer.Ordinal).ToList();
            var r = rng.NextDouble() * keys.Sum(k => weights[k]);
            foreach (var k in keys)
            {
                r -= weights[k];
                if (r < 0)
                {
                    return k;
                }
            }
            return keys[^1];
        }
        var n = 0;
        for (var i = 0; i < pop.Units.Count; i++)
        {
            var u = pop.Units[i];
            var industrial = u.Sector == Sectors.Enterprise && u.AboveScale;
            var research = u.Sector is Sectors.Institute or Sectors.University;
            var share = industrial
                ? t.EnterpriseShare * (LeadingIndustries.Contains(leading, u.IndustryCode) ? t.LeadingFactor : 1.0)
                : research ? t.InstitutionShare : 0.0;
            if (rng.NextDouble() >= share)
            {
                continue;
            }
            var type = Draw(industrial ? t.EnterpriseTypes : t.InstitutionTypes);
            var level = Draw(t.Levels);
            var from = new DateOnly(t.FirstYear + rng.Next(LastYear - t.FirstYear + 1), 1 + rng.Next(12), 1 + rng.Next(28));
            DateOnly? until = rng.NextDouble() < t.ExpiringShare ? from.AddYears(5).AddDays(-1) : null;
            var id = string.Create(CultureInfo.InvariantCulture, $"demo-pf-{++n:D5}");
            var host = u.Name.StartsWith(SyntheticMark, StringComparison.Ordinal) ? u.Name[SyntheticMark.Length..] : u.Name;
            pop.Platforms.Add(new Platform
            {
                Id = id,
                Name = SyntheticMark + host + PlatformTypes.NamesZh[PlatformTypes.All.ToList().IndexOf(type)],
                Type = type,
                Level = level,
                HostUnitId = i,
                RecognisedOn = from,
                ValidUntil = until,
                IsSynthetic = true,
                UpdatedAt = _now,
            });
            for (var year = Math.Max(from.Year + 1, FirstYear); year <= LastYear; year++)
            {
                var grade = Draw(t.Grades);
                // A 90–100, B 80–89.99, C 70–79.99, D 50–69.99 points.
                var (low, span) = grade switch { "A" => (9000, 1001), "B" => (8000, 1000), "C" => (7000, 1000), _ => (5000, 2000) };
                pop.PlatformEvaluations.Add(new PlatformEvaluation
                {
                    PlatformId = id, Year = year, Grade = grade, ScoreCenti = low + rng.Next(span), IsSynthetic = true, UpdatedAt = _now,
                });
            }
        }
    }
}
