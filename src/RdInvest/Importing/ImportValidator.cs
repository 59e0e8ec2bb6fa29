using System.Globalization;
using RdInvest.Common;

namespace RdInvest.Importing;

/// <summary>How to read a file's values.</summary>
/// <param name="Unit">Money unit of the file (--unit).</param>
/// <param name="IgnoreUnknown">Skip unknown columns instead of rejecting the file.</param>
/// <param name="MaxYear">The latest acceptable year (next year: plans are filed ahead).</param>
/// <param name="Scope">Divisions the caller may import into (a county or city officer's); null means everywhere.</param>
public sealed record ImportOptions(MoneyUnit Unit, bool IgnoreUnknown, int MaxYear, IReadOnlySet<string>? Scope = null)
{
    /// <summary>The earliest acceptable year: the start of the configured window (<see cref="Bounds"/>).</summary>
    public static int MinYear => Bounds.MinYear;

    /// <summary>The one park a park administrator may import into; null is no park limit.</summary>
    public string? Park { get; init; }

    /// <summary>The one institution (with its branches) a financial institution may import records of; null is no limit.</summary>
    public string? Institution { get; init; }
}

/// <summary>
/// Validates a file of one kind, row by row, reporting every finding at once, and yields each valid row as
/// the values to store (aligned with <see cref="StageColumns"/>) while the file is still clean so far.
/// Pure: the database is seen only through <see cref="IImportReferences"/>. Memory holds the findings
/// (capped at <see cref="MaxFindings"/>) and the set of keys seen, for duplicate detection.
/// </summary>
public sealed class ImportValidator
{
    public const int HeaderSearchRows = 30;
    public const int MaxFindings = 100_000;

    private readonly ImportKind _kind;
    private readonly ImportOptions _options;
    private readonly IImportReferences _refs;
    private readonly string _file;
    private readonly decimal _unitFactor;
    private readonly CellParser _parser;
    private readonly RowPlacement _placement;
    private readonly YearOnYearCheck _yearOnYear;
    private readonly UnitMoveCheck _moves;
    private readonly InstitutionParentCheck _parents;
    private readonly List<ImportFinding> _findings = [];
    private readonly int[] _colIndex;
    private readonly Dictionary<string, int> _keys = new(StringComparer.Ordinal);
    private readonly System.Text.StringBuilder _key = new();
    private readonly Dictionary<(string? LeagueCity, int? Year), int[]> _attribution = [];
    private readonly HashSet<int> _warnedRows = [];
    private readonly HashSet<int> _errorRows = [];
    private readonly int _yearIndex;
    private int[] _stageIndex = [];
    private object?[] _blankDefaults = [];
    private bool _truncated;

    public ImportValidator(ImportKind kind, ImportOptions options, IImportReferences refs, string file)
    {
        _kind = kind;
        _options = options;
        _refs = refs;
        _file = file;
        _unitFactor = Money.UnitFactor(options.Unit);
        _parser = new CellParser(kind, refs, _unitFactor, options.MaxYear);
        _placement = new RowPlacement(kind, refs, options.Scope) { Park = options.Park, Institution = options.Institution };
        _yearOnYear = new YearOnYearCheck(kind, refs, _unitFactor);
        _moves = new UnitMoveCheck(kind, refs);
        _parents = new InstitutionParentCheck(kind, refs);
        _colIndex = Enumerable.Repeat(-1, kind.Columns.Count).ToArray();
        _yearIndex = kind.IndexOf("year");
    }

    public int Errors { get; private set; }
    public int Warnings { get; private set; }
    public int DataRows { get; private set; }
    public int HeaderRow { get; private set; }

    /// <summary>Columns whose values are stored, in the order of each yielded row: those the file has.</summary>
    public IReadOnlyList<ImportColumn> StageColumns { get; private set; } = [];

    /// <summary>
    /// The data rows by league/city (through the row's division column, else its unit, else its park; null when none
    /// resolves) and year (null when the kind has none or the year is invalid): rows, rows with at least one error,
    /// rows with at least one warning. Findings of the header row belong to no data row and are not counted here.
    /// </summary>
    public IReadOnlyList<ImportAttribution> Attribution =>
        _attribution.OrderBy(a => a.Key.LeagueCity ?? "~", StringComparer.Ordinal).ThenBy(a => a.Key.Year)
            .Select(a => new ImportAttribution(a.Key.LeagueCity, a.Key.Year, a.Value[0], a.Value[1], a.Value[2])).ToList();

    /// <summary>Every finding, in row order.</summary>
    public IReadOnlyList<ImportFinding> Findings =>
        _findings.OrderBy(f => f.Row).ThenBy(f => f.Severity).ThenBy(f => f.Column is null ? -1 : _kind.IndexOf(f.Column)).ToList();

    private void Add(ImportFinding finding)
    {
        if (finding.Severity == Severity.Error)
        {
            Errors++;
        }
        else
        {
            Warnings++;
        }
        if (_findings.Count < MaxFindings)
        {
            _findings.Add(finding);
        }
        else if (!_truncated)
        {
            _truncated = true;
            _findings.Add(ImportRules.TooManyFindings.At(_file, finding.Row, null, null, MaxFindings));
        }
    }

    /// <summary>Validates the rows; yields the stored values of each valid row until the first error.</summary>
    public IEnumerable<object?[]> Validate(IEnumerable<SourceRow> rows)
    {
        using var e = rows.GetEnumerator();
        var head = new List<SourceRow>();
        while (head.Count < HeaderSearchRows && e.MoveNext())
        {
            head.Add(e.Current);
        }
        var best = -1;
        var bestScore = 0;
        for (var i = 0; i < head.Count; i++)
        {
            var score = head[i].Cells.Count(c => Match(c) is not null);
            if (score > bestScore)
            {
                best = i;
                bestScore = score;
            }
        }
        if (best < 0)
        {
            Add(ImportRules.NoHeader.At(_file, head.Count > 0 ? head[0].Number : 1, null, null, HeaderSearchRows));
            yield break;
        }
        ResolveHeader(head[best]);
        foreach (var row in head.Skip(best + 1))
        {
            if (ValidateRow(row) is { } values)
            {
                yield return values;
            }
        }
        while (e.MoveNext())
        {
            if (ValidateRow(e.Current) is { } values)
            {
                yield return values;
            }
        }
    }

    private ImportColumn? Match(string? cell)
    {
        var (name, _) = CellText.Header(cell);
        if (name.Length == 0)
        {
            return null;
        }
        foreach (var c in _kind.Columns)
        {
            if (name == c.Key || name == CellText.Header(c.LabelZh).Name)
            {
                return c;
            }
        }
        return null;
    }

    private void ResolveHeader(SourceRow header)
    {
        HeaderRow = header.Number;
        for (var i = 0; i < header.Cells.Length; i++)
        {
            var text = CellText.Clean(header.Cells[i]);
            if (text is null)
            {
                continue;
            }
            var column = Match(text);
            if (column is null)
            {
                if (!_options.IgnoreUnknown)
                {
                    Add(ImportRules.UnknownColumn.At(_file, header.Number, text, text));
                }
                continue;
            }
            var k = _kind.IndexOf(column.Key);
            if (_colIndex[k] >= 0)
            {
                Add(ImportRules.DuplicateColumn.At(_file, header.Number, column.Key, text));
                continue;
            }
            _colIndex[k] = i;
            var unit = CellText.Header(text).Unit;
            if (column.Type == CellType.Money && unit is not null && Money.TryParseUnit(unit, out var fileUnit)
                && fileUnit != _options.Unit)
            {
                Add(ImportRules.UnitMismatch.At(_file, header.Number, column.Key, text,
                    Money.UnitLabel(fileUnit), Money.UnitLabel(_options.Unit)));
            }
        }
        for (var k = 0; k < _kind.Columns.Count; k++)
        {
            if (_colIndex[k] < 0 && _kind.Columns[k].Required)
            {
                Add(ImportRules.MissingColumn.At(_file, header.Number, _kind.Columns[k].Key, null));
            }
        }
        var stage = new List<int>();
        for (var k = 0; k < _kind.Columns.Count; k++)
        {
            if (_colIndex[k] >= 0 || _kind.AlwaysStaged.Contains(_kind.Columns[k].Key))
            {
                stage.Add(k);
            }
        }
        _stageIndex = [.. stage];
        StageColumns = [.. stage.Select(k => _kind.Columns[k])];
        _blankDefaults = [.. StageColumns.Select(c => BlankDefault(_kind.Entity, c.Property))];
    }

    /// <summary>A blank cell in a non-nullable column (e.g. a unit's above_scale flag) stores the CLR default.</summary>
    private static object? BlankDefault(Type entity, string property)
    {
        var t = entity.GetProperty(property)?.PropertyType;
        return t is { IsValueType: true } && Nullable.GetUnderlyingType(t) is null ? Activator.CreateInstance(t) : null;
    }

    private object?[]? ValidateRow(SourceRow source)
    {
        if (source.IsBlank)
        {
            return null;
        }
        DataRows++;
        var row = new KindRow(_kind, _unitFactor);
        for (var k = 0; k < _kind.Columns.Count; k++)
        {
            var idx = _colIndex[k];
            if (idx < 0)
            {
                continue;
            }
            var text = CellText.Clean(idx < source.Cells.Length ? source.Cells[idx] : null);
            row.Texts[k] = text;
            var col = _kind.Columns[k];
            if (text is null)
            {
                if (col.Required)
                {
                    row.Issues.Add(new(ImportRules.MissingValue, col.Key, null, []));
                }
                continue;
            }
            row.Values[k] = _parser.Parse(col, text, row.Issues, out row.Amounts[k]);
        }
        var division = _placement.Division(row);
        var leagueCity = division is null ? null : _refs.LeagueCityOf(division);
        int? year = _yearIndex >= 0 && row.Values[_yearIndex] is int y ? y : null;
        row.CheckRules();
        CheckDuplicate(source.Number, row);
        _placement.CheckScope(row);
        _placement.CheckApproval(row, year);
        _yearOnYear.Add(source.Number, row, year, leagueCity);
        _moves.Add(source.Number, row, leagueCity);
        _parents.Add(source.Number, row, leagueCity);
        var errors = row.Issues.Count(i => i.Rule.Severity == Severity.Error);
        foreach (var issue in row.Issues)
        {
            Add(issue.At(_file, source.Number));
        }
        Attribute(source.Number, leagueCity, year, errors > 0, row.Issues.Count > errors);
        if (errors > 0 || Errors > 0)
        {
            return null;
        }
        var staged = new object?[_stageIndex.Length];
        for (var s = 0; s < _stageIndex.Length; s++)
        {
            staged[s] = row.Values[_stageIndex[s]] ?? _blankDefaults[s];
        }
        return staged;
    }

    private void CheckDuplicate(int number, KindRow row)
    {
        // The key text is built without intermediate lists: this runs once per row of a million-row file.
        _key.Clear();
        for (var k = 0; k < _kind.Columns.Count; k++)
        {
            if (!_kind.Columns[k].IsKey)
            {
                continue;
            }
            if (row.Values[k] is null)
            {
                return;
            }
            if (_key.Length > 0)
            {
                _key.Append('\u001f');
            }
            _key.Append(CultureInfo.InvariantCulture, $"{row.Values[k]}");
        }
        var key = _key.ToString();
        if (_keys.TryGetValue(key, out var first))
        {
            var labels = _kind.Columns.Select((c, k) => (c, k)).Where(x => x.c.IsKey).Select(x => $"{x.c.Key}={row.Texts[x.k]}");
            var k0 = _kind.Columns.ToList().FindIndex(c => c.IsKey);
            row.Issues.Add(new(ImportRules.DuplicateKey, _kind.Columns[k0].Key, row.Texts[k0], [first, string.Join(", ", labels)]));
        }
        else
        {
            _keys[key] = number;
        }
    }

    private int[] Counts(string? leagueCity, int? year)
    {
        if (!_attribution.TryGetValue((leagueCity, year), out var c))
        {
            _attribution[(leagueCity, year)] = c = new int[3];
        }
        return c;
    }

    private void Attribute(int row, string? leagueCity, int? year, bool error, bool warning)
    {
        var c = Counts(leagueCity, year);
        c[0]++;
        if (error)
        {
            c[1]++;
            _errorRows.Add(row);
        }
        if (warning)
        {
            c[2]++;
            _warnedRows.Add(row);
        }
    }

    /// <summary>
    /// Cross-row checks that need the whole file: the year-on-year plausibility of the kind's key amount, and moves of
    /// units out of or into final county-years. An error here rejects the file like any other.
    /// </summary>
    public void Finish()
    {
        foreach (var (finding, leagueCity) in _moves.Findings(_file).Concat(_parents.Findings(_file)))
        {
            Add(finding);
            if (_errorRows.Add(finding.Row))
            {
                Counts(leagueCity, null)[1]++;
            }
        }
        foreach (var (finding, leagueCity, year) in _yearOnYear.Findings(_file))
        {
            Add(finding);
            if (_warnedRows.Add(finding.Row))
            {
                Counts(leagueCity, year)[2]++;
            }
        }
    }
}

/// <summary>An import's data rows of one league/city (null = unattributed) and year (null = none): rows, error rows, warning rows.</summary>
public sealed record ImportAttribution(string? LeagueCity, int? Year, int Rows, int ErrorRows, int WarningRows);
