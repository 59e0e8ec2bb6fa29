using System.Globalization;
using System.Text.RegularExpressions;
using RdInvest.Common;

namespace RdInvest.Importing;

/// <summary>How to read a file's values.</summary>
/// <param name="Unit">Money unit of the file (--unit).</param>
/// <param name="IgnoreUnknown">Skip unknown columns instead of rejecting the file.</param>
/// <param name="MaxYear">The latest acceptable year (next year: plans are filed ahead).</param>
/// <param name="Scope">Divisions the caller may import into (a county or city officer's); null means everywhere.</param>
public sealed record ImportOptions(MoneyUnit Unit, bool IgnoreUnknown, int MaxYear, IReadOnlySet<string>? Scope = null)
{
    public const int MinYear = 1990;
}

/// <summary>
/// Validates a file of one kind, row by row, reporting every finding at once, and yields each valid row as
/// the values to store (aligned with <see cref="StageColumns"/>) while the file is still clean so far.
/// Pure: the database is seen only through <see cref="IImportReferences"/>. Memory holds the findings
/// (capped at <see cref="MaxFindings"/>) and the set of keys seen, for duplicate detection.
/// </summary>
public sealed partial class ImportValidator
{
    public const int HeaderSearchRows = 30;
    public const int MaxFindings = 100_000;

    private readonly ImportKind _kind;
    private readonly ImportOptions _options;
    private readonly IImportReferences _refs;
    private readonly string _file;
    private readonly decimal _unitFactor;
    private readonly List<ImportFinding> _findings = [];
    private readonly int[] _colIndex;
    private readonly Dictionary<string, int> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<(long Unit, int Year), (int Row, long Total, string? LeagueCity)> _rdTotals = [];
    private readonly Dictionary<(string? LeagueCity, int? Year), int[]> _attribution = [];
    private readonly HashSet<int> _warnedRows = [];
    private readonly int _yearIndex;
    private readonly int _unitRefIndex;
    private readonly int _divisionRefIndex;
    private string? _rowLeagueCity;
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
        _colIndex = Enumerable.Repeat(-1, kind.Columns.Count).ToArray();
        _yearIndex = IndexOf("year");
        _unitRefIndex = kind.Columns.ToList().FindIndex(c => c.Type == CellType.UnitRef);
        _divisionRefIndex = kind.Columns.ToList().FindIndex(c => c.Type == CellType.DivisionRef);
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
        _findings.OrderBy(f => f.Row).ThenBy(f => f.Severity).ThenBy(f => ColumnOrder(f.Column)).ToList();

    private int ColumnOrder(string? key)
    {
        for (var i = 0; i < _kind.Columns.Count; i++)
        {
            if (_kind.Columns[i].Key == key)
            {
                return i;
            }
        }
        return -1;
    }

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
            var k = _kind.Columns.ToList().IndexOf(column);
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
            // A certificate's expiry is derived when blank, so it is stored even when the file lacks the column.
            if (_colIndex[k] >= 0 || (_kind == ImportKinds.Certifications && _kind.Columns[k].Key == "expires"))
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

    private object?[]? ValidateRow(SourceRow row)
    {
        if (row.IsBlank)
        {
            return null;
        }
        DataRows++;
        var errorsBefore = Errors;
        var warningsBefore = Warnings;
        var columns = _kind.Columns;
        var values = new object?[columns.Count];
        var amounts = new decimal?[columns.Count];
        var texts = new string?[columns.Count];
        for (var k = 0; k < columns.Count; k++)
        {
            var idx = _colIndex[k];
            if (idx < 0)
            {
                continue;
            }
            var text = CellText.Clean(idx < row.Cells.Length ? row.Cells[idx] : null);
            texts[k] = text;
            var col = columns[k];
            if (text is null)
            {
                if (col.Required)
                {
                    Add(ImportRules.MissingValue.At(_file, row.Number, col.Key, null));
                }
                continue;
            }
            values[k] = ParseCell(row.Number, col, text, out amounts[k]);
        }
        var division = RowDivision(values, texts);
        _rowLeagueCity = division is null ? null : _refs.LeagueCityOf(division);
        int? year = _yearIndex >= 0 && values[_yearIndex] is int y ? y : null;
        CheckSplits(row.Number, amounts, texts);
        CheckKindRules(row.Number, values, amounts, texts);
        CheckDuplicate(row.Number, values, texts);
        CheckScope(row.Number, values, texts);
        CheckApproval(row.Number, values, texts, year);
        Attribute(row.Number, _rowLeagueCity, year, Errors > errorsBefore, Warnings > warningsBefore);
        if (Errors > errorsBefore || Errors > 0)
        {
            return null;
        }
        var staged = new object?[_stageIndex.Length];
        for (var s = 0; s < _stageIndex.Length; s++)
        {
            staged[s] = values[_stageIndex[s]] ?? _blankDefaults[s];
        }
        return staged;
    }

    [GeneratedRegex(@"^[A-T](\d{2,4})?$", RegexOptions.CultureInvariant)]
    private static partial Regex IndustryPattern();

    [GeneratedRegex(@"^\d{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex DivisionPattern();

    private object? ParseCell(int row, ImportColumn col, string text, out decimal? amount)
    {
        amount = null;
        switch (col.Type)
        {
            case CellType.Text or CellType.Id:
                if (text.Length > col.MaxLength)
                {
                    Add(ImportRules.TextTooLong.At(_file, row, col.Key, text, col.MaxLength));
                    return null;
                }
                return text;
            case CellType.Choice:
            {
                var choice = text.ToLowerInvariant();
                if (col.Choices is { } choices && !choices.Contains(choice))
                {
                    Add(ImportRules.InvalidChoice.At(_file, row, col.Key, text, string.Join(" | ", choices)));
                    return null;
                }
                return choice;
            }
            case CellType.CreditCode or CellType.UnitRef:
            {
                var code = text.ToUpperInvariant();
                var check = CreditCode.Check(code);
                if (check.Status != CreditCodeStatus.Valid)
                {
                    Add(ImportRules.InvalidCreditCode.At(_file, row, col.Key, text, check.MessageZh, check.MessageEn));
                    return null;
                }
                if (col.Type == CellType.CreditCode)
                {
                    return code;
                }
                if (_refs.UnitId(code) is { } id)
                {
                    return id;
                }
                Add(ImportRules.UnknownUnit.At(_file, row, col.Key, text));
                return null;
            }
            case CellType.DivisionRef:
                if (!DivisionPattern().IsMatch(text))
                {
                    Add(ImportRules.InvalidCode.At(_file, row, col.Key, text, "应为6位数字", "expected 6 digits"));
                    return null;
                }
                if (!_refs.DivisionExists(text))
                {
                    Add(ImportRules.UnknownDivision.At(_file, row, col.Key, text));
                    return null;
                }
                return text;
            case CellType.ParkRef:
                if (!_refs.ParkExists(text))
                {
                    Add(ImportRules.UnknownPark.At(_file, row, col.Key, text));
                    return null;
                }
                return text;
            case CellType.IndustryCode:
            {
                var code = text.ToUpperInvariant();
                if (!IndustryPattern().IsMatch(code))
                {
                    Add(ImportRules.InvalidCode.At(_file, row, col.Key, text,
                        "应为门类字母加2–4位数字（GB/T 4754），如 C38", "expected a section letter and 2–4 digits (GB/T 4754), e.g. C38"));
                    return null;
                }
                return code;
            }
            case CellType.Year:
            {
                if (!WholeNumber(row, col, text, out var y))
                {
                    return null;
                }
                if (y < ImportOptions.MinYear || y > _options.MaxYear)
                {
                    Add(ImportRules.YearOutOfRange.At(_file, row, col.Key, text, _options.MaxYear));
                    return null;
                }
                return (int)y;
            }
            case CellType.Count:
            {
                if (!WholeNumber(row, col, text, out var n))
                {
                    return null;
                }
                if (n < 0)
                {
                    Add(ImportRules.NegativeAmount.At(_file, row, col.Key, text));
                    return null;
                }
                return (int)n;
            }
            case CellType.Money or CellType.Fte or CellType.Percent:
            {
                if (!CellText.TryDecimal(text, out var d))
                {
                    Add(ImportRules.InvalidNumber.At(_file, row, col.Key, text));
                    return null;
                }
                if (d < 0)
                {
                    Add(ImportRules.NegativeAmount.At(_file, row, col.Key, text));
                    return null;
                }
                try
                {
                    amount = d;
                    return col.Type switch
                    {
                        CellType.Money => Money.ToFen(d * _unitFactor),
                        CellType.Fte => checked((long)decimal.Round(d * 100m, 0, MidpointRounding.AwayFromZero)),
                        _ => checked((long)decimal.Round(d * 10_000m, 0, MidpointRounding.AwayFromZero)),
                    };
                }
                catch (OverflowException)
                {
                    amount = null;
                    Add(ImportRules.InvalidNumber.At(_file, row, col.Key, text));
                    return null;
                }
            }
            case CellType.Bool:
                if (!CellText.TryBool(text, out var b))
                {
                    Add(ImportRules.InvalidBoolean.At(_file, row, col.Key, text));
                    return null;
                }
                return b;
            case CellType.Date:
                if (!CellText.TryDate(text, out var date))
                {
                    Add(ImportRules.InvalidDate.At(_file, row, col.Key, text));
                    return null;
                }
                return date;
            default:
                throw new InvalidOperationException($"no parser for {col.Type}");
        }
    }

    private bool WholeNumber(int row, ImportColumn col, string text, out long value)
    {
        value = 0;
        if (!CellText.TryDecimal(text, out var d))
        {
            Add(ImportRules.InvalidNumber.At(_file, row, col.Key, text));
            return false;
        }
        if (d != decimal.Truncate(d) || d > int.MaxValue || d < int.MinValue)
        {
            Add(ImportRules.InvalidInteger.At(_file, row, col.Key, text));
            return false;
        }
        value = (long)d;
        return true;
    }

    private int IndexOf(string key)
    {
        for (var k = 0; k < _kind.Columns.Count; k++)
        {
            if (_kind.Columns[k].Key == key)
            {
                return k;
            }
        }
        return -1;
    }

    private void CheckSplits(int row, decimal?[] amounts, string?[] texts)
    {
        foreach (var split in _kind.Splits)
        {
            var t = IndexOf(split.TotalKey);
            if (amounts[t] is not { } total)
            {
                continue;
            }
            var parts = split.PartKeys.Select(IndexOf).Select(k => amounts[k]).ToList();
            if (parts.All(p => p is null))
            {
                continue;
            }
            var sum = parts.Sum(p => p ?? 0m);
            var tolerance = Math.Max(total * 0.005m, 0.01m);
            var complete = parts.All(p => p is not null);
            // An incomplete split can only be checked one way: its parts may not exceed the total.
            if (complete ? Math.Abs(sum - total) > tolerance : sum - total > tolerance)
            {
                Add(ImportRules.SplitMismatch.At(_file, row, split.TotalKey, texts[t], split.NameZh,
                    sum.ToString(CultureInfo.InvariantCulture), split.NameEn));
            }
        }
    }

    private void CheckKindRules(int row, object?[] values, decimal?[] amounts, string?[] texts)
    {
        if (_kind == ImportKinds.Rd)
        {
            int total = IndexOf("rd_total"), revenue = IndexOf("revenue");
            if (amounts[total] is { } rd && amounts[revenue] is { } rev && rev > 0 && rd > rev * 0.5m)
            {
                Add(ImportRules.RdAboveHalfRevenue.At(_file, row, "rd_total", texts[total], texts[revenue]));
            }
            if (values[IndexOf("credit_code")] is long unit && values[IndexOf("year")] is int year && values[total] is long fen)
            {
                _rdTotals[(unit, year)] = (row, fen, _rowLeagueCity);
            }
        }
        else if (_kind == ImportKinds.DivisionFigures)
        {
            int total = IndexOf("rd_total"), gdp = IndexOf("gdp"), intensity = IndexOf("rd_intensity");
            if (amounts[total] is { } rd && amounts[gdp] is { } g && g > 0 && amounts[intensity] is { } reported)
            {
                var computed = rd / g * 100m;
                if (Math.Abs(computed - reported) > 0.05m)
                {
                    Add(ImportRules.IntensityMismatch.At(_file, row, "rd_intensity", texts[intensity],
                        decimal.Round(computed, 4).ToString(CultureInfo.InvariantCulture)));
                }
            }
        }
        else if (_kind == ImportKinds.Certifications)
        {
            int issued = IndexOf("issued"), expires = IndexOf("expires");
            if (values[issued] is DateOnly from)
            {
                if (values[expires] is DateOnly to)
                {
                    if (to < from)
                    {
                        Add(ImportRules.DateOrder.At(_file, row, "expires", texts[expires],
                            from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                    }
                }
                else if (texts[expires] is null && values[IndexOf("kind")] as string == Data.CertificationKinds.HighTech)
                {
                    // A high-tech enterprise certificate is valid for three years from its issue date.
                    values[expires] = from.AddYears(3).AddDays(-1);
                }
            }
        }
    }

    private void CheckDuplicate(int row, object?[] values, string?[] texts)
    {
        var parts = new List<string>();
        var labels = new List<string>();
        for (var k = 0; k < _kind.Columns.Count; k++)
        {
            if (!_kind.Columns[k].IsKey)
            {
                continue;
            }
            if (values[k] is null)
            {
                return;
            }
            parts.Add(Convert.ToString(values[k], CultureInfo.InvariantCulture)!);
            labels.Add($"{_kind.Columns[k].Key}={texts[k]}");
        }
        var key = string.Join('\u001f', parts);
        if (_keys.TryGetValue(key, out var first))
        {
            var k0 = _kind.Columns.ToList().FindIndex(c => c.IsKey);
            Add(ImportRules.DuplicateKey.At(_file, row, _kind.Columns[k0].Key, texts[k0], first, string.Join(", ", labels)));
        }
        else
        {
            _keys[key] = row;
        }
    }

    /// <summary>The division a row belongs to: its division column, else its unit's division, else its park's.</summary>
    private string? RowDivision(object?[] values, string?[] texts)
    {
        string? viaUnit = null, viaPark = null;
        for (var k = 0; k < _kind.Columns.Count; k++)
        {
            switch (_kind.Columns[k].Type)
            {
                case CellType.DivisionRef when values[k] is string code:
                    return code;
                case CellType.UnitRef when values[k] is long && viaUnit is null:
                    viaUnit = _refs.UnitDivision(texts[k]!.ToUpperInvariant());
                    break;
                case CellType.ParkRef when values[k] is string park && viaPark is null:
                    viaPark = _refs.ParkDivision(park);
                    break;
            }
        }
        return viaUnit ?? viaPark;
    }

    /// <summary>A scoped import (a county or city officer's) refuses every row that names a division or unit outside the scope.</summary>
    private void CheckScope(int row, object?[] values, string?[] texts)
    {
        if (_options.Scope is not { } scope)
        {
            return;
        }
        for (var k = 0; k < _kind.Columns.Count; k++)
        {
            var col = _kind.Columns[k];
            var division = col.Type switch
            {
                CellType.DivisionRef => values[k] as string,
                CellType.UnitRef when values[k] is long => _refs.UnitDivision(texts[k]!.ToUpperInvariant()),
                // An existing unit can only be changed (or moved into the scope) by whoever holds its current division.
                CellType.CreditCode when values[k] is string code => _refs.UnitDivision(code),
                // A unit's park is an attribute of the unit, not what the row writes into; parks imports are region-only.
                _ => null,
            };
            if (division is not null && !scope.Contains(division))
            {
                Add(ImportRules.OutsideScope.At(_file, row, col.Key, texts[k], division));
            }
        }
    }

    /// <summary>
    /// Records of a final county-year are locked until a region admin reopens it: a unit's record by the unit's division,
    /// a division's figures by the division itself.
    /// </summary>
    private void CheckApproval(int row, object?[] values, string?[] texts, int? year)
    {
        if (!_kind.LockedByFinalCountyYear || year is not { } y)
        {
            return;
        }
        var k = _unitRefIndex;
        var division = k >= 0
            ? values[k] is long ? _refs.UnitDivision(texts[k]!.ToUpperInvariant()) : null
            : _divisionRefIndex >= 0 ? values[_divisionRefIndex] as string : null;
        if (division is not null && _refs.IsFinal(division, y))
        {
            Add(ImportRules.CountyYearFinal.At(_file, row, "year", texts[_yearIndex], division));
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
        }
        if (warning)
        {
            c[2]++;
            _warnedRows.Add(row);
        }
    }

    /// <summary>Cross-row checks that need the whole file: the year-on-year plausibility of rd_total.</summary>
    public void Finish()
    {
        if (_kind != ImportKinds.Rd || _rdTotals.Count == 0)
        {
            return;
        }
        var stored = new Dictionary<int, IReadOnlyDictionary<long, long>>();
        foreach (var ((unit, year), (row, total, leagueCity)) in _rdTotals)
        {
            long previous;
            if (_rdTotals.TryGetValue((unit, year - 1), out var inFile))
            {
                previous = inFile.Total;
            }
            else
            {
                if (!stored.TryGetValue(year - 1, out var totals))
                {
                    stored[year - 1] = totals = _refs.RdTotals(year - 1);
                }
                if (!totals.TryGetValue(unit, out previous))
                {
                    continue;
                }
            }
            // +200 % means more than three times the previous year; −70 % less than 30 % of it.
            if (previous > 0 && (total > previous * 3 || total * 10 < previous * 3))
            {
                var change = decimal.Round(((decimal)total / previous - 1m) * 100m, 1);
                Add(ImportRules.RdJump.At(_file, row, "rd_total",
                    FormatAmount(total), FormatAmount(previous), change.ToString(CultureInfo.InvariantCulture)));
                if (_warnedRows.Add(row))
                {
                    Counts(leagueCity, year)[2]++;
                }
            }
        }
    }

    private string FormatAmount(long fen) =>
        (Money.ToYuan(fen) / _unitFactor).ToString("0.######", CultureInfo.InvariantCulture);
}

/// <summary>An import's data rows of one league/city (null = unattributed) and year (null = none): rows, error rows, warning rows.</summary>
public sealed record ImportAttribution(string? LeagueCity, int? Year, int Rows, int ErrorRows, int WarningRows);
