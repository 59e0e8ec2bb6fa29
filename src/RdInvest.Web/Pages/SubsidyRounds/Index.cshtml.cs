using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Plans;
using RdInvest.Policy;
using RdInvest.Subsidies;
using RdInvest.Web.Pages.Tables;

namespace RdInvest.Web.Pages.SubsidyRounds;

/// <summary>
/// `/subsidy-rounds`: the saved rounds with their status; for finance and the region (the API's preview roles) a year and
/// budget to run a round — the same handler as GET /api/v1/subsidy-rounds/preview/{year} — shown with its flags,
/// totals per league/city and the scale to the budget; approvers save it as a draft (POST /api/v1/subsidy-rounds).
/// </summary>
public sealed class IndexModel(RdInvestDb db, TimeProvider clock, PlanResolver plans, IStringLocalizer<SharedResource> text) : RoundPageModel(text)
{
    [BindProperty(SupportsGet = true, Name = "budget")]
    public string? Budget { get; set; }

    [BindProperty(SupportsGet = true, Name = "run")]
    public bool Run { get; set; }

    /// <summary>Errors beside the fields (year, budget).</summary>
    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);

    public TableView Saved { get; private set; } = null!;

    public override bool ShowSelectors => false;

    protected override string PagePath => "/subsidy-rounds";

    protected override string TableUrl => Round is null ? PagePath
        : $"{PagePath}?year={Round.Year.ToString(CultureInfo.InvariantCulture)}&budget={Uri.EscapeDataString(Budget ?? "")}&run=true";

    /// <summary>The year in the form: the one asked for, else the year after the latest records (a round pays on the prior year).</summary>
    public int FormYear => Year ?? (Years.Count > 0 ? Years.Max() + 1 : clock.GetUtcNow().Year);

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (Run && !MayRun)
        {
            return Forbid();
        }
        await LoadFrameAsync(db, ct);
        Title = T["SubsidyRounds.Title"];
        Crumbs.Add(new Crumb(Title));
        var rounds = await new SavedRoundHandler(db, clock).ListAsync(null, ct);
        Saved = Table("rounds", T["SubsidyRounds.SavedCaption"],
        [
            new("id", T["SubsidyRounds.Id"], true), new("year", T["Chart.Year"], true), new("status", T["SubsidyRounds.Status"]),
            new("budget", $"{T["SubsidyRounds.Budget"]}（{T["Unit.Yuan"]}）", true), new("enterprises", T["SubsidyRounds.Enterprises"], true),
            new("paid", $"{T["SubsidyRounds.Paid"]}（{T["Unit.Yuan"]}）", true), new("r1", $"{T["SubsidyRounds.R1Claim"]}（{T["Unit.Yuan"]}）", true),
            new("created", T["SubsidyRounds.Created"]), new("approved", T["SubsidyRounds.Approved"]),
        ], rounds.OrderByDescending(r => r.Id).Select(r => new TableRow(
        [
            new TableCell("#" + r.Id.ToString(CultureInfo.InvariantCulture), (decimal)r.Id, "/subsidy-rounds/" + r.Id.ToString(CultureInfo.InvariantCulture)),
            new TableCell(r.Year.ToString(CultureInfo.InvariantCulture), (decimal)r.Year),
            new TableCell(T["SubsidyRounds.Status." + r.Status], r.Status, null, null, "rd-round-" + r.Status),
            YuanCell(r.Budget), Plain(r.Enterprises, "int"), YuanCell(r.TotalPaid), YuanCell(r.R1TotalClaims),
            new TableCell(Stamp(r.CreatedAt, r.CreatedBy)),
            new TableCell(r.ApprovedAt is { } at ? Stamp(at, r.ApprovedBy) : Format.Missing),
        ])).ToList());
        if (Run)
        {
            await PreviewAsync(ct);
        }
        return null;
    }

    /// <summary>Saves the round as a draft (approvers) and opens it; a refusal shows beside its field or as a message.</summary>
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
                var plan = await plans.ResolveAsync(null, ct);
                var saved = await new SavedRoundHandler(db, clock, plans).SaveAsync(input, plan, Actor, ct);
                return Redirect($"/subsidy-rounds/{saved.Round.Id.ToString(CultureInfo.InvariantCulture)}?saved=true");
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
        return await LoadAsync(ct) ?? Page();
    }

    private async Task PreviewAsync(CancellationToken ct)
    {
        if (FieldErrors.Count > 0 || Inputs() is not { } input)
        {
            return;
        }
        try
        {
            var plan = await plans.ResolveAsync(null, ct);
            var result = await new SubsidyRoundHandler(db).HandleAsync(input, plan, ct);
            await ShowRoundAsync(db, SubsidyRoundFiles.ToJson(result), ct);
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

    /// <summary>The year and budget typed, or null with the errors beside the fields.</summary>
    private SubsidyRoundRequest? Inputs()
    {
        if (Year is not { } year)
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
        return FieldErrors.Count == 0 && Year is { } y ? new SubsidyRoundRequest(y, budget) : null;
    }

    private static string Stamp(DateTime at, string? by) =>
        $"{at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC {by}";
}
