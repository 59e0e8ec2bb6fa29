namespace RdInvest.Importing;

/// <summary>
/// The cross-row check of the institutions kind: a branch's <c>parent_code</c> names a bank already stored or in the same
/// file (banks and their branches usually come together), never the institution itself.
/// </summary>
public sealed class InstitutionParentCheck(ImportKind kind, IImportReferences refs)
{
    private readonly int _code = kind.Entity == typeof(Finance.FinancialInstitution) ? kind.IndexOf("code") : -1;
    private readonly int _parent = kind.IndexOf("parent_code");
    private readonly int _kind = kind.IndexOf("kind");
    private readonly Dictionary<string, string> _inFile = new(StringComparer.Ordinal);
    private readonly List<(int Row, string Code, string Parent, string? Text, string? LeagueCity)> _parents = [];

    public void Add(int row, KindRow values, string? leagueCity)
    {
        if (_code < 0 || values.Values[_code] is not string code)
        {
            return;
        }
        if (values.Values[_kind] is string k)
        {
            _inFile[code] = k;
        }
        if (values.Values[_parent] is string parent)
        {
            _parents.Add((row, code, parent, values.Texts[_parent], leagueCity));
        }
    }

    /// <summary>The findings, each with the row's league/city (for attribution).</summary>
    public IEnumerable<(ImportFinding Finding, string? LeagueCity)> Findings(string file)
    {
        var key = kind.Columns[_parent < 0 ? 0 : _parent].Key;
        foreach (var (row, code, parent, text, leagueCity) in _parents)
        {
            var found = _inFile.TryGetValue(parent, out var k) ? k : refs.InstitutionKind(parent);
            if (found is null || parent == code)
            {
                yield return (ImportRules.UnknownInstitution.At(file, row, key, text), leagueCity);
            }
            else if (found != Finance.InstitutionKinds.Bank)
            {
                yield return (ImportRules.InstitutionKindMismatch.At(file, row, key, text, found, Finance.InstitutionKinds.Bank), leagueCity);
            }
        }
    }
}
