using Microsoft.EntityFrameworkCore;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Importing;

namespace RdInvest.Approval;

/// <summary>
/// The one rule of who may write what under the approval of 二(五)16, with a LINQ face (API writes, transitions) and an
/// SQL face (imports, set-based). A county-year's status is its approval row's; without a row it is final when any
/// unit record of the county-year is final (data loaded final, such as published history), else draft. A final
/// county-year is locked — its records, its division's published figures and its units' moves — until a region admin
/// reopens it; a record that is itself final is locked too. A record written into an open county-year takes its status.
/// </summary>
public static class ApprovalPolicy
{
    /// <summary>The county-year's status (LINQ face).</summary>
    public static async Task<string> StatusAsync(RdInvestDb db, string division, int year, CancellationToken ct)
    {
        var row = await db.Approvals.AsNoTracking().Where(a => a.CountyCode == division && a.Year == year).Select(a => a.Status).FirstOrDefaultAsync(ct);
        if (row is not null)
        {
            return row;
        }
        var anyFinal = await db.RdRecords.AsNoTracking().AnyAsync(r => r.Year == year && r.Status == DataStatuses.Final
            && db.Units.Any(u => u.Id == r.UnitId && u.DivisionCode == division), ct);
        return anyFinal ? DataStatuses.Final : DataStatuses.Draft;
    }

    public static bool IsLocked(string status) => status == DataStatuses.Final;

    /// <summary>
    /// The status a record of the county-year written now takes; a locked county-year, or a record that is itself final
    /// (<paramref name="recordStatus"/>), is a 409 carrying <paramref name="current"/>.
    /// </summary>
    public static async Task<string> WritableStatusAsync(RdInvestDb db, string division, int year, CancellationToken ct,
        object? current = null, string? recordStatus = null)
    {
        var status = await StatusAsync(db, division, year, ct);
        if (IsLocked(status) || recordStatus is { } own && IsLocked(own))
        {
            throw Locked(division, year, current);
        }
        return status;
    }

    public static ConflictError Locked(string division, int year, object? current) =>
        new($"{division} 的 {year} 年数据已审定并锁定；需由自治区管理员退回（重新开放）后才能修改",
            $"{division}'s {year} data is final and locked; a region admin must reopen it before it can change", current);

    private static string Q(string name) => IBulkLoader.Quote(name);

    /// <summary>
    /// The locked county-years (SQL face): a query of (division code, year) rows — approval rows that are final, and
    /// county-years without an approval row that hold a final record.
    /// </summary>
    public static string FinalCountyYearsSql(RdInvestDb db)
    {
        var (a, r, u) = Tables(db);
        string A(string p) => Q(a.Column(p));
        string R(string p) => Q(r.Column(p));
        string U(string p) => Q(u.Column(p));
        return $"SELECT {A(nameof(CountyApproval.CountyCode))}, {A(nameof(CountyApproval.Year))} FROM {Q(a.Table)} " +
            $"WHERE {A(nameof(CountyApproval.Status))} = '{DataStatuses.Final}' " +
            $"UNION SELECT u.{U(nameof(ReportingUnit.DivisionCode))}, r.{R(nameof(UnitRdRecord.Year))} FROM {Q(r.Table)} r " +
            $"JOIN {Q(u.Table)} u ON u.{U(nameof(ReportingUnit.Id))} = r.{R(nameof(UnitRdRecord.UnitId))} " +
            $"WHERE r.{R(nameof(UnitRdRecord.Status))} = '{DataStatuses.Final}' AND NOT EXISTS (SELECT 1 FROM {Q(a.Table)} a " +
            $"WHERE a.{A(nameof(CountyApproval.CountyCode))} = u.{U(nameof(ReportingUnit.DivisionCode))} AND a.{A(nameof(CountyApproval.Year))} = r.{R(nameof(UnitRdRecord.Year))})";
    }

    /// <summary>
    /// The status a record written into an open county-year takes (SQL face), over SQL expressions of its division and
    /// year: the approval row's, else draft (an open county-year without a row holds no final record).
    /// </summary>
    public static string OpenStatusSql(RdInvestDb db, string divisionSql, string yearSql)
    {
        var (a, _, _) = Tables(db);
        return $"COALESCE((SELECT a.{Q(a.Column(nameof(CountyApproval.Status)))} FROM {Q(a.Table)} a " +
            $"WHERE a.{Q(a.Column(nameof(CountyApproval.CountyCode)))} = {divisionSql} AND a.{Q(a.Column(nameof(CountyApproval.Year)))} = {yearSql}), " +
            $"'{DataStatuses.Draft}')";
    }

    /// <summary>
    /// <see cref="OpenStatusSql"/> for the stage row <c>s</c> of a unit record import: its unit's division, so a unit
    /// registered directly at a league/city follows that code's approval row as API writes do.
    /// </summary>
    public static string StagedRecordStatusSql(RdInvestDb db)
    {
        var (_, r, u) = Tables(db);
        var division = $"(SELECT u.{Q(u.Column(nameof(ReportingUnit.DivisionCode)))} FROM {Q(u.Table)} u " +
            $"WHERE u.{Q(u.Column(nameof(ReportingUnit.Id)))} = s.{Q(r.Column(nameof(UnitRdRecord.UnitId)))})";
        return OpenStatusSql(db, division, $"s.{Q(r.Column(nameof(UnitRdRecord.Year)))}");
    }

    private static (KindTable Approvals, KindTable Records, KindTable Units) Tables(RdInvestDb db) =>
        (KindTable.For(db, typeof(CountyApproval)), KindTable.For(db, typeof(UnitRdRecord)), KindTable.For(db, typeof(ReportingUnit)));
}
