using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RdInvest.Accounts;
using RdInvest.Common;
using RdInvest.Data;

namespace RdInvest.IntegrationTests.Faults;

/// <summary>
/// One operation the kill harness interrupts: its `rdinvest` command line, the pause points inside it (each inside the
/// operation's transaction), and its outcome as text without times or generated ids — what "re-runs to the same result"
/// compares.
/// </summary>
public sealed record KillScenario(string Name, IReadOnlyList<string> Points, Func<KillTemplate, string[]> Args, Func<RdInvestDb, CancellationToken, Task<string>> Outcome)
{
    public static IReadOnlyList<KillScenario> All { get; } =
    [
        new("import", [PausePoints.ImportStaged, PausePoints.ImportRowsMerged, PausePoints.ImportMerged],
            t => ["import", "rd", t.RdFile, "--unit", "万元", "--user", "importer"], ImportOutcome),
        new("approval", [PausePoints.ApprovalRecords, PausePoints.ApprovalSealed],
            _ => ["approval", "transition", KillTemplate.County, Inv(KillTemplate.Year), RdInvest.Approval.ApprovalActions.Approve, "--user", "approver"], ApprovalOutcome),
        new("subsidy-round", [PausePoints.RoundStatus, PausePoints.RoundSealed],
            _ => ["subsidy-round", "approve", Inv(KillTemplate.Round)], RoundOutcome),
        new("notification", [PausePoints.NotificationUpdated, PausePoints.NotificationSealed],
            _ => ["report", "release", Inv(KillTemplate.Notification)], NotificationOutcome),
        new("user-disable", [PausePoints.UserUpdated, PausePoints.UserSealed],
            _ => ["user", "disable", KillTemplate.User, "--reason", "离职 left"], UserOutcome),
    ];

    private static string Inv(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static async Task<string> ImportOutcome(RdInvestDb db, CancellationToken ct)
    {
        var rows = await db.RdRecords.AsNoTracking().Join(db.Units.AsNoTracking(), r => r.UnitId, u => u.Id,
                (r, u) => new { u.CreditCode, r.Year, r.RdTotalFen, r.GovFundsFen, r.RevenueFen, r.InventionPatents, r.Status })
            .OrderBy(x => x.CreditCode).ThenBy(x => x.Year).ToListAsync(ct);
        var runs = await db.ImportRuns.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Kind, r.Rows, r.Accepted, r.Sha256 }).ToListAsync(ct);
        return string.Join('\n', rows.Select(r => r.ToString())) + "\nruns: " + string.Join(';', runs.Select(r => r.ToString()));
    }

    private static async Task<string> ApprovalOutcome(RdInvestDb db, CancellationToken ct)
    {
        var a = await db.Approvals.AsNoTracking().Where(x => x.CountyCode == KillTemplate.County && x.Year == KillTemplate.Year)
            .Select(x => new { x.Status, x.Revision, Steps = x.History.Length > 0, Snapshot = x.Snapshot != null }).SingleAsync(ct);
        var statuses = await db.RdRecords.AsNoTracking().Where(r => r.Year == KillTemplate.Year).OrderBy(r => r.UnitId).Select(r => r.Status).ToListAsync(ct);
        return $"{a} records: {string.Join(',', statuses)}";
    }

    private static async Task<string> RoundOutcome(RdInvestDb db, CancellationToken ct)
    {
        var round = await db.SubsidyRounds.AsNoTracking().Where(r => r.Id == KillTemplate.Round).Select(r => new { r.Status, r.ApprovedBy }).SingleAsync(ct);
        var payments = await db.Payments.AsNoTracking().OrderBy(p => p.UnitId).ThenBy(p => p.RuleId)
            .Select(p => new { p.UnitId, p.RuleId, p.Year, p.AmountFen, p.RoundId }).ToListAsync(ct);
        return $"{round} payments: {string.Join(';', payments.Select(p => p.ToString()))}";
    }

    private static async Task<string> NotificationOutcome(RdInvestDb db, CancellationToken ct)
    {
        var n = await db.Notifications.AsNoTracking().Where(x => x.Id == KillTemplate.Notification)
            .Select(x => new { x.Status, Released = x.ReleasedAt != null, x.ContentHtml, Pdf = x.Pdf != null }).SingleAsync(ct);
        return n.ToString()!;
    }

    private static async Task<string> UserOutcome(RdInvestDb db, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).Select(u => new { u.UserName, u.Role, u.LockoutEnd }).ToListAsync(ct);
        return string.Join(';', users.Select(u => $"{u.UserName} {u.Role} disabled={UserStatusHandler.IsDisabled(u.LockoutEnd)}"));
    }

    /// <summary>How many audit entries of each action: the operation audited exactly once after its re-run.</summary>
    public static async Task<string> AuditActions(RdInvestDb db, CancellationToken ct)
    {
        var groups = await db.Audit.AsNoTracking().GroupBy(e => e.Action).Select(g => new { Action = g.Key, N = g.Count() }).ToListAsync(ct);
        return string.Join(';', groups.OrderBy(g => g.Action, StringComparer.Ordinal).Select(g => $"{g.Action}={g.N}"));
    }
}
