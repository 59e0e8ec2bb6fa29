using Microsoft.EntityFrameworkCore;
using RdInvest.Auditing;
using RdInvest.Common;
using RdInvest.Data;

namespace RdInvest.Reports;

public sealed record NotificationSummary(long Id, int Year, string PlanId, string Status, DateTime CreatedAt, DateTime? ReleasedAt, DateTime? DataAsOf, string Fingerprint, bool HasPdf);

/// <summary>
/// `rdinvest report release ID`: a draft becomes released, its release time (UTC) recorded; the content is re-marked
/// as released and printed to PDF once, then never changes. Releasing a released notification is a conflict (409).
/// </summary>
public sealed class ReleaseNotificationHandler(RdInvestDb db, TimeProvider clock)
{
    /// <summary>The status change and its audit entry are one transaction.</summary>
    public async Task<NotificationSummary> HandleAsync(long id, Actor actor, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var row = await db.Notifications.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct)
            ?? throw new NotFoundError($"没有通报 {id}（rdinvest report list 列出全部）", $"no notification {id} (rdinvest report list shows them)");
        if (row.Status == NotificationStatuses.Released)
        {
            throw Released(row);
        }
        var releasedAt = clock.GetUtcNow().UtcDateTime;
        var html = MarkReleased(row.ContentHtml);
        // Conditional on the draft status, so of two releases at once exactly one changes the row; the other is a conflict.
        var changed = await db.Notifications.Where(n => n.Id == id && n.Status == NotificationStatuses.Draft)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.Status, NotificationStatuses.Released).SetProperty(n => n.ReleasedAt, releasedAt)
                .SetProperty(n => n.ContentHtml, html).SetProperty(n => n.Pdf, (byte[]?)null), ct);
        if (changed == 0)
        {
            throw Released(await db.Notifications.AsNoTracking().FirstAsync(n => n.Id == id, ct));
        }
        PausePoints.Reach(PausePoints.NotificationUpdated);
        row.Status = NotificationStatuses.Released;
        row.ReleasedAt = releasedAt;
        row.ContentHtml = html;
        row.Pdf = null;
        AuditLog.Append(db, actor, "notification.release", "notification", id.ToString(System.Globalization.CultureInfo.InvariantCulture), null,
            new { year = row.Year, plan = row.PlanId, fingerprint = row.Fingerprint }, row.ReleasedAt.Value);
        await AuditChain.SealAsync(db, ct);
        await db.SaveChangesAsync(ct);
        PausePoints.Reach(PausePoints.NotificationSealed);
        await tx.CommitAsync(ct);
        return ListNotificationsHandler.Summary(row);
    }

    private static ConflictError Released(Notification row) => new(
        $"通报 {row.Id} 已于 {row.ReleasedAt:yyyy-MM-dd HH:mm} UTC 发布，不可修改", $"notification {row.Id} was released on {row.ReleasedAt:yyyy-MM-dd HH:mm} UTC and cannot change",
        ListNotificationsHandler.Summary(row));

    /// <summary>Drops the draft banner and states the status as released; the figures are untouched.</summary>
    internal static string MarkReleased(string html) =>
        html.Replace("<div class=\"draft\">草稿 DRAFT — 未发布 / not released</div>\n", "", StringComparison.Ordinal)
            .Replace("状态 status: 草稿 draft", "状态 status: 已发布 released", StringComparison.Ordinal);
}

/// <summary>`rdinvest report list`: every notification, newest first, released ones with their release time.</summary>
public sealed class ListNotificationsHandler(RdInvestDb db)
{
    public async Task<IReadOnlyList<NotificationSummary>> HandleAsync(bool releasedOnly, CancellationToken ct)
    {
        var q = db.Notifications.AsNoTracking();
        if (releasedOnly)
        {
            q = q.Where(n => n.Status == NotificationStatuses.Released);
        }
        var rows = await q.OrderByDescending(n => n.Id).Select(n => new
        {
            n.Id, n.Year, n.PlanId, n.Status, n.CreatedAt, n.ReleasedAt, n.DataAsOf, n.Fingerprint, HasPdf = n.Pdf != null,
        }).ToListAsync(ct);
        return rows.Select(n => new NotificationSummary(n.Id, n.Year, n.PlanId, n.Status, Utc(n.CreatedAt), n.ReleasedAt is { } r ? Utc(r) : null,
            n.DataAsOf is { } a ? Utc(a) : null, n.Fingerprint, n.HasPdf)).ToList();
    }

    internal static NotificationSummary Summary(Notification n) =>
        new(n.Id, n.Year, n.PlanId, n.Status, Utc(n.CreatedAt), n.ReleasedAt is { } r ? Utc(r) : null, n.DataAsOf is { } a ? Utc(a) : null, n.Fingerprint, n.Pdf is not null);

    private static DateTime Utc(DateTime d) => DateTime.SpecifyKind(d, DateTimeKind.Utc);
}
