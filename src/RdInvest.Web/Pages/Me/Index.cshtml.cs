using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RdInvest.Accounts;
using RdInvest.Calculation;
using RdInvest.Data;
using RdInvest.Records;
using RdInvest.Web.Pages.Tables;

namespace RdInvest.Web.Pages.Me;

/// <summary>
/// `/me`, the enterprise's own page (role enterprise, scope = its credit code): its R&amp;D records by year, what it may
/// claim under each rule its records support, with the explanation (<see cref="EnterpriseClaimsHandler"/>, the
/// calculator's handler), and what it has been paid. It reads its own unit only, through the scope's unit filter.
/// </summary>
public sealed class IndexModel(RdInvestDb db, CalcHandler calc, IStringLocalizer<SharedResource> text) : ReadingPageModel(text)
{
    public UnitPage Data { get; private set; } = null!;

    public IReadOnlyList<EnterpriseClaim> Claims { get; private set; } = [];

    public TableView Records { get; private set; } = null!;

    public TableView Payments { get; private set; } = null!;

    protected override string PagePath => "/me";

    public override bool ShowStatus => false;

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        await LoadFrameAsync(db, ct);
        var scope = new ScopeService(db, CurrentUser!);
        var page = await new UnitPageHandler(db).HandleAsync(scope.Units(db.Units), CurrentUser!.Scope ?? "", ct);
        if (page is null)
        {
            return NotFound();
        }
        Data = page;
        Synthetic = page.IsSynthetic;
        Claims = await new EnterpriseClaimsHandler(db, calc).HandleAsync(page.Unit.CreditCode, null, ct);
        Title = string.Format(Fmt.Culture, T["Me.Title"], page.Unit.Name);
        Crumbs.Add(new Crumb(T["Nav.Me"]));
        // Every record, with its approval status: the enterprise sees what it reported, approved or not.
        Records = Table("records", string.Format(Fmt.Culture, T["Unit.RecordsCaption"], page.Unit.Name),
        [
            new("year", T["Chart.Year"], true), new("rd", $"{T["Indicator.rd_total"]}（{T["Unit.Wan"]}）", true),
            new("gov", $"{T["Unit.GovFunds"]}（{T["Unit.Wan"]}）", true), new("revenue", $"{T["Unit.Revenue"]}（{T["Unit.Wan"]}）", true),
            new("staff", T["Unit.Headcount"], true), new("patents", T["Unit.Patents"], true), new("status", T["Unit.RecordStatus"]),
        ], page.Records.Select(r => new TableRow(
        [
            new TableCell(r.Year.ToString(CultureInfo.InvariantCulture), r.Year),
            Plain(r.RdTotal, "wan"), Plain(r.GovFunds, "wan"), Plain(r.Revenue, "wan"), Plain(r.PersonnelHeadcount, "int"), Plain(r.InventionPatents, "int"),
            new TableCell(T["RecordStatus." + r.Status], r.Status),
        ], r.Year == SelectedYear)).ToList());
        Payments = Table("payments", string.Format(Fmt.Culture, T["Unit.PaymentsCaption"], page.Unit.Name),
        [
            new("rule", T["Unit.PaymentRule"]), new("year", T["Chart.Year"], true), new("amount", $"{T["Unit.PaymentAmount"]}（{T["Unit.Yuan"]}）", true),
            new("paid", T["Unit.PaymentPaidOn"]), new("source", T["Unit.PaymentSource"]),
        ], page.Payments.Select(p => new TableRow(
        [
            new TableCell(p.Rule, p.Rule), new TableCell(p.Year.ToString(CultureInfo.InvariantCulture), p.Year),
            new TableCell(p.Amount.ToString("#,0.00", Fmt.Culture), p.Amount), new TableCell(Day(p.PaidOn), p.PaidOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new TableCell(p.Source, p.Source),
        ])).ToList(),
            page.Payments.Count == 0 ? null : new TableRow([new TableCell(T["Table.Total"]), new TableCell(""),
                new TableCell(page.Payments.Sum(p => p.Amount).ToString("#,0.00", Fmt.Culture), page.Payments.Sum(p => p.Amount)), new TableCell(""), new TableCell("")]));
        return null;
    }

    public string Day(DateOnly d) => Fmt.Date(d.ToDateTime(TimeOnly.MinValue));

    /// <summary>The calculator's link for a claim, pre-filled for its year.</summary>
    public static string CalcLink(EnterpriseClaim c) =>
        "/calc/" + c.Slug + (c.Year is { } y && c.Rule != Policy.Rules.HteReward.Id ? "?year=" + y.ToString(CultureInfo.InvariantCulture) : "");
}
