using Microsoft.EntityFrameworkCore;
using RdInvest.Data;

namespace RdInvest.Reports;

/// <summary>A stored notification with the HTML it was issued with (the same document as its PDF).</summary>
public sealed record NotificationContent(NotificationSummary Summary, string Html);

/// <summary>
/// One notification as stored, for its web page; null when there is none or when it is a draft and the reader may
/// not see drafts (the same rule as the download: drafts only for region roles).
/// </summary>
public sealed class NotificationContentHandler(RdInvestDb db)
{
    public async Task<NotificationContent?> HandleAsync(long id, bool seesDrafts, CancellationToken ct)
    {
        var n = await db.Notifications.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null || (n.Status != NotificationStatuses.Released && !seesDrafts))
        {
            return null;
        }
        return new NotificationContent(ListNotificationsHandler.Summary(n), n.ContentHtml);
    }
}
