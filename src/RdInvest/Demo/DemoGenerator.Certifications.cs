using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Divisions;

namespace RdInvest.Demo;

internal sealed partial class DemoGenerator
{
    private void GenerateCertifications(DemoPopulation pop, List<Traits> traits)
    {
        var hteSerial = new Dictionary<int, int>();
        var tsmeSerial = new Dictionary<int, int>();
        for (var i = 0; i < pop.Units.Count; i++)
        {
            var unit = pop.Units[i];
            var t = traits[i];
            if (unit.Sector != Sectors.Enterprise)
            {
                continue;
            }
            var firstActive = Enumerable.Range(0, YearCount).FirstOrDefault(y => t.RdThousand[y] > 0, -1);
            if (firstActive >= 0 && _rng.NextDouble() < (unit.AboveScale ? 0.8 : 0.65))
            {
                // Firms active since 2019 may hold certificates from 2017 on; later firms certify after a delay.
                var start = firstActive == 0 ? 2016 + _rng.Next(7) : FirstYear + firstActive;
                var year = Math.Max(2017, start + PickWeighted(new[] { 0, 1, 2, 3 }, d => d switch { 0 => 0.35, 1 => 0.3, 2 => 0.2, _ => 0.15 }));
                while (year <= LastYear)
                {
                    var issued = new DateOnly(year, 10 + _rng.Next(3), 1 + _rng.Next(28));
                    var serial = hteSerial[year] = hteSerial.GetValueOrDefault(year) + 1;
                    pop.Certifications.Add(new Certification
                    {
                        UnitId = i,
                        Kind = CertificationKinds.HighTech,
                        Number = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"GR{year}15{serial:D6}"),
                        Issued = issued,
                        Expires = issued.AddYears(3),
                        IsSynthetic = true,
                        UpdatedAt = _now,
                    });
                    t.Hte.Add((issued, issued.AddYears(3)));
                    year += 3;
                    if (_rng.NextDouble() > 0.88)
                    {
                        break;
                    }
                }
            }
            for (var y = 0; y < YearCount; y++)
            {
                var year = FirstYear + y;
                // Tech-SME evaluation (科技型中小企业评价): active R&D and operating revenue at most 2 亿元.
                var small = t.RevenueThousand[y] * FenPerThousand <= 2 * FenPerYi;
                if (t.RdThousand[y] > 0 && small && t.TsmeDraw < 0.6 + 0.07 * y)
                {
                    var serial = tsmeSerial[year] = tsmeSerial.GetValueOrDefault(year) + 1;
                    pop.Certifications.Add(new Certification
                    {
                        UnitId = i,
                        Kind = CertificationKinds.TechSme,
                        Number = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"TSME-{year}-{serial:D4}"),
                        Issued = new DateOnly(year, 3 + _rng.Next(9), 1 + _rng.Next(28)),
                        IsSynthetic = true,
                        UpdatedAt = _now,
                    });
                }
            }
        }
    }

    private static bool HteValidOn(Traits t, DateOnly day) => t.Hte.Any(h => h.Issued <= day && h.Expires > day);
}
