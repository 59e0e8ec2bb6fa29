using System.Globalization;
using RdInvest.Data;
using YamlDotNet.RepresentationModel;

namespace RdInvest.Demo;

/// <summary>A league/city's weight in the demo: share of units, share of R&amp;D, short name used in unit names.</summary>
internal sealed record DemoLeague(string Code, double Units, double Rd, string Short);

/// <summary>An enterprise industry of the demo (GB/T 4754-2017 class code) and its draw weight.</summary>
internal sealed record DemoIndustry(string Code, string Word, bool Industrial, bool AgriFood, double Weight);

/// <summary>A demo park: its category (clause 二(四)12), league/city and name.</summary>
internal sealed record DemoParkPlan(string Category, string League, string Name);

/// <summary>
/// The tables the demo generator draws from, read from the embedded <c>data/demo-population.yaml</c>, so the
/// population's shape is data and the generator only code.
/// </summary>
internal sealed record DemoTables(
    IReadOnlyDictionary<string, DemoLeague> Leagues,
    IReadOnlyList<DemoIndustry> Industries,
    IReadOnlyList<string> Brands,
    IReadOnlyList<string> InstituteFields,
    IReadOnlyList<string> UniversityKinds,
    IReadOnlyList<string> ProjectTopics,
    IReadOnlyList<string> ProjectSuffixes,
    IReadOnlyList<DemoParkPlan> Parks)
{
    public const string Resource = "data/demo-population.yaml";

    private static readonly Lazy<DemoTables> Shipped = new(() => Parse(ReadResource()));

    public static DemoTables Default => Shipped.Value;

    public static DemoTables Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var leagues = Seq(root, "leagues").Cast<YamlMappingNode>().Select(m => new DemoLeague(
            Text(m, "code"), Number(m["units"]), Number(m["rd"]), Text(m, "short")));
        var industries = Seq(root, "industries").Cast<YamlSequenceNode>().Select(s => new DemoIndustry(
            Scalar(s[0]), Scalar(s[1]), bool.Parse(Scalar(s[2])), bool.Parse(Scalar(s[3])), Number(s[4])));
        var parks = Seq(root, "parks").Cast<YamlSequenceNode>().Select(s => new DemoParkPlan(Scalar(s[0]), Scalar(s[1]), Scalar(s[2])));
        var tables = new DemoTables(
            leagues.ToDictionary(l => l.Code, StringComparer.Ordinal),
            industries.ToList(),
            Strings(root, "brands"),
            Strings(root, "institute_fields"),
            Strings(root, "university_kinds"),
            Strings(root, "project_topics"),
            Strings(root, "project_suffixes"),
            parks.ToList());
        var unknown = tables.Parks.Select(p => p.Category).Where(c => !ParkCategories.All.Contains(c)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidDataException($"{Resource}: unknown park categories {string.Join(", ", unknown)}");
        }
        return tables;
    }

    internal static string ReadResource()
    {
        using var s = typeof(DemoTables).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidDataException($"{Resource} is not embedded");
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }

    private static YamlSequenceNode Seq(YamlMappingNode root, string key) => (YamlSequenceNode)root[key];

    private static List<string> Strings(YamlMappingNode root, string key) => Seq(root, key).Select(Scalar).ToList();

    private static string Text(YamlMappingNode m, string key) => Scalar(m[key]);

    private static string Scalar(YamlNode n) => ((YamlScalarNode)n).Value ?? "";

    private static double Number(YamlNode n) => double.Parse(Scalar(n), NumberStyles.Float, CultureInfo.InvariantCulture);
}
