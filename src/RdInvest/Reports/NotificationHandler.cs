using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RdInvest.Auditing;
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
    /// <summary>
    /// Charts are rendered before any write; the draft row, its content and the audit entry are written in one
    /// transaction; the PDF (derived from the stored content) is printed after the commit and kept with the row.
    /// </summary>
    public async Task<NotificationResult> HandleAsync(NotificationRequest request, Actor actor, CancellationToken ct)
    {
        var ext = Path.GetExtension(request.OutPath).ToLowerInvariant();
        if (ext is not (".pdf" or ".xlsx" or ".html" or ".htm"))
        {
            throw new UserError($"不支持的文件类型 {ext}（应为 .pdf、.xlsx 或 .html）", $"unsupported file type {ext} (use .pdf, .xlsx or .html)", 2);
        }
        var data = await new NotificationDataHandler(db).HandleAsync(new NotificationDataRequest(request.Year, request.PlanId), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Notifications.AsNoTracking()
            .Where(n => n.Year == request.Year && n.PlanId == data.PlanId && n.Status == NotificationStatuses.Draft)
            .Select(n => new { n.Id, n.Fingerprint }).FirstOrDefaultAsync(ct);
        var reused = existing is not null && existing.Fingerprint == data.Notes.Fingerprint;
        var svgs = reused ? null : await ChartRenderer.RenderAsync(NotificationCharts.For(data), ct);

        Notification row;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            row = existing is null ? null! : await db.Notifications.FirstAsync(n => n.Id == existing.Id, ct);
            if (existing is null)
            {
                row = new Notification { Year = request.Year, PlanId = data.PlanId, Fingerprint = data.Notes.Fingerprint, ContentHtml = "", CreatedAt = now };
                db.Notifications.Add(row);
                await db.SaveChangesAsync(ct);
            }
            if (svgs is not null)
            {
                row.ContentHtml = NotificationHtml.Render(data, svgs, NotificationStatuses.Draft, row.Id, now);
                row.Fingerprint = data.Notes.Fingerprint;
                row.DataAsOf = data.Notes.AsOf;
                row.CreatedAt = now;
                row.Pdf = null;
                AuditLog.Append(db, actor, "notification.draft", "notification", row.Id.ToString(CultureInfo.InvariantCulture), null,
                    new { year = request.Year, plan = data.PlanId, fingerprint = row.Fingerprint, replaced = existing is not null }, now);
                await AuditChain.SealAsync(db, ct);
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        switch (ext)
        {
            case ".pdf":
                if (row.Pdf is null)
                {
                    row.Pdf = await PdfPrinter.PrintAsync(row.ContentHtml, ct);
                    await db.SaveChangesAsync(ct);
                }
                await File.WriteAllBytesAsync(request.OutPath, row.Pdf, ct);
                break;
            case ".xlsx":
                NotificationXlsx.Write(request.OutPath, data, row.Id, row.Status);
                break;
            default:
                await File.WriteAllTextAsync(request.OutPath, row.ContentHtml, ct);
                break;
        }
        return new NotificationResult(row.Id, row.Status, row.Fingerprint, request.OutPath, reused);
    }
}
