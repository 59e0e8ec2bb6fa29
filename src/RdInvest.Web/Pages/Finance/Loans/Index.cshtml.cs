using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Divisions;
using RdInvest.Finance;
using RdInvest.Web.Pages.Tables;

namespace RdInvest.Web.Pages.Finance.Loans;

/// <summary>
/// `/finance/loans`: the loans of the financial institutions, filtered by grant year, lender (its branches included), kind,
/// S&amp;T-enterprise loan or not, the borrower's league/city and outstanding at a year end (<see cref="LoanListHandler"/>);
/// sorted, paged and exported by the shared table.
/// </summary>
public sealed class IndexModel(RdInvestDb db, IStringLocalizer<SharedResource> text) : FinancePageModel(text)
{
    [BindProperty(SupportsGet = true, Name = "granted")]
    public int? Granted { get; set; }

    [BindProperty(SupportsGet = true, Name = "lender")]
    public string? Lender { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? Kind { get; set; }

    /// <summary>"yes", "no" or empty.</summary>
    [BindProperty(SupportsGet = true, Name = "st")]
    public string? St { get; set; }

    [BindProperty(SupportsGet = true, Name = "division")]
    public string? Division { get; set; }

    [BindProperty(SupportsGet = true, Name = "outstanding")]
    public int? Outstanding { get; set; }

    public TableView List { get; private set; } = null!;

    public IReadOnlyList<DivisionItem> Leagues { get; private set; } = [];

    public IReadOnlyList<InstitutionListRow> Lenders { get; private set; } = [];

    public override bool ShowSelectors => false;

    protected override string PagePath => "/finance/loans";

    public int? GrantedFilter => Granted is { } g && Years.Contains(g) ? g : null;
    public string? LenderFilter => Lenders.Any(l => l.Code == Lender) ? Lender : null;
    public string? KindFilter => LoanKinds.All.Contains(Kind) ? Kind : null;
    public bool? StFilter => St switch { "yes" => true, "no" => false, _ => null };
    public string? DivisionFilter => Leagues.Any(l => l.Code == Division) ? Division : null;
    public int? OutstandingFilter => Outstanding is { } o && Bounds.IsYear(o) ? o : null;

    protected override string TableUrl
    {
        get
        {
            var q = new List<string>();
            void Add(string name, string? value)
            {
                if (value is not null)
                {
                    q.Add(name + "=" + Uri.EscapeDataString(value));
                }
            }
            Add("granted", GrantedFilter?.ToString(CultureInfo.InvariantCulture));
            Add("lender", LenderFilter);
            Add("kind", KindFilter);
            Add("st", StFilter is { } s ? s ? "yes" : "no" : null);
            Add("division", DivisionFilter);
            Add("outstanding", OutstandingFilter?.ToString(CultureInfo.InvariantCulture));
            return q.Count == 0 ? PagePath : PagePath + "?" + string.Join("&", q);
        }
    }

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        await LoadFinanceFrameAsync(db, ct);
        Leagues = await new DivisionQueryHandler(db).HandleAsync(new DivisionQuery(DivisionLevels.LeagueCity, null), ct);
        // A financial institution sees its own and its branches' loans only, and only itself and its branches as lenders.
        var institution = CurrentUser is { Role: RdInvest.Accounts.Roles.FinanceInstitution } u ? u.Scope ?? "" : null;
        Lenders = await new InstitutionListHandler(db).HandleAsync(new InstitutionListRequest(Institution: institution), ct);
        var rows = await new LoanListHandler(db).HandleAsync(
            new LoanListRequest(GrantedFilter, LenderFilter, KindFilter, StFilter, DivisionFilter, OutstandingFilter, institution), ct);
        Synthetic = rows.Any(r => r.IsSynthetic);
        Title = T["Finance.Loans.Title"];
        Crumbs.Add(new Crumb(T["Nav.Group.finance"]));
        Crumbs.Add(new Crumb(Title));
        var wan = T["Unit.Wan"];
        List = Table("loans", T["Finance.Loans.Caption"],
        [
            new("lender", T["Finance.Lender"]), new("loan", T["Finance.LoanId"]), new("borrower", T["Finance.Borrower"]),
            new("division", T["Finance.BorrowerDivision"]), new("kind", T["Finance.LoanKind"]), new("st", T["Finance.StLoan"]),
            new("granted", T["Finance.GrantedOn"]), new("matures", T["Finance.MaturesOn"]), new("repaid", T["Finance.RepaidOn"]),
            new("amount", $"{T["Finance.Amount"]}（{wan}）", true), new("rate", $"{T["Finance.Rate"]}（%）", true),
            new("fee", $"{T["Finance.GuaranteeFee"]}（{wan}）", true), new("loss", $"{T["Finance.LossAmount"]}（{wan}）", true),
        ], rows.Select(r => new TableRow(
        [
            new TableCell(r.LenderName, r.LenderName, null, null, null, r.LenderCode),
            new TableCell(r.LoanId, r.LoanId),
            new TableCell(r.BorrowerName, r.BorrowerName, null, r.IsSynthetic ? new Badge(T["Prov.synthetic"], "prov-synthetic", T["Prov.synthetic.Title"]) : null, null, r.BorrowerCode),
            new TableCell(Name(r.BorrowerDivisionZh ?? r.BorrowerDivision, r.BorrowerDivisionEn ?? r.BorrowerDivision), r.BorrowerDivision),
            new TableCell(LoanKindName(r.Kind), LoanKindName(r.Kind)),
            new TableCell(r.StEnterpriseLoan ? T["Finance.Yes"] : T["Finance.No"], r.StEnterpriseLoan ? T["Finance.Yes"].Value : T["Finance.No"].Value),
            Day(r.GrantedOn), Day(r.MaturesOn), Day(r.RepaidOn),
            Wan(r.Amount), new TableCell(r.AnnualRatePercent.ToString("0.00##", Fmt.Culture), r.AnnualRatePercent),
            Wan(r.GuaranteeFee), Wan(r.LossAmount),
        ])).ToList());
        return null;
    }

    private static TableCell Day(DateOnly? d) => d is { } x
        ? new TableCell(x.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), x.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null, null, "text-nowrap")
        : new TableCell(Format.Missing, null);
}
