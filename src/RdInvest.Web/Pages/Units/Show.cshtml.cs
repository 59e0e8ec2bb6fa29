using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RdInvest.Accounts;
using RdInvest.Data;
using RdInvest.Records;
using RdInvest.Web.Pages.Tables;

namespace RdInvest.Web.Pages.Units;

/// <summary>
/// `/units/{credit_code}`: a unit's identity (sector, industry, division, park), its R&amp;D records by year, its
/// certificates and the payments it received. A unit outside the reader's scope is 404, like a missing one.
/// </summary>
public sealed class ShowModel(RdInvestDb db, IStringLocalizer<SharedResource> text) : ReadingPageModel(text)
{
    [BindProperty(SupportsGet = true, Name = "code")]
    public string Code { get; set; } = "";

    public UnitPage Data { get; private set; } = null!;

    public TableView Records { get; private set; } = null!;
    public TableView Certificates { get; private set; } = null!;
    public TableView Payments { get; private set; } = null!;

    protected override string PagePath => "/units/" + Data.Unit.CreditCode;

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        await LoadFrameAsync(db, ct);
        var scope = new ScopeService(db, CurrentUser!);
        var page = await new UnitPageHandler(db).HandleAsync(scope.Units(db.Units), Code, ct);
        if (page is null)
        {
            return NotFound();
        }
        Data = page;
        Synthetic = page.IsSynthetic;
        var u = page.Unit;
        Title = u.Name;
        Crumbs.Add(new Crumb(T["Units.Title"], Link("/units")));
        if (page.LeagueCityCode is { } lc && await scope.CanSeeDivisionAsync(lc, ct))
        {
            Crumbs.Add(new Crumb(Name(page.LeagueCityZh!, page.LeagueCityEn!), Link("/divisions/" + lc)));
        }
        if (u.DivisionCode != page.LeagueCityCode && await scope.CanSeeDivisionAsync(u.DivisionCode, ct))
        {
            Crumbs.Add(new Crumb(Name(page.DivisionZh, page.DivisionEn), Link("/divisions/" + u.DivisionCode)));
        }
        Crumbs.Add(new Crumb(u.Name));
        // Records of every year; the preliminary switch decides whether records not yet final are shown.
        var records = page.Records.Where(r => Preliminary || r.Status == DataStatuses.Final).ToList();
        Records = Table("records", string.Format(Fmt.Culture, T["Unit.RecordsCaption"], u.Name),
        [
            new("year", T["Chart.Year"], true), new("rd", $"{T["Indicator.rd_total"]}（{T["Unit.Wan"]}）", true),
            new("gov", $"{T["Unit.GovFunds"]}（{T["Unit.Wan"]}）", true), new("ent", $"{T["Unit.EnterpriseFunds"]}（{T["Unit.Wan"]}）", true),
            new("basic", $"{T["Unit.Basic"]}（{T["Unit.Wan"]}）", true), new("applied", $"{T["Unit.Applied"]}（{T["Unit.Wan"]}）", true),
            new("experimental", $"{T["Unit.Experimental"]}（{T["Unit.Wan"]}）", true), new("revenue", $"{T["Unit.Revenue"]}（{T["Unit.Wan"]}）", true),
            new("staff", T["Unit.Headcount"], true), new("patents", T["Unit.Patents"], true), new("status", T["Unit.RecordStatus"]),
        ], records.Select(r => new TableRow(
        [
            new TableCell(r.Year.ToString(CultureInfo.InvariantCulture), r.Year),
            Plain(r.RdTotal, "wan"), Plain(r.GovFunds, "wan"), Plain(r.EnterpriseFunds, "wan"), Plain(r.Basic, "wan"), Plain(r.Applied, "wan"),
            Plain(r.Experimental, "wan"), Plain(r.Revenue, "wan"), Plain(r.PersonnelHeadcount, "int"), Plain(r.InventionPatents, "int"),
            new TableCell(T["RecordStatus." + r.Status], r.Status),
        ], r.Year == SelectedYear)).ToList());
        Certificates = Table("certificates", string.Format(Fmt.Culture, T["Unit.CertificatesCaption"], u.Name),
        [
            new("kind", T["Unit.CertKind"]), new("number", T["Unit.CertNumber"]), new("issued", T["Unit.CertIssued"]),
            new("expires", T["Unit.CertExpires"]), new("relocated", T["Unit.CertRelocated"]),
        ], page.Certificates.Select(c => new TableRow(
        [
            new TableCell(T["Cert." + c.Kind], c.Kind), new TableCell(c.Number, c.Number),
            new TableCell(Day(c.Issued), c.Issued.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new TableCell(c.Expires is { } e ? Day(e) : Format.Missing, c.Expires?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new TableCell(c.Relocated switch { true => T["Common.Yes"], false => T["Common.No"], null => Format.Missing }, c.Relocated),
        ])).ToList());
        Payments = Table("payments", string.Format(Fmt.Culture, T["Unit.PaymentsCaption"], u.Name),
        [
            new("rule", T["Unit.PaymentRule"]), new("year", T["Chart.Year"], true), new("amount", $"{T["Unit.PaymentAmount"]}（{T["Unit.Yuan"]}）", true),
            new("paid", T["Unit.PaymentPaidOn"]), new("source", T["Unit.PaymentSource"]),
        ], page.Payments.Select(p => new TableRow(
        [
            new TableCell(p.Rule, p.Rule), new TableCell(p.Year.ToString(CultureInfo.InvariantCulture), p.Year),
            new TableCell(p.Amount.ToString("#,0.00", Fmt.Culture), p.Amount), new TableCell(Day(p.PaidOn), p.PaidOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new TableCell(p.Source, p.Source),
        ])).ToList(),
            page.Payments.Count == 0 ? null : new TableRow([new TableCell(T["Table.Total"]), new TableCell(""), new TableCell(page.Payments.Sum(p => p.Amount).ToString("#,0.00", Fmt.Culture), page.Payments.Sum(p => p.Amount)), new TableCell(""), new TableCell("")]));
        return null;
    }

    public string Day(DateOnly d) => Fmt.Date(d.ToDateTime(TimeOnly.MinValue));
}
