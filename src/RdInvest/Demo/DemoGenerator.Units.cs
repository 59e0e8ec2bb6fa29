using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Divisions;

namespace RdInvest.Demo;

internal sealed partial class DemoGenerator
{
    private List<Traits> GenerateUnits(DemoPopulation pop, List<DivisionRow> counties, Dictionary<string, List<DivisionRow>> countiesByLeague)
    {
        var n = Math.Max(_options.UnitCount, counties.Count * 2);
        // Sector mix: enterprises dominate R&D performers (87 % of the 2022 spend).
        var institutes = n * 5 / 100;
        var universities = n * 2 / 100;
        var government = n * 2 / 100;
        var other = n * 2 / 100;
        var enterprises = n - institutes - universities - government - other;
        var perCountyGuarantee = Math.Min(5, enterprises / counties.Count);

        var traits = new List<Traits>(n);
        for (var i = 0; i < n; i++)
        {
            string sector;
            string county;
            if (i < enterprises)
            {
                sector = Sectors.Enterprise;
                // The first enterprises are spread evenly so every one of the 103 counties has units.
                county = i < perCountyGuarantee * counties.Count
                    ? counties[i / perCountyGuarantee].Code
                    : PickCounty(countiesByLeague, l => _t.Leagues[l].Units);
            }
            else if (i < enterprises + institutes)
            {
                sector = Sectors.Institute;
                county = PickCounty(countiesByLeague, l => _t.Leagues[l].Rd + 0.03);
            }
            else if (i < enterprises + institutes + universities)
            {
                sector = Sectors.University;
                county = PickCounty(countiesByLeague, l => l == "150100" ? 0.5 : _t.Leagues[l].Rd);
            }
            else if (i < enterprises + institutes + universities + government)
            {
                sector = Sectors.Government;
                county = counties[_rng.Next(counties.Count)].Code;
            }
            else
            {
                sector = Sectors.Other;
                county = PickCounty(countiesByLeague, l => _t.Leagues[l].Units);
            }
            var league = county[..4] + "00";
            traits.Add(MakeUnit(pop, sector, county, league));
        }
        return traits;
    }

    private Traits MakeUnit(DemoPopulation pop, string sector, string county, string league)
    {
        DemoIndustry? industry = sector switch
        {
            Sectors.Enterprise => PickWeighted(_t.Industries, x => x.Weight),
            Sectors.Institute => new(Pick(["M7310", "M7320", "M7330", "M7340"]), "", false, false, 1),
            Sectors.University => new("P8341", "", false, false, 1),
            Sectors.Government => new("S9225", "", false, false, 1),
            _ => new(Pick(["Q8411", "M7530"]), "", false, false, 1),
        };
        var aboveScale = sector == Sectors.Enterprise && industry.Industrial && _rng.NextDouble() < 0.62;
        var stateOwned = sector switch
        {
            Sectors.Enterprise => _rng.NextDouble() < (aboveScale ? 0.2 : 0.06),
            Sectors.Other => _rng.NextDouble() < 0.3,
            _ => true,
        };
        var t = new Traits { League = league, Industry = industry };
        // Heavy-tailed sizes: a few large performers carry most of the spend, as in the bulletins.
        var (sigma, factor) = sector switch
        {
            Sectors.Enterprise => (1.8, aboveScale ? 4.0 : industry.Industrial ? 1.0 : 0.6),
            Sectors.Institute => (1.0, 2.0),
            Sectors.University => (1.0, 4.0),
            _ => (1.0, 1.5),
        };
        t.Size = Math.Exp(sigma * Normal()) * factor * _t.Leagues[league].Rd / _t.Leagues[league].Units;
        t.ActiveDraw = _rng.NextDouble();
        t.InstitutionDraw = _rng.NextDouble();
        t.TsmeDraw = _rng.NextDouble();
        // R&D / revenue of an active firm: small technology firms spend a larger share of revenue. The floor keeps
        // the largest performers' revenue within what the region's biggest groups report (~1,000 亿元).
        t.RevenueRatio = Math.Clamp(Math.Exp(Math.Log(aboveScale ? 0.02 : 0.035) + 0.5 * Normal()), 0.008, 0.2);
        t.PatentCost = 1_000_000 + 4_000_000 * _rng.NextDouble();
        var drift = 1.0;
        for (var y = 0; y < YearCount; y++)
        {
            drift *= Math.Exp(0.12 * Normal());
            t.Drift[y] = drift;
        }

        var prefix = sector switch
        {
            Sectors.Enterprise => "91",
            Sectors.Government => "11",
            Sectors.Other when industry.Code == "M7530" => "52",
            _ => "12",
        };
        pop.Units.Add(new ReportingUnit
        {
            CreditCode = NewCreditCode(prefix, county),
            Name = NewName(sector, industry, county, league),
            Sector = sector,
            DivisionCode = county,
            IndustryCode = industry.Code,
            AboveScale = aboveScale,
            StateOwned = stateOwned,
            IsSynthetic = true,
            UpdatedAt = _now,
        });
        return t;
    }

    private string NewCreditCode(string prefix, string county)
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        while (true)
        {
            // Codes issued since 2015 carry an "MA" organisation code; older ones a numeric one.
            var body = new char[8];
            var start = 0;
            if (prefix == "91" && _rng.NextDouble() < 0.6)
            {
                (body[0], body[1], start) = ('M', 'A', 2);
            }
            for (var i = start; i < 8; i++)
            {
                body[i] = start == 0 ? (char)('0' + _rng.Next(10)) : alphabet[_rng.Next(alphabet.Length)];
            }
            var org = new string(body);
            var code = CreditCode.Complete(prefix + county + org + CreditCode.OrganisationCheck(org));
            if (_takenCodes.Add(code))
            {
                return code;
            }
        }
    }

    private string NewName(string sector, DemoIndustry industry, string county, string league)
    {
        var place = _t.Leagues[league].Short;
        var countyName = ReferenceData.Divisions.First(d => d.Code == county).NameZh;
        for (var attempt = 0; ; attempt++)
        {
            var name = sector switch
            {
                Sectors.Enterprise => $"{place}{Pick(_t.Brands)}{industry.Word}{(attempt % 2 == 0 ? "有限公司" : "股份有限公司")}",
                Sectors.Institute => $"{place}{Pick(_t.InstituteFields)}{Pick(["研究院", "研究所", "研究中心"])}",
                Sectors.University => $"{place}{Pick(_t.UniversityKinds)}",
                Sectors.Government => $"{countyName}{Pick(["科学技术局", "农牧局", "工业和信息化局", "林业和草原局"])}",
                _ => industry.Code == "Q8411" ? $"{countyName}{Pick(["人民医院", "蒙医医院", "妇幼保健院"])}" : $"{place}{Pick(_t.Brands)}技术创新促进中心",
            };
            if (attempt >= 20)
            {
                name += string.Create(System.Globalization.CultureInfo.InvariantCulture, $"（{attempt}）");
            }
            if (_takenNames.Add(name))
            {
                return SyntheticMark + name;
            }
        }
    }

    private void AssignParks(DemoPopulation pop, List<Traits> traits)
    {
        var parksByLeague = pop.Parks.GroupBy(p => p.DivisionCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        for (var i = 0; i < pop.Units.Count; i++)
        {
            var unit = pop.Units[i];
            if (unit.Sector != Sectors.Enterprise || !parksByLeague.TryGetValue(traits[i].League, out var parks) || _rng.NextDouble() >= 0.35)
            {
                continue;
            }
            // Food and farming firms settle in agricultural parks, the rest in high-tech zones, where the league has one.
            var agri = traits[i].Industry!.AgriFood;
            var fitting = parks.Where(p => p.Category.Contains("agri", StringComparison.Ordinal) == agri).ToList();
            var choice = fitting.Count > 0 ? fitting : parks;
            unit.ParkId = choice[_rng.Next(choice.Count)].Id;
        }
    }
}
