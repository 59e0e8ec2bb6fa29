using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RdInvest.Data;
using RdInvest.Reports;

namespace RdInvest.Web.Pages.Notifications;

/// <summary>
/// One notification as a web page: the document it was issued with (tables, trajectories, ranking and map, the
/// same as the PDF) and its PDF and XLSX downloads. Released ones are public; drafts only for region roles (404 otherwise).
/// </summary>
public sealed class ShowModel(RdInvestDb db, IStringLocalizer<SharedResource> text) : RdPageModel(text)
{
    public NotificationSummary Summary { get; private set; } = null!;

    public string DocumentStyle { get; private set; } = "";

    public string DocumentBody { get; private set; } = "";

    public override bool ShowSelectors => false;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var content = await new NotificationContentHandler(db).HandleAsync(id, IndexModel.SeesDrafts(CurrentUser), ct);
        if (content is null)
        {
            return NotFound();
        }
        await LoadFrameAsync(db, ct);
        Summary = content.Summary;
        AsOf = Summary.DataAsOf;
        (DocumentStyle, DocumentBody) = NotificationDocument.Split(content.Html);
        Title = string.Format(Fmt.Culture, T["Notification.Title"], Summary.Year);
        Crumbs.Add(new Crumb(T["Notifications.Title"], "/notifications"));
        Crumbs.Add(new Crumb(Title));
        return Page();
    }

    public string Download(string format) => $"/api/v1/notifications/{Summary.Id}/download?format={format}";
}
