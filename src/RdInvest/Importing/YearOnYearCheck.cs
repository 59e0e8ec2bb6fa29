using System.Globalization;
using RdInvest.Common;

namespace RdInvest.Importing;

/// <summary>
/// The cross-row check of a kind with a <see cref="ImportKind.YearOnYearKey"/>: a unit's value that moves beyond
/// +200 % / −70 % from its previous year (in the same file, else stored) is a warning.
/// </summary>
public sealed class YearOnYearCheck(ImportKind kind, IImportReferences refs, decimal unitFactor)
{
    private readonly Dictionary<(long Unit, int Year), (int Row, long Value, string? LeagueCity)> _values = [];
    private readonly int _unit = kind.Columns.ToList().FindIndex(c => c.Type == CellType.UnitRef);
    private readonly int _value = kind.YearOnYearKey is { } key ? kind.IndexOf(key) : -1;

    public void Add(int row, KindRow values, int? year, string? leagueCity)
    {
        if (_value >= 0 && _unit >= 0 && values.Values[_unit] is long unit && year is { } y && values.Values[_value] is long v)
        {
            _values[(unit, y)] = (row, v, leagueCity);
        }
    }

    /// <summary>The findings, each with the row's league/city and year (for attribution).</summary>
    public IEnumerable<(ImportFinding Finding, string? LeagueCity, int Year)> Findings(string file)
    {
        var stored = new Dictionary<int, IReadOnlyDictionary<long, long>>();
        foreach (var ((unit, year), (row, total, leagueCity)) in _values)
        {
            long previous;
            if (_values.TryGetValue((unit, year - 1), out var inFile))
            {
                previous = inFile.Value;
            }
            else
            {
                if (!stored.TryGetValue(year - 1, out var totals))
                {
                    stored[year - 1] = totals = refs.RdTotals(year - 1);
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
                yield return (ImportRules.RdJump.At(file, row, kind.YearOnYearKey,
                    Format(total), Format(previous), change.ToString(CultureInfo.InvariantCulture)), leagueCity, year);
            }
        }
    }

    private string Format(long fen) => (Money.ToYuan(fen) / unitFactor).ToString("0.######", CultureInfo.InvariantCulture);
}
