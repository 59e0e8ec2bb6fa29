using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace RdInvest.Demo;

/// <summary>
/// The <c>platforms</c> section of <c>data/demo-population.yaml</c>: shares and weights of the synthetic innovation
/// platforms (二(四)11) and their evaluations.
/// </summary>
internal sealed record DemoPlatformTables(
    double EnterpriseShare,
    double LeadingFactor,
    double InstitutionShare,
    int FirstYear,
    double ExpiringShare,
    IReadOnlyDictionary<string, double> Levels,
    IReadOnlyDictionary<string, double> EnterpriseTypes,
    IReadOnlyDictionary<string, double> InstitutionTypes,
    IReadOnlyDictionary<string, double> Grades)
{
    private static readonly Lazy<DemoPlatformTables> Shipped = new(() => Parse(DemoTables.ReadResource()));

    public static DemoPlatformTables Default => Shipped.Value;

    public static DemoPlatformTables Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var m = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["platforms"];
        return new DemoPlatformTables(Number(m["enterprise_share"]), Number(m["leading_factor"]), Number(m["institution_share"]),
            (int)Number(m["first_year"]), Number(m["expiring_share"]),
            Weights(m, "levels"), Weights(m, "enterprise_types"), Weights(m, "institution_types"), Weights(m, "grades"));
    }

    private static Dictionary<string, double> Weights(YamlMappingNode m, string key) =>
        ((YamlMappingNode)m[key]).Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => Number(kv.Value), StringComparer.Ordinal);

    private static double Number(YamlNode n) => double.Parse(((YamlScalarNode)n).Value!, NumberStyles.Float, CultureInfo.InvariantCulture);
}
