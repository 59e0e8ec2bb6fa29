using System.Globalization;

namespace RdInvest.Importing;

/// <summary>
/// Reads one cleaned cell into the value to store, by the column's type, then holds it to the field's rules
/// (<see cref="FieldRules"/>, shared with API writes). References (units, divisions, parks) are looked up in
/// <see cref="IImportReferences"/>. Issues go to the row; the returned value is null when the cell is refused.
/// </summary>
public sealed class CellParser(ImportKind kind, IImportReferences refs, decimal unitFactor, int maxYear)
{
    public object? Parse(ImportColumn col, string text, List<FieldIssue> issues, out decimal? amount)
    {
        amount = null;
        switch (col.Type)
        {
            case CellType.Text or CellType.Id:
                return FieldRules.Text(col, text, issues);
            case CellType.Choice:
                return FieldRules.Choice(col, text, issues);
            case CellType.CreditCode:
                return FieldRules.CreditCode(col, text, issues);
            case CellType.UnitRef:
            {
                if (FieldRules.CreditCode(col, text, issues) is not { } code)
                {
                    return null;
                }
                if (refs.UnitId(code) is { } id)
                {
                    return id;
                }
                issues.Add(new(ImportRules.UnknownUnit, col.Key, text, []));
                return null;
            }
            case CellType.DivisionRef:
                if (FieldRules.DivisionCode(col, text, issues) is null)
                {
                    return null;
                }
                if (!refs.DivisionExists(text))
                {
                    issues.Add(new(ImportRules.UnknownDivision, col.Key, text, []));
                    return null;
                }
                return text;
            case CellType.ParkRef:
                if (FieldRules.Text(col, text, issues) is null)
                {
                    return null;
                }
                if (!refs.ParkExists(text))
                {
                    issues.Add(new(ImportRules.UnknownPark, col.Key, text, []));
                    return null;
                }
                return text;
            case CellType.PaymentRef:
                if (!WholeNumber(col, text, issues, out var paymentId))
                {
                    return null;
                }
                if (!refs.PaymentExists(paymentId))
                {
                    issues.Add(new(ImportRules.UnknownPayment, col.Key, text, []));
                    return null;
                }
                return paymentId;
            case CellType.PlatformRef:
                if (FieldRules.Text(col, text, issues) is null)
                {
                    return null;
                }
                if (!refs.PlatformExists(text))
                {
                    issues.Add(new(ImportRules.UnknownPlatform, col.Key, text, []));
                    return null;
                }
                return text;
            case CellType.IndustryCode:
                return FieldRules.IndustryCode(col, text, issues);
            case CellType.Year:
                return WholeNumber(col, text, issues, out var y) ? FieldRules.Year(col, y, text, maxYear, issues) : null;
            case CellType.Count:
                return WholeNumber(col, text, issues, out var n) ? FieldRules.Count(col, n, text, issues) : null;
            case CellType.Money or CellType.Fte or CellType.Percent or CellType.Score:
            {
                if (!CellText.TryDecimal(text, out var d))
                {
                    issues.Add(new(ImportRules.InvalidNumber, col.Key, text, []));
                    return null;
                }
                decimal value;
                try
                {
                    value = col.Type == CellType.Money ? d * unitFactor : d;
                }
                catch (OverflowException)
                {
                    issues.Add(new(ImportRules.AboveMaximum, col.Key, text, [kind.MaxMoney.ToString("0.##", CultureInfo.InvariantCulture) + " 元 yuan"]));
                    return null;
                }
                var stored = FieldRules.Amount(kind, col, value, text, issues);
                amount = stored is null ? null : d;
                return stored;
            }
            case CellType.Bool:
                if (!CellText.TryBool(text, out var b))
                {
                    issues.Add(new(ImportRules.InvalidBoolean, col.Key, text, []));
                    return null;
                }
                return b;
            case CellType.Date:
                if (!CellText.TryDate(text, out var date))
                {
                    issues.Add(new(ImportRules.InvalidDate, col.Key, text, []));
                    return null;
                }
                return date;
            default:
                throw new InvalidOperationException($"no parser for {col.Type}");
        }
    }

    private static bool WholeNumber(ImportColumn col, string text, List<FieldIssue> issues, out long value)
    {
        value = 0;
        if (!CellText.TryDecimal(text, out var d))
        {
            issues.Add(new(ImportRules.InvalidNumber, col.Key, text, []));
            return false;
        }
        if (d != decimal.Truncate(d) || d > int.MaxValue || d < int.MinValue)
        {
            issues.Add(new(ImportRules.InvalidInteger, col.Key, text, []));
            return false;
        }
        value = (long)d;
        return true;
    }
}
