using System.Data.Common;
using RdInvest.Data;

namespace RdInvest.Importing;

/// <summary>
/// References read once per import inside its transaction: divisions with their league/city and parks with their
/// division (small, always: every row is attributed to a league/city), the final county-years for kinds whose records
/// follow the approval workflow, and for kinds that name units (or scoped unit imports), every unit's credit code,
/// id and division (about 100 MB for a million units, well within budget and far cheaper than a query per row).
/// </summary>
public sealed class DbImportReferences : IImportReferences
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly KindTable _rd;
    // Division code → its league/city (null for the region); _codes keeps one string per code, so a million units
    // share a hundred division strings.
    private readonly Dictionary<string, string?> _divisions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _parks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Id, string Division, string? Park)> _units = new(StringComparer.Ordinal);
    private readonly Dictionary<long, string> _payments = [];
    private readonly Dictionary<string, string> _parkIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _platforms = new(StringComparer.Ordinal);
    private readonly HashSet<(string Division, int Year)> _final = [];
    private readonly Dictionary<string, string> _institutions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _parents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _financing = new(StringComparer.Ordinal);

    private DbImportReferences(DbConnection connection, DbTransaction transaction, KindTable rd)
    {
        _connection = connection;
        _transaction = transaction;
        _rd = rd;
    }

    /// <summary>Loads the references a kind needs; <c>unitsForScope</c> loads the units even when the kind names none
    /// (a scoped units import checks who holds an existing unit).</summary>
    public static async Task<DbImportReferences> LoadAsync(
        RdInvestDb db, DbConnection connection, DbTransaction transaction, ImportKind kind, CancellationToken ct, bool unitsForScope = false)
    {
        var refs = new DbImportReferences(connection, transaction, KindTable.For(db, typeof(UnitRdRecord)));
        var types = kind.Columns.Select(c => c.Type).ToHashSet();
        var d = KindTable.For(db, typeof(Division));
        var levels = new List<(string Code, string Level, string? Parent)>();
        await refs.ReadAsync($"SELECT {Q(d.Column(nameof(Division.Code)))}, {Q(d.Column(nameof(Division.Level)))}, {Q(d.Column(nameof(Division.ParentCode)))} FROM {Q(d.Table)}",
            r => levels.Add((r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2))), ct);
        foreach (var (code, level, parent) in levels)
        {
            refs._codes[code] = code;
            refs._divisions[code] = level switch
            {
                DivisionLevels.LeagueCity => code,
                DivisionLevels.County => parent,
                _ => null,
            };
        }
        var p = KindTable.For(db, typeof(Park));
        await refs.ReadAsync($"SELECT {Q(p.Column(nameof(Park.Id)))}, {Q(p.Column(nameof(Park.DivisionCode)))} FROM {Q(p.Table)}",
            r => refs._parks[r.GetString(0)] = refs.Canonical(r.GetString(1)), ct);
        if (types.Contains(CellType.UnitRef) || unitsForScope || kind.LocksUnitMoves)
        {
            var t = KindTable.For(db, typeof(ReportingUnit));
            await refs.ReadAsync($"SELECT {Q(t.Column(nameof(ReportingUnit.CreditCode)))}, {Q(t.Column(nameof(ReportingUnit.Id)))}, {Q(t.Column(nameof(ReportingUnit.DivisionCode)))}, {Q(t.Column(nameof(ReportingUnit.ParkId)))} FROM {Q(t.Table)}",
                r => refs._units[r.GetString(0)] = (r.GetInt64(1), refs.Canonical(r.GetString(2)), r.IsDBNull(3) ? null : refs.ParkKey(r.GetString(3))), ct);
        }
        if (types.Contains(CellType.PaymentRef))
        {
            var pay = KindTable.For(db, typeof(IncentivePayment));
            var u = KindTable.For(db, typeof(ReportingUnit));
            await refs.ReadAsync($"SELECT p.{Q(pay.Column(nameof(IncentivePayment.Id)))}, u.{Q(u.Column(nameof(ReportingUnit.DivisionCode)))} FROM {Q(pay.Table)} p " +
                $"JOIN {Q(u.Table)} u ON u.{Q(u.Column(nameof(ReportingUnit.Id)))} = p.{Q(pay.Column(nameof(IncentivePayment.UnitId)))}",
                r => refs._payments[r.GetInt64(0)] = refs.Canonical(r.GetString(1)), ct);
        }
        if (types.Contains(CellType.PlatformRef))
        {
            var pl = KindTable.For(db, typeof(Platforms.Platform));
            var u = KindTable.For(db, typeof(ReportingUnit));
            await refs.ReadAsync($"SELECT pl.{Q(pl.Column(nameof(Platforms.Platform.Id)))}, u.{Q(u.Column(nameof(ReportingUnit.DivisionCode)))} " +
                $"FROM {Q(pl.Table)} pl JOIN {Q(u.Table)} u ON u.{Q(u.Column(nameof(ReportingUnit.Id)))} = pl.{Q(pl.Column(nameof(Platforms.Platform.HostUnitId)))}",
                r => refs._platforms[r.GetString(0)] = refs.Canonical(r.GetString(1)), ct);
        }
        if (types.Contains(CellType.InstitutionRef))
        {
            var f = KindTable.For(db, typeof(Finance.FinancialInstitution));
            await refs.ReadAsync($"SELECT {Q(f.Column(nameof(Finance.FinancialInstitution.Code)))}, {Q(f.Column(nameof(Finance.FinancialInstitution.Kind)))}, {Q(f.Column(nameof(Finance.FinancialInstitution.ParentCode)))} FROM {Q(f.Table)}",
                r =>
                {
                    refs._institutions[r.GetString(0)] = r.GetString(1);
                    refs._parents[r.GetString(0)] = r.IsDBNull(2) ? null : r.GetString(2);
                }, ct);
        }
        if (kind.Entity == typeof(Finance.FinancingEvent))
        {
            var e = KindTable.For(db, typeof(Finance.FinancingEvent));
            await refs.ReadAsync($"SELECT {Q(e.Column(nameof(Finance.FinancingEvent.Id)))}, {Q(e.Column(nameof(Finance.FinancingEvent.InstitutionCode)))} FROM {Q(e.Table)}",
                r => refs._financing[r.GetString(0)] = r.IsDBNull(1) ? null : r.GetString(1), ct);
        }
        if (kind.LockedByFinalCountyYear || kind.LocksUnitMoves)
        {
            await refs.ReadAsync(Approval.ApprovalPolicy.FinalCountyYearsSql(db),
                r => refs._final.Add((r.GetString(0), r.GetInt32(1))), ct);
        }
        return refs;
    }

    private string Canonical(string code) => _codes.TryGetValue(code, out var c) ? c : code;

    /// <summary>One string per park id, so a million units share the parks' strings.</summary>
    private string ParkKey(string id) => _parkIds.TryGetValue(id, out var k) ? k : _parkIds[id] = id;

    private static string Q(string name) => IBulkLoader.Quote(name);

    private async Task ReadAsync(string sql, Action<DbDataReader> row, CancellationToken ct)
    {
        await using var cmd = _connection.CreateCommand();
        cmd.Transaction = _transaction;
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            row(reader);
        }
    }

    public bool DivisionExists(string code) => _divisions.ContainsKey(code);
    public bool ParkExists(string id) => _parks.ContainsKey(id);
    public bool PlatformExists(string id) => _platforms.ContainsKey(id);
    public string? PlatformDivision(string platformId) => _platforms.GetValueOrDefault(platformId);
    public long? UnitId(string creditCode) => _units.TryGetValue(creditCode, out var u) ? u.Id : null;
    public string? UnitDivision(string creditCode) => _units.TryGetValue(creditCode, out var u) ? u.Division : null;
    public string? ParkDivision(string parkId) => _parks.GetValueOrDefault(parkId);
    public string? UnitPark(string creditCode) => _units.TryGetValue(creditCode, out var u) ? u.Park : null;
    public bool PaymentExists(long id) => _payments.ContainsKey(id);
    public string? PaymentDivision(long id) => _payments.GetValueOrDefault(id);
    public string? LeagueCityOf(string divisionCode) => _divisions.GetValueOrDefault(divisionCode);
    public bool IsFinal(string divisionCode, int year) => _final.Contains((divisionCode, year));
    public string? InstitutionKind(string code) => _institutions.GetValueOrDefault(code);
    public string? InstitutionParent(string code) => _parents.GetValueOrDefault(code);
    public (bool Exists, string? Institution) FinancingInstitution(string eventId) =>
        _financing.TryGetValue(eventId, out var i) ? (true, i) : (false, null);

    public IReadOnlyDictionary<long, IReadOnlyList<(int Year, bool Final)>> RecordYears(IReadOnlyCollection<long> unitIds)
    {
        var result = new Dictionary<long, List<(int, bool)>>();
        foreach (var chunk in unitIds.Distinct().Chunk(500))
        {
            using var cmd = _connection.CreateCommand();
            cmd.Transaction = _transaction;
            // Ids are integers from the database, so they are written into the list directly.
            cmd.CommandText = $"SELECT {Q(_rd.Column(nameof(UnitRdRecord.UnitId)))}, {Q(_rd.Column(nameof(UnitRdRecord.Year)))}, " +
                $"{Q(_rd.Column(nameof(UnitRdRecord.Status)))} FROM {Q(_rd.Table)} WHERE {Q(_rd.Column(nameof(UnitRdRecord.UnitId)))} IN " +
                $"({string.Join(", ", chunk.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                if (!result.TryGetValue(id, out var years))
                {
                    result[id] = years = [];
                }
                years.Add((reader.GetInt32(1), reader.GetString(2) == DataStatuses.Final));
            }
        }
        return result.ToDictionary(p => p.Key, p => (IReadOnlyList<(int, bool)>)p.Value);
    }

    public IReadOnlyDictionary<long, long> RdTotals(int year)
    {
        var totals = new Dictionary<long, long>();
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = _transaction;
        cmd.CommandText = $"SELECT {Q(_rd.Column(nameof(UnitRdRecord.UnitId)))}, {Q(_rd.Column(nameof(UnitRdRecord.RdTotalFen)))} " +
            $"FROM {Q(_rd.Table)} WHERE {Q(_rd.Column(nameof(UnitRdRecord.Year)))} = @year";
        var p = cmd.CreateParameter();
        p.ParameterName = "@year";
        p.Value = year;
        cmd.Parameters.Add(p);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            totals[reader.GetInt64(0)] = reader.GetInt64(1);
        }
        return totals;
    }
}
