namespace RdInvest.Importing;

/// <summary>What validation needs to know about data already stored.</summary>
public interface IImportReferences
{
    bool DivisionExists(string code);
    bool ParkExists(string id);
    /// <summary>The id of the unit with that credit code, or null.</summary>
    long? UnitId(string creditCode);
    /// <summary>Stored rd_total (fen) of every unit for a year, for the year-on-year plausibility warning.</summary>
    IReadOnlyDictionary<long, long> RdTotals(int year);
}

/// <summary>In-memory references, for tests and for checks that need no database.</summary>
public sealed class MemoryImportReferences : IImportReferences
{
    public HashSet<string> Divisions { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Parks { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, long> Units { get; } = new(StringComparer.Ordinal);
    public Dictionary<int, Dictionary<long, long>> Totals { get; } = [];

    public bool DivisionExists(string code) => Divisions.Contains(code);
    public bool ParkExists(string id) => Parks.Contains(id);
    public long? UnitId(string creditCode) => Units.TryGetValue(creditCode, out var id) ? id : null;
    public IReadOnlyDictionary<long, long> RdTotals(int year) =>
        Totals.TryGetValue(year, out var t) ? t : new Dictionary<long, long>();
}
