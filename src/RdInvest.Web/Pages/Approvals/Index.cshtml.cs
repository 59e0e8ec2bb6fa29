using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RdInvest.Accounts;
using RdInvest.Approval;
using RdInvest.Auditing;
using RdInvest.Common;
using RdInvest.Data;

namespace RdInvest.Web.Pages.Approvals;

/// <summary>
/// `/approvals`: the queue of the year within the user's scope (<see cref="ApprovalQueueHandler"/>) — what waits for
/// me with the figures and their change since the last approval (or the previous year's approved figures, labelled),
/// then every other county-year with its status (final ones locked); submit, approve, finalise, return with a reason,
/// bulk approve a league/city, reopen (region admin). Every action is <see cref="ApprovalHandler"/>'s, as in the API.
/// </summary>
public sealed class IndexModel(RdInvestDb db, TimeProvider clock, IStringLocalizer<SharedResource> text) : RdPageModel(text)
{
    [BindProperty(Name = "county")]
    public string? County { get; set; }

    [BindProperty(Name = "op")]
    public string? Act { get; set; }

    [BindProperty(Name = "reason")]
    public string? Reason { get; set; }

    [BindProperty(Name = "league")]
    public string? League { get; set; }

    public IReadOnlyList<ApprovalQueueItem> Items { get; private set; } = [];

    public IEnumerable<ApprovalQueueItem> Waiting => Items.Where(i => i.WaitsForMe);

    public IEnumerable<ApprovalQueueItem> Others => Items.Where(i => !i.WaitsForMe);

    /// <summary>Leagues/cities with submitted counties this user may approve at once: code, name, how many.</summary>
    public IEnumerable<(string Code, string Name, int Count)> BulkLeagues => Items
        .Where(i => i.Status == DataStatuses.Submitted && i.LeagueCity is not null && i.Actions.Contains(ApprovalActions.Approve))
        .GroupBy(i => i.LeagueCity!).Select(g => (g.Key, Name(g.First().LeagueCityNameZh, g.First().LeagueCityNameEn), g.Count()));

    /// <summary>The county-year whose form the error belongs to, and the error shown under its reason field.</summary>
    public string? ErrorCounty { get; private set; }

    public string? ReasonError { get; private set; }

    /// <summary>A refused action (409, 403, 404) said plainly at the top.</summary>
    public string? Message { get; private set; }

    [TempData(Key = "Approvals.Done")]
    public string? Done { get; set; }

    public override bool ShowStatus => false;

    public string Say(string zh, string en) => IsEnglish ? en : zh;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Submit, approve, finalise, return or reopen one county-year.</summary>
    public async Task<IActionResult> OnPostActAsync(CancellationToken ct)
    {
        await LoadFrameAsync(db, ct);
        var scope = new ScopeService(db, CurrentUser!);
        if (County is null || Act is null || !ApprovalActions.All.Contains(Act) || !await scope.CanSeeDivisionAsync(County, ct))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (Act is ApprovalActions.Return or ApprovalActions.Reopen && string.IsNullOrWhiteSpace(Reason))
        {
            return await FailAsync(County, T["Approvals.ReasonRequired"], null, ct);
        }
        try
        {
            var view = await new ApprovalHandler(db, clock).TransitionAsync(County, SelectedYear, Act, Reason, CurrentUser!, Actor(), ct);
            Done = string.Format(Fmt.Culture, T["Approvals.Done"], Name(view.CountyName, view.County), view.Year, T["Approvals.Action." + Act], T["RecordStatus." + view.Status]);
        }
        catch (ValidationError e)
        {
            return await FailAsync(County, Say(e.MessageZh, e.MessageEn), null, ct);
        }
        catch (UserError e)
        {
            return await FailAsync(null, null, Say(e.MessageZh, e.MessageEn), ct);
        }
        return Redirect(Link("/approvals", SelectedYear));
    }

    /// <summary>Approves every submitted county of a league/city for the year.</summary>
    public async Task<IActionResult> OnPostBulkAsync(CancellationToken ct)
    {
        await LoadFrameAsync(db, ct);
        if (League is null || !await new ScopeService(db, CurrentUser!).CanSeeDivisionAsync(League, ct))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        try
        {
            var done = await new ApprovalHandler(db, clock).BulkApproveAsync(League, SelectedYear, CurrentUser!, Actor(), ct);
            Done = string.Format(Fmt.Culture, T["Approvals.BulkDone"], done.Count, SelectedYear);
        }
        catch (UserError e)
        {
            return await FailAsync(null, null, Say(e.MessageZh, e.MessageEn), ct);
        }
        return Redirect(Link("/approvals", SelectedYear));
    }

    private Actor Actor() => new(CurrentUser!.Name, HttpContext.TraceIdentifier);

    private async Task<IActionResult> FailAsync(string? county, string? reasonError, string? message, CancellationToken ct)
    {
        ErrorCounty = county;
        ReasonError = reasonError;
        Message = message;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await LoadFrameAsync(db, ct);
        Title = T["Approvals.Title"];
        Crumbs.Add(new Crumb(Title));
        Items = await new ApprovalQueueHandler(db).HandleAsync(new ScopeService(db, CurrentUser!), SelectedYear, ct);
    }

    /// <summary>A yuan figure as 万元 with two decimals.</summary>
    public string Wan(decimal? yuan) => yuan is { } y ? (y / 10_000m).ToString("#,0.00", Fmt.Culture) : Format.Missing;

    /// <summary>A change in 万元 with ▲/▼ and its sign.</summary>
    public string Change(decimal? yuan) => yuan switch
    {
        null => Format.Missing,
        > 0m => "▲ +" + Wan(yuan),
        < 0m => "▼ " + Wan(yuan),
        _ => "0.00",
    };

    /// <summary>What the change is measured against, said plainly.</summary>
    public string BaselineLabel(ApprovalQueueItem i) => i.Baseline is null ? T["Approvals.NoBaseline"]
        : i.BaselineKind == ApprovalBaselines.LastApproved ? string.Format(Fmt.Culture, T["Approvals.SinceApproval"], Fmt.Date(i.BaselineAt))
        : string.Format(Fmt.Culture, T["Approvals.SincePreviousYear"], i.Year - 1);
}
