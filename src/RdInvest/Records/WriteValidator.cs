using System.Globalization;
using RdInvest.Common;
using RdInvest.Importing;

namespace RdInvest.Records;

/// <summary>
/// Holds a write through the API to its kind's import rules: the same column table (<see cref="ImportKinds"/>), field
/// rules (<see cref="FieldRules"/>), splits and row rules. Fields are added by their column key; text is cleaned as a
/// cell is (trimmed, full-width folded), so what is stored exports and re-imports unchanged. Warnings of the row rules
/// are not errors here, as they are not in an import. <see cref="ThrowIfInvalid"/> answers every error at once (422).
/// </summary>
public sealed class WriteValidator
{
    private readonly KindRow _row;
    private readonly int _maxYear;

    public WriteValidator(ImportKind kind, int maxYear)
    {
        _row = new KindRow(kind);
        _maxYear = maxYear;
    }

    private ImportColumn Column(string key) => _row.Kind.Find(key) ?? throw new ArgumentException($"{_row.Kind.Name} has no column {key}", nameof(key));

    private bool Present(ImportColumn col, string? text)
    {
        if (text is not null)
        {
            return true;
        }
        if (col.Required)
        {
            _row.Issues.Add(new(ImportRules.MissingValue, col.Key, null, []));
        }
        return false;
    }

    private void Keep(ImportColumn col, string? text, object? value, decimal? amount = null)
    {
        var k = _row.Kind.IndexOf(col.Key);
        _row.Texts[k] = text;
        _row.Values[k] = value;
        _row.Amounts[k] = amount;
    }

    /// <summary>A text-typed field (text, id, choice, credit code, division, park or industry code); returns the value to store.</summary>
    public string? Text(string key, string? raw)
    {
        var col = Column(key);
        var text = CellText.Clean(raw);
        if (!Present(col, text))
        {
            return null;
        }
        var issues = _row.Issues;
        var value = col.Type switch
        {
            CellType.Choice => FieldRules.Choice(col, text!, issues),
            CellType.CreditCode or CellType.UnitRef => FieldRules.CreditCode(col, text!, issues),
            CellType.DivisionRef => FieldRules.DivisionCode(col, text!, issues),
            CellType.IndustryCode => FieldRules.IndustryCode(col, text!, issues),
            _ => FieldRules.Text(col, text!, issues),
        };
        Keep(col, text, value);
        return value;
    }

    /// <summary>A money, FTE or percent field; returns the stored integer (fen, 0.01, 0.0001 %).</summary>
    public long? Amount(string key, decimal? value)
    {
        var col = Column(key);
        var text = value?.ToString(CultureInfo.InvariantCulture);
        if (!Present(col, text))
        {
            return null;
        }
        var stored = FieldRules.Amount(_row.Kind, col, value!.Value, text!, _row.Issues);
        Keep(col, text, stored, stored is null ? null : value);
        return stored;
    }

    public int? Count(string key, int? value)
    {
        var col = Column(key);
        var text = value?.ToString(CultureInfo.InvariantCulture);
        if (!Present(col, text))
        {
            return null;
        }
        var stored = FieldRules.Count(col, value!.Value, text!, _row.Issues);
        Keep(col, text, stored);
        return stored;
    }

    public int? Year(string key, int value)
    {
        var col = Column(key);
        var text = value.ToString(CultureInfo.InvariantCulture);
        var stored = FieldRules.Year(col, value, text, _maxYear, _row.Issues);
        Keep(col, text, stored);
        return stored;
    }

    /// <summary>A finding found by the caller (an unknown division or park, say), placed with the others.</summary>
    public void Add(ImportRule rule, string key, string? value, params object?[] args) => _row.Issues.Add(new(rule, key, value, args));

    public bool HasErrors => _row.Issues.Any(i => i.Rule.Severity == Severity.Error);

    /// <summary>Runs the kind's splits and row rules, then throws <see cref="ValidationError"/> (422) when any error was found.</summary>
    public void ThrowIfInvalid()
    {
        _row.CheckRules();
        var errors = _row.Issues.Where(i => i.Rule.Severity == Severity.Error).ToList();
        if (errors.Count == 0)
        {
            return;
        }
        throw new ValidationError(errors.Select(i =>
        {
            var value = ValidationFinding.Cut(i.Value);
            var f = i.Rule.At("", 0, i.Column, value, i.Args);
            return new ValidationFinding(i.Column, value, i.Rule.Id, Cut(f.MessageZh), Cut(f.MessageEn));
        }).ToList());
    }

    // A message quotes the value; a long one is cut there too.
    private static string Cut(string message) => message.Length > 400 ? string.Concat(message.AsSpan(0, 400), "…") : message;
}
