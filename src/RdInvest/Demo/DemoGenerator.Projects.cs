using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Divisions;

namespace RdInvest.Demo;

internal sealed partial class DemoGenerator
{
    private void GenerateProjects(DemoPopulation pop, List<Traits> traits)
    {
        double[] enterpriseShare = [0.56, 0.59, 0.62, 0.64];
        for (var year = 2021; year <= LastYear; year++)
        {
            var y = year - FirstYear;
            var count = 38 + _rng.Next(5);
            var byEnterprise = (int)Math.Round(count * enterpriseShare[year - 2021], MidpointRounding.AwayFromZero);
            // Leading performers are the larger ones: draw from the top active enterprises and the institutions.
            var enterprises = Enumerable.Range(0, pop.Units.Count)
                .Where(i => pop.Units[i].Sector == Sectors.Enterprise && traits[i].RdThousand[y] > 0)
                .OrderByDescending(i => traits[i].RdThousand[y]).ThenBy(i => i).Take(300).ToList();
            var institutions = Enumerable.Range(0, pop.Units.Count)
                .Where(i => pop.Units[i].Sector is Sectors.Institute or Sectors.University).ToList();
            var leads = new List<int>();
            for (var k = 0; k < count; k++)
            {
                var from = k < byEnterprise ? enterprises : institutions;
                var j = _rng.Next(from.Count);
                leads.Add(from[j]);
                from.RemoveAt(j);
            }
            Shuffle(leads);
            for (var k = 0; k < leads.Count; k++)
            {
                pop.Projects.Add(new MajorProject
                {
                    Id = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"demo-{year}-{k + 1:D3}"),
                    Year = year,
                    Title = SyntheticMark + Pick(_t.ProjectTopics) + Pick(_t.ProjectSuffixes),
                    LeadUnitId = leads[k],
                    FundingFen = (500 + 10L * _rng.Next(251)) * 1_000_000,
                    IsSynthetic = true,
                    UpdatedAt = _now,
                });
            }
        }
    }
}
