using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Divisions;

namespace RdInvest.Demo;

/// <summary>
/// Generates a plausible, clearly synthetic population for Inner Mongolia from one seed. Everything comes from
/// one <see cref="Random"/> consumed in a fixed order, so equal seeds give equal data on every machine.
/// Amounts are decided in whole thousand yuan (千元, the unit of the statistical forms) and stored as exact fen.
/// The tables it draws from are data (<see cref="DemoTables"/>); the park floors are the plan's (clause 二(四)12).
/// One file per part of the population: units, records, certifications, parks, projects.
/// </summary>
internal sealed partial class DemoGenerator
{
    public const int FirstYear = 2019;
    public const int LastYear = 2024;
    public const string SyntheticMark = "（示例）";

    private const long FenPerThousand = 100_000;
    private const long FenPerYi = 10_000_000_000;

    // Region R&D in 2019 and its yearly growth: same order as the published 147.8 亿元 and the ~10 % of 2019–2022.
    private const decimal RegionRd2019Yuan = 145_0000_0000m;
    private const double RegionGrowth = 0.10;

    private readonly Random _rng;
    private readonly DemoOptions _options;
    private readonly DateTime _now;
    private readonly HashSet<string> _takenCodes;
    private readonly HashSet<string> _takenNames = new(StringComparer.Ordinal);
    private readonly DemoTables _t;
    private readonly IReadOnlyDictionary<string, decimal> _floors;

    public DemoGenerator(DemoOptions options, IEnumerable<string> existingCreditCodes)
    {
        _options = options;
        _rng = new Random(options.Seed);
        _now = options.Clock.GetUtcNow().UtcDateTime;
        _takenCodes = new HashSet<string>(existingCreditCodes, StringComparer.Ordinal);
        _t = DemoTables.Default;
        _floors = ParkFloors;
    }

    private static int YearCount => LastYear - FirstYear + 1;

    /// <summary>Per-unit traits drawn once and reused every year.</summary>
    private sealed class Traits
    {
        public required string League { get; init; }
        public DemoIndustry? Industry { get; init; }
        public double Size { get; set; }
        public double ActiveDraw { get; set; }
        public double InstitutionDraw { get; set; }
        public double TsmeDraw { get; set; }
        public double RevenueRatio { get; set; }
        public double PatentCost { get; set; }
        public double[] Drift { get; } = new double[YearCount];
        public long[] RdThousand { get; } = new long[YearCount];
        public long[] RevenueThousand { get; } = new long[YearCount];
        public bool[] HasInstitution { get; } = new bool[YearCount];
        public int[] Patents { get; } = new int[YearCount];
        public List<(DateOnly Issued, DateOnly Expires)> Hte { get; } = [];
    }

    public DemoPopulation Generate()
    {
        var pop = new DemoPopulation();
        var counties = ReferenceData.Divisions.Where(d => d.Level == DivisionLevels.County).ToList();
        var countiesByLeague = counties.GroupBy(c => c.ParentCode!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        GenerateParks(pop);
        var traits = GenerateUnits(pop, counties, countiesByLeague);
        AssignParks(pop, traits);
        GenerateRecords(pop, traits);
        GenerateCertifications(pop, traits);
        GenerateParkFigures(pop, traits);
        GenerateProjects(pop, traits);
        GeneratePlatforms(pop);
        GenerateFinance(pop);
        return pop;
    }

    private string PickCounty(Dictionary<string, List<DivisionRow>> countiesByLeague, Func<string, double> leagueWeight)
    {
        var league = PickWeighted(_t.Leagues.Keys.Order(StringComparer.Ordinal).ToArray(), leagueWeight);
        var list = countiesByLeague[league];
        return list[_rng.Next(list.Count)].Code;
    }

    private T PickWeighted<T>(IReadOnlyList<T> items, Func<T, double> weight)
    {
        var total = items.Sum(weight);
        var r = _rng.NextDouble() * total;
        foreach (var item in items)
        {
            r -= weight(item);
            if (r < 0)
            {
                return item;
            }
        }
        return items[^1];
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];

    private void Shuffle<T>(List<T> list)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = _rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }

    // Box–Muller: a standard normal draw from the seeded generator.
    private double Normal() => Math.Sqrt(-2 * Math.Log(1 - _rng.NextDouble())) * Math.Cos(2 * Math.PI * _rng.NextDouble());
}
