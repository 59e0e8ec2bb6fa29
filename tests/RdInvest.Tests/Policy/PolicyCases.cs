using System.Globalization;
using Sylvan.Data.Csv;

namespace RdInvest.Tests.Policy;

/// <summary>
/// One hand-computed case of Cases/policy/&lt;slug&gt;.csv: columns case, date, comment, expect_amount,
/// expect_&lt;output&gt;, expect_error (the input a rejection must name); every other column is an input.
/// </summary>
public sealed record PolicyCase(
    string Slug,
    string Id,
    DateOnly? Date,
    IReadOnlyList<KeyValuePair<string, string>> Inputs,
    decimal? ExpectAmount,
    IReadOnlyDictionary<string, decimal> ExpectOutputs,
    string? ExpectError);

public static class PolicyCases
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Cases", "policy");

    public static IReadOnlyList<PolicyCase> All() =>
        Directory.GetFiles(Folder, "*.csv").Order(StringComparer.Ordinal).SelectMany(Load).ToList();

    public static PolicyCase Find(string slug, string id) => Load(Path.Combine(Folder, slug + ".csv")).Single(c => c.Id == id);

    public static IEnumerable<PolicyCase> Load(string path)
    {
        var slug = Path.GetFileNameWithoutExtension(path);
        using var csv = CsvDataReader.Create(path);
        var names = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToList();
        var list = new List<PolicyCase>();
        while (csv.Read())
        {
            string? id = null, error = null;
            DateOnly? date = null;
            decimal? amount = null;
            var inputs = new List<KeyValuePair<string, string>>();
            var outputs = new Dictionary<string, decimal>(StringComparer.Ordinal);
            for (var i = 0; i < names.Count; i++)
            {
                var v = csv.GetString(i);
                var n = names[i];
                switch (n)
                {
                    case "case": id = v; break;
                    case "comment": break;
                    case "date": date = v.Length == 0 ? null : DateOnly.Parse(v, CultureInfo.InvariantCulture); break;
                    case "expect_error": error = v.Length == 0 ? null : v; break;
                    case "expect_amount": amount = v.Length == 0 ? null : decimal.Parse(v, CultureInfo.InvariantCulture); break;
                    default:
                        if (n.StartsWith("expect_", StringComparison.Ordinal))
                        {
                            if (v.Length > 0)
                            {
                                outputs[n["expect_".Length..]] = decimal.Parse(v, NumberStyles.Number, CultureInfo.InvariantCulture);
                            }
                        }
                        else if (v.Length > 0)
                        {
                            inputs.Add(KeyValuePair.Create(n, v));
                        }
                        break;
                }
            }
            list.Add(new PolicyCase(slug, id!, date, inputs, amount, outputs, error));
        }
        return list;
    }
}
