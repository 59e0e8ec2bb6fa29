using Microsoft.EntityFrameworkCore;
using RdInvest.Auditing;
using RdInvest.Data;
using RdInvest.Reports;

namespace RdInvest.Demo;

/// <summary>
/// Drafts and releases the demo's annual notification for the latest year with R&amp;D records, so the public portal
/// of a fresh demo has a released notification to show. Does nothing when one is released already.
/// </summary>
public sealed class DemoNotificationHandler(RdInvestDb db, TimeProvider clock)
{
    public async Task<NotificationSummary?> HandleAsync(string planId, CancellationToken ct)
    {
        if (await db.Notifications.AnyAsync(n => n.Status == NotificationStatuses.Released, ct))
        {
            return null;
        }
        var years = await db.RdRecords.AsNoTracking().Select(r => r.Year).Distinct().ToListAsync(ct);
        if (years.Count == 0)
        {
            return null;
        }
        var dir = Directory.CreateTempSubdirectory("rdinvest-demo-notification-");
        try
        {
            var actor = Actor.Cli("demo");
            var draft = await new NotificationHandler(db, clock)
                .HandleAsync(new NotificationRequest(years.Max(), planId, Path.Combine(dir.FullName, "notification.html")), actor, ct);
            return await new ReleaseNotificationHandler(db, clock).HandleAsync(draft.Id, actor, ct);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
