namespace RdInvest.Importing;

/// <summary>How a cell is read, checked and stored.</summary>
public enum CellType
{
    /// <summary>Free text.</summary>
    Text,
    /// <summary>One of <see cref="ImportColumn.Choices"/>.</summary>
    Choice,
    /// <summary>Unified social credit code of a new unit (GB 32100).</summary>
    CreditCode,
    /// <summary>Credit code of an existing unit; stored as the unit's id.</summary>
    UnitRef,
    /// <summary>Existing 6-digit division code (GB/T 2260).</summary>
    DivisionRef,
    /// <summary>Existing park id.</summary>
    ParkRef,
    /// <summary>Id of an existing incentive payment (奖补发放记录); stored as the id.</summary>
    PaymentRef,
    /// <summary>GB/T 4754 industry code: a section letter and up to 4 digits (C, C38, C3811).</summary>
    IndustryCode,
    /// <summary>Identifier text (park id, project id, certificate number).</summary>
    Id,
    Year,
    /// <summary>Money in the file's unit, stored as integer fen.</summary>
    Money,
    /// <summary>Non-negative whole number.</summary>
    Count,
    /// <summary>Person-years to 0.01, stored × 100.</summary>
    Fte,
    /// <summary>Percent to 0.0001, stored × 10^4.</summary>
    Percent,
    Bool,
    Date,
    /// <summary>Code of an existing financial institution (or, for a parent, one in the same file).</summary>
    InstitutionRef,
    /// <summary>An annual rate, a fraction (0.0435) or a percent (4.35%); stored as percent × 10^4 like <see cref="Percent"/>.</summary>
    Rate,
    /// <summary>Existing platform id.</summary>
    PlatformRef,
    /// <summary>A score out of 100 to 0.01, stored × 100.</summary>
    Score,
}

/// <summary>
/// One column of a kind: the single definition that drives parsing, validation messages, templates,
/// exports and docs/data-contract.md.
/// </summary>
/// <param name="Key">English key: the contract, and the default header.</param>
/// <param name="LabelZh">Chinese label, accepted as header like the key.</param>
/// <param name="Type">How the cell is read and checked.</param>
/// <param name="Property">Entity property it is stored in; for <see cref="CellType.UnitRef"/> the unit-id property.</param>
/// <param name="MeaningZh">What the column means, for docs and templates.</param>
/// <param name="MeaningEn">The same in English.</param>
public sealed record ImportColumn(
    string Key, string LabelZh, CellType Type, string Property, string MeaningZh, string MeaningEn)
{
    public bool Required { get; init; }
    /// <summary>Part of the record's natural key (one record per key in a file and in the database).</summary>
    public bool IsKey { get; init; }
    public int MaxLength { get; init; } = 200;
    /// <summary>A money ceiling (yuan) of this column above its kind's <see cref="ImportKind.MaxMoney"/>.</summary>
    public decimal? MaxAmount { get; init; }
    public IReadOnlyList<string>? Choices { get; init; }
    /// <summary>Example value for the template, in the template's unit (万元 for money).</summary>
    public string Example { get; init; } = "";

    public string UnitZh(Common.MoneyUnit unit) => Type switch
    {
        CellType.Money => Common.Money.UnitLabel(unit),
        CellType.Percent or CellType.Rate => "%",
        CellType.Fte => "人年",
        CellType.Count => "个",
        CellType.Score => "分",
        _ => "",
    };

    /// <summary>The Chinese header: label plus unit, e.g. <c>R&amp;D经费内部支出(万元)</c>; the importer accepts either.</summary>
    public string HeaderZh(Common.MoneyUnit unit) =>
        Type is CellType.Money or CellType.Percent ? $"{LabelZh}({UnitZh(unit)})" : LabelZh;
}

/// <summary>A split of rd_total that must add up to it (by source, by type, by cost).</summary>
public sealed record SplitRule(string NameZh, string NameEn, string TotalKey, IReadOnlyList<string> PartKeys);

/// <summary>A kind of file: its columns, key and cross-column rules.</summary>
public sealed record ImportKind(string Name, string TitleZh, string TitleEn, Type Entity, IReadOnlyList<ImportColumn> Columns)
{
    public IReadOnlyList<SplitRule> Splits { get; init; } = [];
    /// <summary>The kind's own checks of one row (besides its splits), run by the import and by API writes alike.</summary>
    public IReadOnlyList<Action<KindRow>> RowRules { get; init; } = [];
    /// <summary>The largest money value of a row (yuan), so fen sums cannot overflow (<see cref="Common.Bounds"/>).</summary>
    public decimal MaxMoney { get; init; } = Common.Bounds.MaxUnitMoney;
    /// <summary>A money column whose change from the unit's previous year is checked across rows (a warning beyond +200 % / −70 %).</summary>
    public string? YearOnYearKey { get; init; }
    /// <summary>Columns stored even when the file lacks them (their value is derived by a row rule).</summary>
    public IReadOnlyList<string> AlwaysStaged { get; init; } = [];
    /// <summary>Values for non-null columns the file does not carry, set on insert only.</summary>
    public IReadOnlyDictionary<string, object> InsertDefaults { get; init; } = new Dictionary<string, object>();
    /// <summary>How export filters by division: the SQL expression naming the division code of a row.</summary>
    public required ExportDivisionPath DivisionPath { get; init; }
    /// <summary>
    /// Its records follow the approval workflow of their county-year (二(五)16, ApprovalPolicy): rows of a final
    /// county-year are refused, and inserted or updated records take the county-year's current status.
    /// </summary>
    public bool FollowsApproval { get; init; }

    /// <summary>
    /// Rows of a final (locked) county-year are refused, without taking its status: a county's published figures are part
    /// of its data for the year (二(五)16), as they are for writes through the API. True for every kind that follows approval.
    /// </summary>
    public bool LockedByFinalCountyYear { get => field || FollowsApproval; init; }

    /// <summary>
    /// Rows may move an existing unit to another division (its <c>division_code</c>); a move is refused while a county-year
    /// of the unit's records, in the old division or the new one, is final (the approval policy), as through the API.
    /// </summary>
    public bool LocksUnitMoves { get; init; }

    /// <summary>A date column that stands for the year of a kind without one: <c>export --year</c> selects by it.</summary>
    public string? YearDateKey { get; init; }

    public ImportColumn? Find(string key) => Columns.FirstOrDefault(c => c.Key == key);

    /// <summary>The position of a column, or −1.</summary>
    public int IndexOf(string key)
    {
        for (var k = 0; k < Columns.Count; k++)
        {
            if (Columns[k].Key == key)
            {
                return k;
            }
        }
        return -1;
    }
    public IEnumerable<ImportColumn> KeyColumns => Columns.Where(c => c.IsKey);
}

public enum ExportDivisionPath
{
    /// <summary>The row's own DivisionCode.</summary>
    Self,
    /// <summary>The DivisionCode of the unit in its first unit reference.</summary>
    Unit,
    /// <summary>The DivisionCode of its park.</summary>
    Park,
    /// <summary>The DivisionCode of the unit its payment was paid to.</summary>
    Payment,
    /// <summary>The DivisionCode of the unit hosting its platform.</summary>
    Platform,
}
