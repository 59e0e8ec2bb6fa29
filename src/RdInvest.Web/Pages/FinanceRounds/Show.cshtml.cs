using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Finance;
using RdInvest.Plans;

namespace RdInvest.Web.Pages.FinanceRounds;

/// <summary>
/// `/finance-rounds/{id}`: one saved finance round — status, claims, totals — and, for approvers while it is a draft, approval
/// (POST /api/v1/finance-rounds/{id}/approve's handler) after one confirmation; refusals show as plain messages. Missing: 404.
/// </summary>
public sealed class ShowModel(RdInvestDb db, TimeProvider clock, PlanResolver plans, IStringLocalizer<SharedResource> text) : FinanceRoundPageModel(text)
{
    [BindProperty(SupportsGet = true, Name = "id")]
    public long Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "saved")]
    public bool JustSaved { get; set; }

    [BindProperty(Name = "confirm")]
    public bool Confirm { get; set; }

    public SavedFinanceRoundSummary Summary { get; private set; } = null!;

    public ApprovedFinanceRound? Approved { get; private set; }

    public string? ConfirmError { get; private set; }

    public override bool ShowSelectors => false;

    public bool IsDraft => Summary.Status == SubsidyRoundStatuses.Draft;

    public int ToRecord => Round?.Lines.Count(l => l.Paid > 0m) ?? 0;

    public string IdText => Id.ToString(CultureInfo.InvariantCulture);

    protected override string PagePath => "/finance-rounds/" + IdText;

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        await LoadFrameAsync(db, ct);
        SavedFinanceRound saved;
        try
        {
            saved = await new SavedFinanceRoundHandler(db, clock).GetAsync(Id, ct);
        }
        catch (NotFoundError)
        {
            return NotFound();
        }
        Summary = saved.Round;
        Title = string.Format(Fmt.Culture, T["FinanceRounds.ShowTitle"], IdText, Summary.Year);
        Crumbs.Add(new Crumb(T["FinanceRounds.Title"], "/finance-rounds"));
        Crumbs.Add(new Crumb(Title));
        ShowRound(saved.Result.Deserialize<FinanceRoundResult>(JsonDefaults.Compact)!);
        return null;
    }

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
                Approved = await new SavedFinanceRoundHandler(db, clock, plans).ApproveAsync(Id, Actor, ct);
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
