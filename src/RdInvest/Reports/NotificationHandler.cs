using Microsoft.EntityFrameworkCore;
using RdInvest.Common;
using RdInvest.Data;

namespace RdInvest.Reports;

public sealed record NotificationRequest(int Year, string PlanId, string OutPath);

public sealed record NotificationResult(long Id, string Status, string Fingerprint, string OutPath, bool Reused);

/// <summary>
/// `rdinvest report notification`: builds the annual notification (三(三)), stores it as a draft (replacing the
/// year's previous draft of the same plan), and writes it as .html, .pdf or .xlsx. A released notification is never
/// touched: generating again makes a new draft.
/// </summary>
public sealed class NotificationHandler(RdInvestDb db, TimeProvider clock)
{
    public async Task<NotificationResult> HandleAsync(NotificationRequest request, CancellationToken ct)
    {
        var ext = Path.GetExtension(request.OutPath).ToLowerInvariant();
        if (ext is not (".pdf" or ".xlsx" or ".html" or ".htm"))
        {
            throw new UserError($"不支持的文件类型 {ext}（应为 .pdf、.xlsx 或 .html）", $"unsupported file type {ext} (use .pdf, .xlsx or .html)", 2);
        }
        var data = await new NotificationDataHandler(db).HandleAsync(new NotificationDataRequest(request.Year, request.PlanId), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.Notifications.FirstOrDefaultAsync(n => n.Year == request.Year && n.PlanId == data.PlanId && n.Status == NotificationStatuses.Draft, ct);
        var reused = row is not null && row.Fingerprint == data.Notes.Fingerprint;
        if (row is null)
        {
            row = new Notification { Year = request.Year, PlanId = data.PlanId, Fingerprint = data.Notes.Fingerprint, ContentHtml = "", CreatedAt = now };
            db.Notifications.Add(row);
            await db.SaveChangesAsync(ct);
        }
        if (!reused)
        {
            var svgs = await ChartRenderer.RenderAsync(NotificationCharts.For(data), ct);
            row.ContentHtml = NotificationHtml.Render(data, svgs, NotificationStatuses.Draft, row.Id, now);
            row.Fingerprint = data.Notes.Fingerprint;
            row.DataAsOf = data.Notes.AsOf;
            row.CreatedAt = now;
            row.Pdf = null;
        }
        switch (ext)
        {
            case ".pdf":
                row.Pdf ??= await PdfPrinter.PrintAsync(row.ContentHtml, ct);
                await File.WriteAllBytesAsync(request.OutPath, row.Pdf, ct);
                break;
            case ".xlsx":
                NotificationXlsx.Write(request.OutPath, data, row.Id, row.Status);
                break;
            default:
                await File.WriteAllTextAsync(request.OutPath, row.ContentHtml, ct);
                break;
        }
        await db.SaveChangesAsync(ct);
        return new NotificationResult(row.Id, row.Status, row.Fingerprint, request.OutPath, reused);
    }
}
