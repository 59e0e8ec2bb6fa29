using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Plans;

namespace RdInvest.Demo;

internal sealed partial class DemoGenerator
{
    private static readonly Lazy<IReadOnlyDictionary<string, decimal>> ShippedFloors =
        new(() => PlanParkFloors(PlanLoader.BuiltIn(PlanResolver.DefaultPlan)));

    /// <summary>T12 floors (clause 二(四)12) in percent of park GDP, by category, as the shipped default plan sets them.</summary>
    public static IReadOnlyDictionary<string, decimal> ParkFloors => ShippedFloors.Value;

    /// <summary>The plan's park threshold target's floors by category.</summary>
    internal static IReadOnlyDictionary<string, decimal> PlanParkFloors(Plan plan) =>
        plan.Targets.FirstOrDefault(t => t.Scope == "park" && t.ValuesByCategory is not null)?.ValuesByCategory
        ?? throw new InvalidDataException($"plan {plan.Id} has no park floors");

    private void GenerateParks(DemoPopulation pop)
    {
        for (var i = 0; i < _t.Parks.Count; i++)
        {
            var (category, league, name) = _t.Parks[i];
            pop.Parks.Add(new Park
            {
                Id = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"demo-park-{i + 1:D2}"),
                Name = SyntheticMark + name,
                Category = category,
                DivisionCode = league,
                IsSynthetic = true,
                UpdatedAt = _now,
            });
        }
    }

    private void GenerateParkFigures(DemoPopulation pop, List<Traits> traits)
    {
        var members = pop.Parks.ToDictionary(p => p.Id, _ => new List<int>(), StringComparer.Ordinal);
        for (var i = 0; i < pop.Units.Count; i++)
        {
            if (pop.Units[i].ParkId is { } id)
            {
                members[id].Add(i);
            }
        }
        // About a third of the parks stay below their T12 floor, so the evaluation has something to report.
        var below = pop.Parks.Select(_ => _rng.NextDouble() < 0.35).ToArray();
        below[0] = true;
        for (var p = 0; p < pop.Parks.Count; p++)
        {
            var park = pop.Parks[p];
            double U(double lo, double hi) => lo + (hi - lo) * _rng.NextDouble();
            var gdpYi = park.Category switch
            {
                ParkCategories.NationalHtz => U(400, 900),
                ParkCategories.AspiringHtz => U(200, 450),
                ParkCategories.RegionHtz => U(60, 250),
                ParkCategories.NationalAgriDemo => U(120, 220),
                ParkCategories.NationalAgriPark => U(30, 90),
                _ => U(15, 50),
            };
            var growth = U(0.04, 0.09);
            var level = below[p] ? U(0.55, 0.9) : U(1.05, 1.7);
            var revenueFactor = U(2, 3.5);
            var extraInstitutions = _rng.Next(3, 30);
            var extraHte = _rng.Next(5, 60);
            var extraPatents = _rng.Next(20, 400);
            var floor = (double)_floors[park.Category];
            for (var y = 0; y < YearCount; y++)
            {
                var year = FirstYear + y;
                var gdp = gdpYi * Math.Pow(1 + growth, y) * (1 + 0.02 * Normal());
                var intensity = floor * level * (1 + 0.02 * y) * (1 + 0.03 * Normal());
                var ids = members[park.Id];
                var yearEnd = new DateOnly(year, 12, 31);
                pop.ParkFigures.Add(new ParkFigure
                {
                    ParkId = park.Id,
                    Year = year,
                    GdpFen = TenThousands(gdp * 10_000),
                    RevenueFen = TenThousands(gdp * revenueFactor * 10_000),
                    RdTotalFen = TenThousands(gdp * intensity / 100 * 10_000),
                    RdInstitutions = extraInstitutions + ids.Count(i => traits[i].HasInstitution[y]),
                    HteCount = extraHte + y * 3 + ids.Count(i => HteValidOn(traits[i], yearEnd)),
                    InventionPatents = (int)(extraPatents * (1 + 0.12 * y)) + ids.Sum(i => traits[i].Patents[y]),
                    IsSynthetic = true,
                    UpdatedAt = _now,
                });
            }
        }
    }

    /// <summary>An amount given in 万元 as a double, stored as exact fen of whole 万元.</summary>
    private static long TenThousands(double wan) => checked((long)decimal.Round((decimal)wan, 0)) * 1_000_000;
}
