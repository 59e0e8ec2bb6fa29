namespace RdInvest.Importing;

/// <summary>What validation needs to know about data already stored.</summary>
public interface IImportReferences
{
    bool DivisionExists(string code);
    bool ParkExists(string id);
    bool PlatformExists(string id);
    /// <summary>The division of the unit hosting a platform, or null when unknown.</summary>
    string? PlatformDivision(string platformId);
    /// <summary>The id of the unit with that credit code, or null.</summary>
    long? UnitId(string creditCode);
    /// <summary>Stored rd_total (fen) of every unit for a year, for the year-on-year plausibility warning.</summary>
    IReadOnlyDictionary<long, long> RdTotals(int year);
    /// <summary>The division the unit with that credit code is registered in, or null when unknown (or not loaded).</summary>
    string? UnitDivision(string creditCode);
    /// <summary>The division of a park, or null when unknown.</summary>
    string? ParkDivision(string parkId);
    /// <summary>The park of the unit with that credit code (null when it has none, or is unknown or not loaded).</summary>
    string? UnitPark(string creditCode);
    /// <summary>Whether an incentive payment with that id exists (loaded for kinds that name payments).</summary>
    bool PaymentExists(long id);
    /// <summary>The division of the unit a payment was paid to, or null when unknown.</summary>
    string? PaymentDivision(long id);
    /// <summary>The league/city a division belongs to (itself for a league/city, its parent for a county); null for the region or an unknown code.</summary>
    string? LeagueCityOf(string divisionCode);
    /// <summary>Whether the county-year (approval keyed by the unit's division) is final, hence locked.</summary>
    bool IsFinal(string divisionCode, int year);
    /// <summary>The years of each unit's records and whether each record is final, for the units asked.</summary>
    IReadOnlyDictionary<long, IReadOnlyList<(int Year, bool Final)>> RecordYears(IReadOnlyCollection<long> unitIds);
    /// <summary>The kind of the financial institution with that code, or null when there is none.</summary>
    string? InstitutionKind(string code);
    /// <summary>The bank an institution belongs to (its parent), or null.</summary>
    string? InstitutionParent(string code) => null;
    /// <summary>Whether a financing event with that id exists, and its sponsor (null when it names none).</summary>
    (bool Exists, string? Institution) FinancingInstitution(string eventId) => (false, null);
}

/// <summary>In-memory references, for tests and for checks that need no database.</summary>
public sealed class MemoryImportReferences : IImportReferences
{
    public HashSet<string> Divisions { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Parks { get; } = new(StringComparer.Ordinal);
    /// <summary>Platform id → division of its host unit.</summary>
    public Dictionary<string, string> Platforms { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, long> Units { get; } = new(StringComparer.Ordinal);
    public Dictionary<int, Dictionary<long, long>> Totals { get; } = [];
    /// <summary>Credit code → division of the unit.</summary>
    public Dictionary<string, string> UnitDivisions { get; } = new(StringComparer.Ordinal);
    /// <summary>Park id → division of the park.</summary>
    public Dictionary<string, string> ParkDivisions { get; } = new(StringComparer.Ordinal);
    /// <summary>Division → its league/city; a code not listed maps by GB/T 2260 (first four digits + 00; none for xx0000).</summary>
    public Dictionary<string, string?> LeagueCities { get; } = new(StringComparer.Ordinal);
    public HashSet<(string Division, int Year)> Final { get; } = [];
    /// <summary>Credit code → park of the unit.</summary>
    public Dictionary<string, string> UnitParks { get; } = new(StringComparer.Ordinal);
    /// <summary>Payment id → division of the unit paid.</summary>
    public Dictionary<long, string> Payments { get; } = [];

    public string? UnitPark(string creditCode) => UnitParks.GetValueOrDefault(creditCode);
    public bool PaymentExists(long id) => Payments.ContainsKey(id);
    public string? PaymentDivision(long id) => Payments.GetValueOrDefault(id);

    public bool DivisionExists(string code) => Divisions.Contains(code);
    public bool ParkExists(string id) => Parks.Contains(id);
    public bool PlatformExists(string id) => Platforms.ContainsKey(id);
    public string? PlatformDivision(string platformId) => Platforms.GetValueOrDefault(platformId);
    public long? UnitId(string creditCode) => Units.TryGetValue(creditCode, out var id) ? id : null;
    public IReadOnlyDictionary<long, long> RdTotals(int year) =>
        Totals.TryGetValue(year, out var t) ? t : new Dictionary<long, long>();
    public string? UnitDivision(string creditCode) => UnitDivisions.GetValueOrDefault(creditCode);
    public string? ParkDivision(string parkId) => ParkDivisions.GetValueOrDefault(parkId);

    public string? LeagueCityOf(string divisionCode) =>
        LeagueCities.TryGetValue(divisionCode, out var l) ? l
        : divisionCode.Length != 6 || divisionCode.EndsWith("0000", StringComparison.Ordinal) ? null
        : string.Concat(divisionCode.AsSpan(0, 4), "00");

    public bool IsFinal(string divisionCode, int year) => Final.Contains((divisionCode, year));

    /// <summary>Unit id → its records' years and whether each is final.</summary>
    public Dictionary<long, List<(int Year, bool Final)>> Records { get; } = [];

    public IReadOnlyDictionary<long, IReadOnlyList<(int Year, bool Final)>> RecordYears(IReadOnlyCollection<long> unitIds) =>
        unitIds.Where(Records.ContainsKey).Distinct().ToDictionary(id => id, id => (IReadOnlyList<(int, bool)>)Records[id]);

    /// <summary>Institution code → its kind.</summary>
    public Dictionary<string, string> Institutions { get; } = new(StringComparer.Ordinal);

    public string? InstitutionKind(string code) => Institutions.GetValueOrDefault(code);
}
