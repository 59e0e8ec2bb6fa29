using System.Data.Common;
using RdInvest.Data;

namespace RdInvest.Importing;

/// <summary>
/// References read once per import inside its transaction: divisions and parks (small), and for kinds that
/// name units, every unit's credit code and id (about 100 MB for a million units, well within budget and
/// far cheaper than a query per row).
/// </summary>
public sealed class DbImportReferences : IImportReferences
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly KindTable _rd;
    private readonly HashSet<string> _divisions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _parks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _units = new(StringComparer.Ordinal);

    private DbImportReferences(DbConnection connection, DbTransaction transaction, KindTable rd)
    {
        _connection = connection;
        _transaction = transaction;
        _rd = rd;
    }

    public static async Task<DbImportReferences> LoadAsync(
        RdInvestDb db, DbConnection connection, DbTransaction transaction, ImportKind kind, CancellationToken ct)
    {
        var refs = new DbImportReferences(connection, transaction, KindTable.For(db, typeof(UnitRdRecord)));
        var types = kind.Columns.Select(c => c.Type).ToHashSet();
        if (types.Contains(CellType.DivisionRef))
        {
            var t = KindTable.For(db, typeof(Division));
            await refs.ReadAsync($"SELECT {Q(t.Column(nameof(Division.Code)))} FROM {Q(t.Table)}",
                r => refs._divisions.Add(r.GetString(0)), ct);
        }
        if (types.Contains(CellType.ParkRef))
        {
            var t = KindTable.For(db, typeof(Park));
            await refs.ReadAsync($"SELECT {Q(t.Column(nameof(Park.Id)))} FROM {Q(t.Table)}",
                r => refs._parks.Add(r.GetString(0)), ct);
        }
        if (types.Contains(CellType.UnitRef))
        {
            var t = KindTable.For(db, typeof(ReportingUnit));
            await refs.ReadAsync($"SELECT {Q(t.Column(nameof(ReportingUnit.CreditCode)))}, {Q(t.Column(nameof(ReportingUnit.Id)))} FROM {Q(t.Table)}",
                r => refs._units[r.GetString(0)] = r.GetInt64(1), ct);
        }
        return refs;
    }

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

    public bool DivisionExists(string code) => _divisions.Contains(code);
    public bool ParkExists(string id) => _parks.Contains(id);
    public long? UnitId(string creditCode) => _units.TryGetValue(creditCode, out var id) ? id : null;

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
