using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Finance;
using RdInvest.Plans;
using RdInvest.Policy;
using RdInvest.Web.Pages.Tables;

namespace RdInvest.Web.Pages.FinanceRounds;

/// <summary>
/// `/finance-rounds`: the saved finance rounds; for finance and the region a year and budget to run a round — the handler of
/// GET /api/v1/finance-rounds/preview/{year} — with its claims, flags and totals per rule; approvers save it as a draft
/// (POST /api/v1/finance-rounds's handler) and approve it on its own page.
/// </summary>
public sealed class IndexModel(RdInvestDb db, TimeProvider clock, PlanResolver plans, IStringLocalizer<SharedResource> text) : FinanceRoundPageModel(text)
{
    [BindProperty(SupportsGet = true, Name = "budget")]
    public string? Budget { get; set; }

    [BindProperty(SupportsGet = true, Name = "run")]
    public bool Run { get; set; }

    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);

    public TableView Saved { get; private set; } = null!;

    public override bool ShowSelectors => false;

    protected override string PagePath => "/finance-rounds";

    protected override string TableUrl => Round is null ? PagePath
        : $"{PagePath}?year={Round.Year.ToString(CultureInfo.InvariantCulture)}&budget={Uri.EscapeDataString(Budget ?? "")}&run=true";

    /// <summary>The year in the form: the one asked for, else the latest year with records.</summary>
    public int FormYear => Year ?? (Years.Count > 0 ? Years.Max() : clock.GetUtcNow().Year - 1);

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (Run && !MayRun)
        {
            return Forbid();
        }
        await LoadFrameAsync(db, ct);
        Title = T["FinanceRounds.Title"];
        Crumbs.Add(new Crumb(Title));
        var rounds = await new SavedFinanceRoundHandler(db, clock).ListAsync(null, ct);
        Saved = Table("rounds", T["FinanceRounds.SavedCaption"],
        [
            new("id", T["SubsidyRounds.Id"], true), new("year", T["Chart.Year"], true), new("status", T["SubsidyRounds.Status"]),
            new("budget", $"{T["SubsidyRounds.Budget"]}（{T["Unit.Yuan"]}）", true), new("eligible", T["SubsidyRounds.Eligible"], true),
            new("paid", $"{T["SubsidyRounds.Paid"]}（{T["Unit.Yuan"]}）", true),
            new("created", T["SubsidyRounds.Created"]), new("approved", T["SubsidyRounds.Approved"]),
        ], rounds.OrderByDescending(r => r.Id).Select(r => new TableRow(
        [
            new TableCell("#" + r.Id.ToString(CultureInfo.InvariantCulture), (decimal)r.Id, "/finance-rounds/" + r.Id.ToString(CultureInfo.InvariantCulture)),
            new TableCell(r.Year.ToString(CultureInfo.InvariantCulture), (decimal)r.Year),
            new TableCell(T["SubsidyRounds.Status." + r.Status], r.Status, null, null, "rd-round-" + r.Status),
            YuanCell(r.Budget), Plain(r.Eligible, "int"), YuanCell(r.TotalPaid),
            new TableCell(Stamp(r.CreatedAt, r.CreatedBy)),
            new TableCell(r.ApprovedAt is { } at ? Stamp(at, r.ApprovedBy) : Format.Missing),
        ])).ToList());
        if (Run && FieldErrors.Count == 0 && Inputs() is { } input)
        {
            try
            {
                ShowRound(await new FinanceRoundHandler(db).HandleAsync(input, await plans.ResolveAsync(null, ct), ct));
            }
            catch (InputOutOfRangeError e)
            {
                FieldErrors[e.Field] = Say(e);
            }
            catch (UserError e)
            {
                Problem = Say(e);
            }
        }
        return null;
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!MayApprove)
        {
            return Forbid();
        }
        Run = true;
        if (Inputs() is { } input)
        {
            try
            {
                var saved = await new SavedFinanceRoundHandler(db, clock, plans).SaveAsync(input, await plans.ResolveAsync(null, ct), Actor, ct);
                return Redirect($"/finance-rounds/{saved.Round.Id.ToString(CultureInfo.InvariantCulture)}?saved=true");
            }
            catch (InputOutOfRangeError e)
            {
                FieldErrors[e.Field] = Say(e);
            }
            catch (UserError e)
            {
                Problem = Say(e);
            }
        }
        Run = false;
        return await LoadAsync(ct) ?? Page();
    }

    private FinanceRoundRequest? Inputs()
    {
        if (Year is null)
        {
            FieldErrors["year"] = T["SubsidyRounds.Error.Year"];
        }
        decimal? budget = null;
        if (!string.IsNullOrWhiteSpace(Budget))
        {
            if (decimal.TryParse(Budget.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var b))
            {
                budget = b;
            }
            else
            {
                FieldErrors["budget"] = string.Format(Fmt.Culture, T["SubsidyRounds.Error.Budget"], Budget.Trim());
            }
        }
        return FieldErrors.Count == 0 && Year is { } y ? new FinanceRoundRequest(y, budget) : null;
    }

    private static string Stamp(DateTime at, string? by) => $"{at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC {by}";
}
