using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Divisions;

namespace RdInvest.Demo;

/// <summary>
/// The synthetic population, in memory. Rows that point at a unit carry the unit's index in <see cref="Units"/>
/// in their UnitId / LeadUnitId until the loader replaces it with the database id.
/// </summary>
internal sealed class DemoPopulation
{
    public List<Park> Parks { get; } = [];
    public List<ReportingUnit> Units { get; } = [];
    public List<UnitRdRecord> Records { get; } = [];
    public List<Certification> Certifications { get; } = [];
    public List<ParkFigure> ParkFigures { get; } = [];
    public List<MajorProject> Projects { get; } = [];
}

/// <summary>
/// Generates a plausible, clearly synthetic population for Inner Mongolia from one seed. Everything comes from
/// one <see cref="Random"/> consumed in a fixed order, so equal seeds give equal data on every machine.
/// Amounts are decided in whole thousand yuan (千元, the unit of the statistical forms) and stored as exact fen.
/// </summary>
internal sealed class DemoGenerator
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

    public DemoGenerator(DemoOptions options, IEnumerable<string> existingCreditCodes)
    {
        _options = options;
        _rng = new Random(options.Seed);
        _now = options.Clock.GetUtcNow().UtcDateTime;
        _takenCodes = new HashSet<string>(existingCreditCodes, StringComparer.Ordinal);
    }

    private static int YearCount => LastYear - FirstYear + 1;

    // League-level weights. Unit counts follow roughly the economy; R&D follows the 2022 bulletin, where Baotou,
    // Hohhot and Ordos together spent 166 of 209.5 亿元.
    private static readonly Dictionary<string, (double Units, double Rd, string Short)> Leagues = new(StringComparer.Ordinal)
    {
        ["150100"] = (0.16, 0.21, "呼和浩特"),
        ["150200"] = (0.17, 0.37, "包头"),
        ["150300"] = (0.05, 0.04, "乌海"),
        ["150400"] = (0.10, 0.05, "赤峰"),
        ["150500"] = (0.08, 0.05, "通辽"),
        ["150600"] = (0.14, 0.21, "鄂尔多斯"),
        ["150700"] = (0.07, 0.02, "呼伦贝尔"),
        ["150800"] = (0.06, 0.02, "巴彦淖尔"),
        ["150900"] = (0.06, 0.02, "乌兰察布"),
        ["152200"] = (0.03, 0.005, "兴安"),
        ["152500"] = (0.04, 0.024, "锡林郭勒"),
        ["152900"] = (0.04, 0.01, "阿拉善"),
    };

    private sealed record Industry(string Code, string Word, bool Industrial, bool AgriFood, double Weight);

    // GB/T 4754-2017 class codes (section letter + 4 digits) typical of the region's economy.
    private static readonly Industry[] EnterpriseIndustries =
    [
        new("B0610", "煤业", true, false, 4), new("B0932", "稀土矿业", true, false, 2),
        new("C1351", "肉业", true, true, 3), new("C1441", "乳业", true, true, 4), new("C1442", "乳品", true, true, 2),
        new("C1391", "薯业", true, true, 2), new("C2521", "焦化", true, false, 3), new("C2523", "煤化工", true, false, 4),
        new("C2614", "化工", true, false, 5), new("C2621", "化肥", true, false, 2), new("C2710", "制药", true, false, 3),
        new("C2750", "动物药业", true, true, 2), new("C3120", "钢铁", true, false, 3), new("C3130", "特钢", true, false, 2),
        new("C3216", "铝业", true, false, 3), new("C3240", "合金材料", true, false, 4), new("C3091", "碳素", true, false, 3),
        new("C3985", "电子材料", true, false, 3), new("C3825", "光伏", true, false, 4), new("C3415", "风电装备", true, false, 3),
        new("C3841", "储能科技", true, false, 3), new("C3829", "电气", true, false, 3),
        new("D4411", "热电", true, false, 3), new("D4415", "风电", true, false, 3), new("D4416", "新能源", true, false, 3),
        new("I6513", "软件", false, false, 6), new("I6450", "数据科技", false, false, 4), new("M7320", "工程技术", false, false, 6),
        new("M7530", "科技服务", false, false, 4), new("A0314", "羊业", false, true, 3), new("A0311", "牧业", false, true, 3),
        new("A0511", "种业", false, true, 4),
    ];

    private static readonly string[] Brands =
    [
        "华瑞", "蒙鑫", "北疆", "正元", "恒达", "天骄", "金河", "远航", "博源", "瑞丰", "泰和", "祥泰", "昊天", "德润",
        "中天", "新元", "鼎盛", "晨光", "嘉禾", "和信", "云帆", "青城", "鹿城", "敕勒", "阴山", "黄河", "草原", "塞北",
        "朔方", "瀚海", "金峰", "星光", "润泽", "盛达", "绿源", "春华", "铭远", "启航", "聚力", "科睿", "智联", "易通",
        "合众", "永盛", "隆兴", "福瑞", "安泰", "康源", "丰泽", "沃土", "牧歌", "驼铃", "骏马", "白云", "银川", "北辰",
    ];

    private static readonly string[] InstituteFields =
    [
        "稀土", "草原生态", "农牧业科学", "煤炭化工", "新能源", "冶金", "畜牧兽医", "水利科学", "林业科学", "环境科学",
        "蒙医药", "计量测试", "地质矿产", "沙漠治理", "乳业", "种业", "材料", "氢能", "信息技术", "气象",
    ];

    private static readonly string[] UniversityKinds =
        ["理工学院", "职业技术学院", "医学院", "师范学院", "农牧学院", "科技学院", "财经学院", "工程学院", "应用技术学院"];

    private static readonly string[] ProjectTopics =
    [
        "稀土永磁材料", "煤制烯烃", "风光氢储一体化", "乳业种质资源", "草原生态修复", "碳捕集利用与封存", "高端铝合金",
        "单晶硅", "马铃薯育种", "肉羊良种繁育", "氢燃料电池", "特高压输电", "智慧矿山", "蒙药现代化", "石墨负极材料",
        "盐碱地改良", "荒漠化防治", "储能电池", "奶牛良种", "稀土催化材料",
    ];

    private static readonly string[] ProjectSuffixes = ["关键技术研究与示范", "关键技术攻关", "产业化示范", "集成创新与应用"];

    // (category, league, name) for the 20 parks: 3 + 3 + 6 + 1 + 4 + 3 over the six categories of clause 二(四)12.
    private static readonly (string Category, string League, string Name)[] ParkPlan =
    [
        (ParkCategories.NationalHtz, "150100", "呼和浩特国家高新技术产业开发区"),
        (ParkCategories.NationalHtz, "150200", "包头国家高新技术产业开发区"),
        (ParkCategories.NationalHtz, "150600", "鄂尔多斯国家高新技术产业开发区"),
        (ParkCategories.AspiringHtz, "150400", "赤峰高新技术产业开发区"),
        (ParkCategories.AspiringHtz, "150500", "通辽高新技术产业开发区"),
        (ParkCategories.AspiringHtz, "150300", "乌海高新技术产业开发区"),
        (ParkCategories.RegionHtz, "150900", "乌兰察布高新技术产业开发区"),
        (ParkCategories.RegionHtz, "150800", "巴彦淖尔高新技术产业开发区"),
        (ParkCategories.RegionHtz, "150700", "呼伦贝尔高新技术产业开发区"),
        (ParkCategories.RegionHtz, "152900", "阿拉善高新技术产业开发区"),
        (ParkCategories.RegionHtz, "152500", "锡林郭勒高新技术产业开发区"),
        (ParkCategories.RegionHtz, "150200", "包头金山高新技术产业开发区"),
        (ParkCategories.NationalAgriDemo, "150800", "巴彦淖尔国家农业高新技术产业示范区"),
        (ParkCategories.NationalAgriPark, "150500", "通辽国家农业科技园区"),
        (ParkCategories.NationalAgriPark, "150400", "赤峰国家农业科技园区"),
        (ParkCategories.NationalAgriPark, "150700", "呼伦贝尔国家农业科技园区"),
        (ParkCategories.NationalAgriPark, "152200", "兴安国家农业科技园区"),
        (ParkCategories.RegionAgriPark, "150900", "乌兰察布自治区农业科技园区"),
        (ParkCategories.RegionAgriPark, "152500", "锡林郭勒自治区农业科技园区"),
        (ParkCategories.RegionAgriPark, "150100", "呼和浩特自治区农业科技园区"),
    ];

    /// <summary>T12 floors in percent of park GDP, by category.</summary>
    public static readonly IReadOnlyDictionary<string, decimal> ParkFloors = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        [ParkCategories.NationalHtz] = 2.5m,
        [ParkCategories.AspiringHtz] = 2m,
        [ParkCategories.RegionHtz] = 1.5m,
        [ParkCategories.NationalAgriDemo] = 2m,
        [ParkCategories.NationalAgriPark] = 1.5m,
        [ParkCategories.RegionAgriPark] = 1m,
    };

    /// <summary>Per-unit traits drawn once and reused every year.</summary>
    private sealed class Traits
    {
        public required string League { get; init; }
        public Industry? Industry { get; init; }
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
        return pop;
    }

    private void GenerateParks(DemoPopulation pop)
    {
        for (var i = 0; i < ParkPlan.Length; i++)
        {
            var (category, league, name) = ParkPlan[i];
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
                    : PickCounty(countiesByLeague, l => Leagues[l].Units);
            }
            else if (i < enterprises + institutes)
            {
                sector = Sectors.Institute;
                county = PickCounty(countiesByLeague, l => Leagues[l].Rd + 0.03);
            }
            else if (i < enterprises + institutes + universities)
            {
                sector = Sectors.University;
                county = PickCounty(countiesByLeague, l => l == "150100" ? 0.5 : Leagues[l].Rd);
            }
            else if (i < enterprises + institutes + universities + government)
            {
                sector = Sectors.Government;
                county = counties[_rng.Next(counties.Count)].Code;
            }
            else
            {
                sector = Sectors.Other;
                county = PickCounty(countiesByLeague, l => Leagues[l].Units);
            }
            var league = county[..4] + "00";
            traits.Add(MakeUnit(pop, sector, county, league));
        }
        return traits;
    }

    private Traits MakeUnit(DemoPopulation pop, string sector, string county, string league)
    {
        Industry? industry = sector switch
        {
            Sectors.Enterprise => PickWeighted(EnterpriseIndustries, x => x.Weight),
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
        t.Size = Math.Exp(sigma * Normal()) * factor * Leagues[league].Rd / Leagues[league].Units;
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

    private string NewName(string sector, Industry industry, string county, string league)
    {
        var place = Leagues[league].Short;
        var countyName = ReferenceData.Divisions.First(d => d.Code == county).NameZh;
        for (var attempt = 0; ; attempt++)
        {
            var name = sector switch
            {
                Sectors.Enterprise => $"{place}{Pick(Brands)}{industry.Word}{(attempt % 2 == 0 ? "有限公司" : "股份有限公司")}",
                Sectors.Institute => $"{place}{Pick(InstituteFields)}{Pick(["研究院", "研究所", "研究中心"])}",
                Sectors.University => $"{place}{Pick(UniversityKinds)}",
                Sectors.Government => $"{countyName}{Pick(["科学技术局", "农牧局", "工业和信息化局", "林业和草原局"])}",
                _ => industry.Code == "Q8411" ? $"{countyName}{Pick(["人民医院", "蒙医医院", "妇幼保健院"])}" : $"{place}{Pick(Brands)}技术创新促进中心",
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

    private static double ActiveShare(ReportingUnit u, int year)
    {
        var k = year - FirstYear;
        return u.Sector switch
        {
            // Above-scale industry crosses the 35 % target of 二(二)5 during the plan period.
            Sectors.Enterprise when u.AboveScale => 0.27 + 0.026 * k,
            Sectors.Enterprise => 0.55 + 0.05 * k,
            Sectors.Other => 0.8,
            _ => 1.0,
        };
    }

    private void GenerateRecords(DemoPopulation pop, List<Traits> traits)
    {
        var units = pop.Units;
        for (var y = 0; y < YearCount; y++)
        {
            var year = FirstYear + y;
            var targetThousand = decimal.Round(
                RegionRd2019Yuan / 1000m * (decimal)(Math.Pow(1 + RegionGrowth, y) * (1 + 0.01 * Normal())), 0);
            double weightSum = 0;
            for (var i = 0; i < units.Count; i++)
            {
                if (traits[i].ActiveDraw < ActiveShare(units[i], year))
                {
                    weightSum += traits[i].Size * traits[i].Drift[y];
                }
            }
            for (var i = 0; i < units.Count; i++)
            {
                var t = traits[i];
                var share = (decimal)(t.Size * t.Drift[y] / weightSum);
                // What the unit would spend if active; revenue follows from it, so inactive firms still have revenue.
                var potential = Math.Max(50L, (long)decimal.Floor(targetThousand * share));
                var active = t.ActiveDraw < ActiveShare(units[i], year);
                t.RdThousand[y] = active ? potential : 0;
                if (units[i].Sector == Sectors.Enterprise)
                {
                    t.RevenueThousand[y] = (long)decimal.Round(potential / (decimal)t.RevenueRatio, 0);
                }
                t.HasInstitution[y] = units[i].Sector switch
                {
                    Sectors.Institute or Sectors.University => true,
                    Sectors.Enterprise => active && t.InstitutionDraw < (units[i].AboveScale ? 0.45 : 0.25) + 0.02 * y,
                    _ => active && t.InstitutionDraw < 0.5,
                };
                var previous = y == 0
                    ? (int)(t.RdThousand[0] * 1000 / t.PatentCost * (1 + 3 * _rng.NextDouble()))
                    : t.Patents[y - 1];
                t.Patents[y] = previous + (int)(t.RdThousand[y] * 1000 / t.PatentCost * (0.5 + _rng.NextDouble()));
                pop.Records.Add(MakeRecord(i, year, units[i], t, y));
            }
        }
    }

    private UnitRdRecord MakeRecord(int unitIndex, int year, ReportingUnit unit, Traits t, int y)
    {
        var total = t.RdThousand[y];
        double U(double lo, double hi) => lo + (hi - lo) * _rng.NextDouble();
        // Funding source: government, enterprise, foreign, other; the performer's own kind of money takes the remainder.
        var (sources, sourceRest) = unit.Sector switch
        {
            Sectors.Enterprise => (new[] { unit.StateOwned ? U(0, 0.1) : U(0, 0.05), 1, _rng.NextDouble() < 0.03 ? U(0, 0.05) : 0, U(0, 0.03) }, 1),
            Sectors.Institute => (new[] { U(0.6, 0.85), U(0.05, 0.25), 0, 1 }, 3),
            Sectors.University => (new[] { U(0.5, 0.75), U(0.15, 0.35), U(0, 0.01), 1 }, 3),
            Sectors.Government => (new[] { U(0.85, 1.0), 0, 0, 1 }, 3),
            _ => (new[] { U(0.2, 0.5), U(0.2, 0.4), 0, 1 }, 3),
        };
        var types = unit.Sector switch
        {
            Sectors.Enterprise => new[] { _rng.NextDouble() < 0.2 ? U(0, 0.02) : 0, U(0.02, 0.08), 1 },
            Sectors.Institute => [U(0.1, 0.3), U(0.3, 0.5), 1],
            Sectors.University => [U(0.3, 0.5), U(0.35, 0.5), 1],
            Sectors.Government => [U(0.05, 0.15), U(0.3, 0.5), 1],
            _ => [U(0, 0.1), U(0.2, 0.4), 1],
        };
        var costs = new[] { U(0.3, 0.5), U(0.08, 0.25), 1 };
        var src = Split(total, sources, sourceRest);
        var typ = Split(total, types, 2);
        var cst = Split(total, costs, 2);
        var headcount = total == 0 ? 0 : Math.Max(1, (int)(total * 1000 / U(250_000, 450_000)));
        return new UnitRdRecord
        {
            UnitId = unitIndex,
            Year = year,
            RdTotalFen = total * FenPerThousand,
            GovFundsFen = src[0] * FenPerThousand,
            EnterpriseFundsFen = src[1] * FenPerThousand,
            ForeignFundsFen = src[2] * FenPerThousand,
            OtherFundsFen = src[3] * FenPerThousand,
            BasicFen = typ[0] * FenPerThousand,
            AppliedFen = typ[1] * FenPerThousand,
            ExperimentalFen = typ[2] * FenPerThousand,
            PersonnelCostFen = cst[0] * FenPerThousand,
            CapitalCostFen = cst[1] * FenPerThousand,
            OtherCostFen = cst[2] * FenPerThousand,
            ExtramuralFen = (long)(total * U(0, 0.08)) * FenPerThousand,
            PersonnelHeadcount = headcount,
            PersonnelFteCenti = (long)(headcount * 100 * U(0.55, 0.9)),
            RevenueFen = unit.Sector == Sectors.Enterprise ? t.RevenueThousand[y] * FenPerThousand : null,
            HasRdInstitution = t.HasInstitution[y],
            InventionPatents = t.Patents[y],
            Status = DataStatuses.Final,
            IsSynthetic = true,
            UpdatedAt = _now,
        };
    }

    /// <summary>
    /// Splits a whole number of thousands by weights: every part but <paramref name="rest"/> is floored, the rest
    /// part takes what remains, so the parts always sum exactly to the total and none is negative.
    /// The weight at <paramref name="rest"/> is ignored; the other weights are fractions of the total.
    /// </summary>
    internal static long[] Split(long total, double[] fractions, int rest)
    {
        var parts = new long[fractions.Length];
        var taken = 0.0;
        long used = 0;
        for (var i = 0; i < fractions.Length; i++)
        {
            if (i == rest)
            {
                continue;
            }
            // Guard against fractions that together exceed 1: scale down what is left.
            var f = Math.Min(fractions[i], Math.Max(0, 1 - taken));
            taken += f;
            parts[i] = (long)decimal.Floor(total * (decimal)f);
            used += parts[i];
        }
        parts[rest] = total - used;
        return parts;
    }

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
            var floor = (double)ParkFloors[park.Category];
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
                    Title = SyntheticMark + Pick(ProjectTopics) + Pick(ProjectSuffixes),
                    LeadUnitId = leads[k],
                    FundingFen = (500 + 10L * _rng.Next(251)) * 1_000_000,
                    IsSynthetic = true,
                    UpdatedAt = _now,
                });
            }
        }
    }

    private string PickCounty(Dictionary<string, List<DivisionRow>> countiesByLeague, Func<string, double> leagueWeight)
    {
        var league = PickWeighted(Leagues.Keys.Order(StringComparer.Ordinal).ToArray(), leagueWeight);
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
