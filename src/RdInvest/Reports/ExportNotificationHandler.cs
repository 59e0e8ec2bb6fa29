using Microsoft.EntityFrameworkCore;
using RdInvest.Common;
using RdInvest.Data;

namespace RdInvest.Reports;

/// <summary>
/// `rdinvest report export ID --out FILE.html|.pdf`: the stored notification exactly as kept (a released one is
/// immutable: its HTML is never regenerated; its PDF is printed from that HTML once and then kept).
/// </summary>
public sealed class ExportNotificationHandler(RdInvestDb db)
{
    public async Task HandleAsync(long id, string outPath, CancellationToken ct)
    {
        var row = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id, ct)
            ?? throw new NotFoundError($"没有通报 {id}", $"no notification {id}");
        switch (Path.GetExtension(outPath).ToLowerInvariant())
        {
            case ".pdf":
                if (row.Pdf is null)
                {
                    row.Pdf = await PdfPrinter.PrintAsync(row.ContentHtml, ct);
                    await db.SaveChangesAsync(ct);
                }
                await File.WriteAllBytesAsync(outPath, row.Pdf, ct);
                break;
            case ".html" or ".htm":
                await File.WriteAllTextAsync(outPath, row.ContentHtml, ct);
                break;
            default:
                throw new UserError("已存通报可导出为 .html 或 .pdf（.xlsx 请用 report notification）",
                    "a stored notification exports to .html or .pdf (for .xlsx use report notification)", 2);
        }
    }
}
