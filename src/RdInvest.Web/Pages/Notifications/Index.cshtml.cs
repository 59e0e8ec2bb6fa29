using Microsoft.Extensions.Localization;
using RdInvest.Accounts;
using RdInvest.Data;
using RdInvest.Reports;

namespace RdInvest.Web.Pages.Notifications;

/// <summary>The notifications: released ones for everybody, drafts too for region roles (as GET /api/v1/notifications).</summary>
public sealed class IndexModel(RdInvestDb db, IStringLocalizer<SharedResource> text) : RdPageModel(text)
{
    public IReadOnlyList<NotificationSummary> Items { get; private set; } = [];

    public override bool ShowSelectors => false;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadFrameAsync(db, ct);
        Items = await new ListNotificationsHandler(db).HandleAsync(!SeesDrafts(CurrentUser), ct);
        Title = T["Notifications.Title"];
        Crumbs.Add(new Crumb(Title));
    }

    /// <summary>Region roles read drafts; everybody else only what is released.</summary>
    public static bool SeesDrafts(UserScope? user) => user is not null && user.IsIn(Roles.RegionReaders);
}
