namespace RdInvest.Importing;

/// <summary>
/// The cross-row check of a kind that <see cref="ImportKind.LocksUnitMoves"/>: a row that moves an existing unit to
/// another division is refused while a county-year of the unit's records, in the old division or the new one, is final
/// (or the record is final itself). The records are read once for every moved unit, after the rows.
/// </summary>
public sealed class UnitMoveCheck(ImportKind kind, IImportReferences refs)
{
    private readonly List<(int Row, long Unit, string From, string To, string? Text, string? LeagueCity)> _moves = [];
    private readonly int _code = kind.Columns.ToList().FindIndex(c => c.Type == CellType.CreditCode);
    private readonly int _division = kind.Columns.ToList().FindIndex(c => c.Type == CellType.DivisionRef);

    public void Add(int row, KindRow values, string? leagueCity)
    {
        if (!kind.LocksUnitMoves || _code < 0 || _division < 0
            || values.Values[_code] is not string code || values.Values[_division] is not string to)
        {
            return;
        }
        if (refs.UnitDivision(code) is { } from && from != to && refs.UnitId(code) is { } unit)
        {
            _moves.Add((row, unit, from, to, values.Texts[_division], leagueCity));
        }
    }

    /// <summary>The findings, each with the row's league/city (for attribution).</summary>
    public IEnumerable<(ImportFinding Finding, string? LeagueCity)> Findings(string file)
    {
        if (_moves.Count == 0)
        {
            yield break;
        }
        var records = refs.RecordYears(_moves.Select(m => m.Unit).ToList());
        foreach (var (row, unit, from, to, text, leagueCity) in _moves)
        {
            if (!records.TryGetValue(unit, out var years))
            {
                continue;
            }
            foreach (var (year, final) in years.OrderBy(y => y.Year))
            {
                var locked = final || refs.IsFinal(from, year) ? from : refs.IsFinal(to, year) ? to : null;
                if (locked is not null)
                {
                    yield return (ImportRules.UnitMoveFinal.At(file, row, kind.Columns[_division].Key, text, from, locked, year), leagueCity);
                    break;
                }
            }
        }
    }
}
