namespace RdInvest.Importing;

/// <summary>
/// Where a row belongs and whether it may be written there: its division (its division column, else its unit's, else
/// its park's), the scope of a county or city officer's import, and the final lock of the county-year.
/// </summary>
public sealed class RowPlacement(ImportKind kind, IImportReferences refs, IReadOnlySet<string>? scope)
{
    private readonly int _unitRefIndex = kind.Columns.ToList().FindIndex(c => c.Type == CellType.UnitRef);
    private readonly int _divisionRefIndex = kind.Columns.ToList().FindIndex(c => c.Type == CellType.DivisionRef);

    /// <summary>The one park a park administrator's import may write into; null is no park limit.</summary>
    public string? Park { get; init; }

    /// <summary>The one institution (with its branches) a financial institution's import may write records of; null is no limit.</summary>
    public string? Institution { get; init; }

    /// <summary>The division a row belongs to: its division column, else its unit's division, else its park's.</summary>
    public string? Division(KindRow row)
    {
        string? viaUnit = null, viaPark = null, viaPlatform = null;
        for (var k = 0; k < kind.Columns.Count; k++)
        {
            switch (kind.Columns[k].Type)
            {
                case CellType.DivisionRef when row.Values[k] is string code:
                    return code;
                case CellType.UnitRef when row.Values[k] is long && viaUnit is null:
                    viaUnit = refs.UnitDivision(row.Texts[k]!.ToUpperInvariant());
                    break;
                case CellType.ParkRef when row.Values[k] is string park && viaPark is null:
                    viaPark = refs.ParkDivision(park);
                    break;
                case CellType.PaymentRef when row.Values[k] is long payment && viaUnit is null:
                    viaUnit = refs.PaymentDivision(payment);
                    break;
                case CellType.PlatformRef when row.Values[k] is string platform && viaPlatform is null:
                    viaPlatform = refs.PlatformDivision(platform);
                    break;
            }
        }
        return viaUnit ?? viaPark ?? viaPlatform;
    }

    /// <summary>A scoped import (a county or city officer's) refuses every row that names a division or unit outside the scope.</summary>
    public void CheckScope(KindRow row)
    {
        CheckPark(row);
        CheckInstitution(row);
        if (scope is null)
        {
            return;
        }
        for (var k = 0; k < kind.Columns.Count; k++)
        {
            var col = kind.Columns[k];
            var division = col.Type switch
            {
                CellType.DivisionRef => row.Values[k] as string,
                CellType.UnitRef when row.Values[k] is long => refs.UnitDivision(row.Texts[k]!.ToUpperInvariant()),
                // An existing unit can only be changed (or moved into the scope) by whoever holds its current division.
                CellType.CreditCode when row.Values[k] is string code => refs.UnitDivision(code),
                // A platform's evaluation belongs to whoever holds the division of its host unit.
                CellType.PlatformRef when row.Values[k] is string platform => refs.PlatformDivision(platform),
                // A unit's park is an attribute of the unit, not what the row writes into; parks imports are region-only.
                _ => null,
            };
            if (division is not null && !scope.Contains(division))
            {
                row.Issues.Add(new(ImportRules.OutsideScope, col.Key, row.Texts[k], [division]));
            }
        }
    }

    /// <summary>
    /// A park administrator's import writes into their own park only: every park named must be theirs (a unit row must name
    /// it), and an existing unit may be changed only while it belongs to their park.
    /// </summary>
    private void CheckPark(KindRow row)
    {
        if (Park is not { } own)
        {
            return;
        }
        for (var k = 0; k < kind.Columns.Count; k++)
        {
            var col = kind.Columns[k];
            if (col.Type == CellType.ParkRef)
            {
                var named = row.Values[k] as string;
                if (named != own && (named is not null || row.Texts[k] is null))
                {
                    row.Issues.Add(new(ImportRules.OutsidePark, col.Key, row.Texts[k], [named ?? "（无）(none)", own]));
                }
            }
            else if (col.Type == CellType.CreditCode && row.Values[k] is string code && refs.UnitDivision(code) is not null
                && refs.UnitPark(code) is var current && current != own)
            {
                row.Issues.Add(new(ImportRules.OutsidePark, col.Key, row.Texts[k], [current ?? "（无）(none)", own]));
            }
        }
    }

    /// <summary>
    /// A financial institution's import writes its own records only: a loan's lender, a financing event's sponsor, and the
    /// sponsor of an existing event of the same id must each be the institution or one under it.
    /// </summary>
    private void CheckInstitution(KindRow row)
    {
        if (Institution is not { } own)
        {
            return;
        }
        var ownerKey = kind.Entity == typeof(Finance.Loan) ? "lender_code" : kind.Entity == typeof(Finance.FinancingEvent) ? "institution_code" : null;
        for (var k = 0; k < kind.Columns.Count; k++)
        {
            var col = kind.Columns[k];
            if (col.Key == ownerKey && !IsUnder(row.Values[k] as string, own))
            {
                row.Issues.Add(new(ImportRules.OutsideInstitution, col.Key, row.Texts[k], [row.Values[k] as string ?? "（无）(none)", own]));
            }
            else if (col.IsKey && kind.Entity == typeof(Finance.FinancingEvent) && row.Values[k] is string id
                && refs.FinancingInstitution(id) is (true, var sponsor) && !IsUnder(sponsor, own))
            {
                row.Issues.Add(new(ImportRules.OutsideInstitution, col.Key, row.Texts[k], [sponsor ?? "（无）(none)", own]));
            }
        }
    }

    private bool IsUnder(string? code, string institution)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = code; c is not null && seen.Add(c); c = refs.InstitutionParent(c))
        {
            if (c == institution)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Records of a final county-year are locked until a region admin reopens it (the approval policy): a unit's record by
    /// the unit's division, a division's figures by the division itself.
    /// </summary>
    public void CheckApproval(KindRow row, int? year)
    {
        if (!kind.LockedByFinalCountyYear || year is not { } y)
        {
            return;
        }
        var k = _unitRefIndex;
        var division = k >= 0
            ? row.Values[k] is long ? refs.UnitDivision(row.Texts[k]!.ToUpperInvariant()) : null
            : _divisionRefIndex >= 0 ? row.Values[_divisionRefIndex] as string : null;
        if (division is not null && refs.IsFinal(division, y))
        {
            row.Report(ImportRules.CountyYearFinal, "year", division);
        }
    }
}
