using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Plans;
using RdInvest.Subsidies;

namespace RdInvest.Web.Pages.SubsidyRounds;

/// <summary>
/// `/subsidy-rounds/{id}`: one saved round — its status, list, totals and payment list (the API's export) — and, for
/// approvers while it is a draft, approval (POST /api/v1/subsidy-rounds/{id}/approve's handler) after one confirmation;
/// its refusals (approved already, paid already, data changed) show as plain messages. A missing round is 404.
/// </summary>
public sealed class ShowModel(RdInvestDb db, TimeProvider clock, PlanResolver plans, IStringLocalizer<SharedResource> text) : RoundPageModel(text)
{
    [BindProperty(SupportsGet = true, Name = "id")]
    public long Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "saved")]
    public bool JustSaved { get; set; }

    [BindProperty(Name = "confirm")]
    public bool Confirm { get; set; }

    public SavedRoundSummary Summary { get; private set; } = null!;

    /// <summary>What the approval just recorded.</summary>
    public ApprovedRound? Approved { get; private set; }

    public string? ConfirmError { get; private set; }

    public override bool ShowSelectors => false;

    public bool IsDraft => Summary.Status == SubsidyRoundStatuses.Draft;

    /// <summary>The payments an approval would record: R2 for every line paid after scaling, R1 for every R1 claim.</summary>
    public (int R2, int R1) ToRecord => Round is { } r ? (r.Lines.Count(l => l.Paid > 0m), r.Lines.Count(l => l.R1Claim > 0m)) : (0, 0);

    public string IdText => Id.ToString(CultureInfo.InvariantCulture);

    protected override string PagePath => "/subsidy-rounds/" + IdText;

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        await LoadFrameAsync(db, ct);
        SavedRound saved;
        try
        {
            saved = await new SavedRoundHandler(db, clock).GetAsync(Id, ct);
        }
        catch (NotFoundError)
        {
            return NotFound();
        }
        Summary = saved.Round;
        Title = string.Format(Fmt.Culture, T["SubsidyRounds.ShowTitle"], IdText, Summary.Year);
        Crumbs.Add(new Crumb(T["SubsidyRounds.Title"], "/subsidy-rounds"));
        Crumbs.Add(new Crumb(Title));
        await ShowRoundAsync(db, saved.Result.Deserialize<SubsidyRoundView>(JsonDefaults.Compact)!, ct);
        return null;
    }

    /// <summary>Approves the draft (approvers, after the confirmation box) and shows what it recorded, or why not.</summary>
    public async Task<IActionResult> OnPostApproveAsync(CancellationToken ct)
    {
        if (!MayApprove)
        {
            return Forbid();
        }
        if (!Confirm)
        {
            ConfirmError = T["SubsidyRounds.Error.Confirm"];
        }
        else
        {
            try
            {
                Approved = await new SavedRoundHandler(db, clock, plans).ApproveAsync(Id, Actor, ct);
            }
            catch (NotFoundError)
            {
                return NotFound();
            }
            catch (UserError e)
            {
                Problem = Say(e);
            }
        }
        return await LoadAsync(ct) ?? Page();
    }
}
