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
            case CellType.InstitutionRef:
                return Institution(col, text, issues);
            case CellType.Rate:
                return Rate(col, text, issues, out amount);
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

    /// <summary>
    /// A financial institution's code: well-formed, and stored unless the kind is the institutions' own (whose parent may
    /// come in the same file: <see cref="InstitutionParentCheck"/> checks it after the rows). A guarantor must be a guarantee institution.
    /// </summary>
    private string? Institution(ImportColumn col, string text, List<FieldIssue> issues)
    {
        if (FieldRules.CreditCode(col, text, issues) is not { } code)
        {
            return null;
        }
        if (kind.Entity == typeof(Finance.FinancialInstitution))
        {
            return code;
        }
        if (refs.InstitutionKind(code) is not { } found)
        {
            issues.Add(new(ImportRules.UnknownInstitution, col.Key, text, []));
            return null;
        }
        if (col.Key == "guarantor_code" && found != Finance.InstitutionKinds.Guarantee)
        {
            issues.Add(new(ImportRules.InstitutionKindMismatch, col.Key, text, [found, Finance.InstitutionKinds.Guarantee]));
            return null;
        }
        return code;
    }

    /// <summary>An annual rate: "4.35%" is a percent, "0.0435" a fraction; a bare number above 1 is ambiguous and refused.</summary>
    private long? Rate(ImportColumn col, string text, List<FieldIssue> issues, out decimal? amount)
    {
        amount = null;
        var percent = text.TrimEnd().EndsWith('%');
        if (!CellText.TryDecimal(text, out var d))
        {
            issues.Add(new(ImportRules.InvalidNumber, col.Key, text, []));
            return null;
        }
        if (!percent && d > 1m)
        {
            issues.Add(new(ImportRules.InvalidRate, col.Key, text, []));
            return null;
        }
        var value = percent ? d : d * 100m;
        if (value > FieldRules.MaxPercent)
        {
            issues.Add(new(ImportRules.InvalidRate, col.Key, text, []));
            return null;
        }
        var stored = FieldRules.Amount(kind, col, value, text, issues);
        amount = stored is null ? null : value;
        return stored;
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
