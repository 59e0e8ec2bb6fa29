using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RdInvest.Data;
using RdInvest.Divisions;
using RdInvest.Finance;
using RdInvest.Web.Pages.Tables;

namespace RdInvest.Web.Pages.Finance.Institutions;

/// <summary>`/finance/institutions`: the financial institutions (bank, tech branch, guarantor, …) with their bank and division, filtered by kind and league/city.</summary>
public sealed class IndexModel(RdInvestDb db, IStringLocalizer<SharedResource> text) : FinancePageModel(text)
{
    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "division")]
    public string? Division { get; set; }

    public TableView List { get; private set; } = null!;

    public IReadOnlyList<DivisionItem> Leagues { get; private set; } = [];

    public override bool ShowSelectors => false;

    protected override string PagePath => "/finance/institutions";

    protected override string TableUrl
    {
        get
        {
            var q = new List<string>();
            if (KindFilter is { } k)
            {
                q.Add("kind=" + Uri.EscapeDataString(k));
            }
            if (DivisionFilter is { } d)
            {
                q.Add("division=" + Uri.EscapeDataString(d));
            }
            return q.Count == 0 ? PagePath : PagePath + "?" + string.Join("&", q);
        }
    }

    public string? KindFilter => InstitutionKinds.All.Contains(Kind) ? Kind : null;

    public string? DivisionFilter => Leagues.Any(l => l.Code == Division) ? Division : null;

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        await LoadFinanceFrameAsync(db, ct);
        Leagues = await new DivisionQueryHandler(db).HandleAsync(new DivisionQuery(DivisionLevels.LeagueCity, null), ct);
        // A financial institution sees itself and its branches only.
        var institution = CurrentUser is { Role: RdInvest.Accounts.Roles.FinanceInstitution } u ? u.Scope ?? "" : null;
        var rows = await new InstitutionListHandler(db).HandleAsync(new InstitutionListRequest(KindFilter, DivisionFilter, institution), ct);
        Synthetic = rows.Any(r => r.IsSynthetic);
        Title = T["Finance.Institutions.Title"];
        Crumbs.Add(new Crumb(T["Nav.Group.finance"]));
        Crumbs.Add(new Crumb(Title));
        List = Table("institutions", T["Finance.Institutions.Caption"],
        [
            new("code", T["Finance.Code"]), new("name", T["Finance.Name"]), new("kind", T["Finance.Kind"]),
            new("parent", T["Finance.Parent"]), new("division", T["Table.Division"]), new("loans", T["Finance.LoanCount"], true),
        ], rows.Select(r => new TableRow(
        [
            new TableCell(r.Code, r.Code),
            new TableCell(r.Name, r.Name, null, r.IsSynthetic ? new Badge(T["Prov.synthetic"], "prov-synthetic", T["Prov.synthetic.Title"]) : null),
            new TableCell(KindName(r.Kind), KindName(r.Kind)),
            new TableCell(r.ParentName ?? Format.Missing, r.ParentName, null, null, null, r.ParentCode),
            new TableCell(Name(r.DivisionZh ?? r.DivisionCode, r.DivisionEn ?? r.DivisionCode), r.DivisionCode),
            Count(r.Loans),
        ])).ToList());
        return null;
    }
}
