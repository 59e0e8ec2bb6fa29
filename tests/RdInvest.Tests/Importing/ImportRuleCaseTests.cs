using RdInvest.Common;
using RdInvest.Importing;

namespace RdInvest.Tests.Importing;

/// <summary>
/// One file per validation rule under Cases/import/. The file's first line (a title row, which the importer
/// skips when it looks for the header) says what it must produce: <c># kind=… rule=… row=… column=…</c>, and
/// optionally <c>scope=CODE</c> for an import limited to that division (a county officer's).
/// </summary>
public sealed class ImportRuleCaseTests
{
    private static string CaseDir => Path.Combine(AppContext.BaseDirectory, "Cases", "import");

    public static TheoryData<string> Cases() => [.. Directory.GetFiles(CaseDir, "*.csv").Select(f => Path.GetFileName(f)).Order()];

    internal static MemoryImportReferences References()
    {
        var refs = new MemoryImportReferences();
        refs.Divisions.UnionWith(["150000", "150100", "150102", "150105", "150200"]);
        refs.Parks.UnionWith(["P1", "P2"]);
        refs.Units["91150102MA0N000010"] = 1;
        refs.Units["91150102MA0N000023"] = 2;
        refs.Totals[2022] = new() { [1] = 100_0000_00 }; // 100 万元 in fen
        refs.UnitDivisions["91150102MA0N000010"] = "150102";
        refs.UnitDivisions["91150102MA0N000023"] = "150102";
        refs.Final.Add(("150102", 2021));
        refs.Records[1] = [(2021, false), (2022, false)];
        refs.Institutions["91150100FN0000001Y"] = "bank";
        refs.Institutions["91150100FN0000005B"] = "guarantee";
        refs.Payments[7] = "150102";
        return refs;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RuleCase_File_ReportsRuleAtRowAndColumn(string file)
    {
        var path = Path.Combine(CaseDir, file);
        var meta = File.ReadLines(path).First().TrimStart('#').Trim().Split(' ')
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var kind = ImportKinds.Get(meta["kind"]);
        IReadOnlySet<string>? scope = meta.TryGetValue("scope", out var s) ? new HashSet<string> { s } : null;
        var validator = new ImportValidator(kind, new ImportOptions(MoneyUnit.TenThousandYuan, false, 2026, scope)
            { Park = meta.GetValueOrDefault("park"), Institution = meta.GetValueOrDefault("institution") }, References(), file);

        _ = validator.Validate(TableReader.Read(path)).ToList();
        validator.Finish();

        var rule = ImportRules.All.Single(r => r.Id == meta["rule"]);
        // A rule's case file is named after it; further cases of one rule add a suffix (rule-id.variant.csv).
        Assert.Equal(Path.GetFileNameWithoutExtension(file).Split('.')[0], rule.Id);
        var expectedColumn = meta["column"].Length == 0 ? null : meta["column"];
        var all = string.Join("; ", validator.Findings.Select(f => $"{f.Rule}@{f.Row}/{f.Column}"));
        Assert.True(validator.Findings.Any(f =>
            f.Rule == rule.Id && f.Row == int.Parse(meta["row"], System.Globalization.CultureInfo.InvariantCulture)
            && f.Column == expectedColumn && f.File == file && f.Severity == rule.Severity
            && f.MessageZh.Length > 0 && f.MessageEn.Length > 0), all);
        if (rule.Severity == Severity.Warning)
        {
            Assert.Equal(0, validator.Errors);
        }
        else
        {
            Assert.True(validator.Errors > 0);
        }
    }

    [Fact]
    public void RuleCases_EveryRuleButTruncation_HasAFile()
    {
        var files = Directory.GetFiles(CaseDir, "*.csv").Select(Path.GetFileNameWithoutExtension).ToHashSet();
        var missing = ImportRules.All.Select(r => r.Id)
            .Where(id => id is not "unreadable-file" and not "too-many-findings" && !files.Contains(id)).ToList();
        Assert.Empty(missing);
    }
}
