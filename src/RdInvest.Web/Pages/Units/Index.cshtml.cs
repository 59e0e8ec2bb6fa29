using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RdInvest.Accounts;
using RdInvest.Data;
using RdInvest.Records;
using RdInvest.Web.Pages.Tables;

namespace RdInvest.Web.Pages.Units;

/// <summary>`/units`: the reporting units within the reader's scope with their R&amp;D of the year, each opening its page.</summary>
public sealed class IndexModel(RdInvestDb db, IStringLocalizer<SharedResource> text) : ReadingPageModel(text)
{
    public TableView List { get; private set; } = null!;

    protected override string PagePath => "/units";

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        await LoadFrameAsync(db, ct);
        var scope = new ScopeService(db, CurrentUser!);
        var rows = await new UnitPageHandler(db).ListAsync(scope.Units(db.Units), SelectedYear, Preliminary, ct);
        Synthetic = rows.Any(r => r.IsSynthetic);
        Title = T["Units.Title"];
        Crumbs.Add(new Crumb(Title));
        List = Table("units", string.Format(Fmt.Culture, T["Units.Caption"], SelectedYear),
        [
            new("code", T["Unit.CreditCode"]), new("name", T["Unit.Name"]), new("sector", T["Unit.Sector"]), new("division", T["Table.Division"]),
            new("park", T["Unit.Park"]), new("rd", $"{T["Indicator.rd_total"]}（{T["Unit.Wan"]}）", true), new("status", T["Unit.RecordStatus"]),
        ], rows.Select(u => new TableRow(
        [
            new TableCell(u.CreditCode, u.CreditCode, Link("/units/" + u.CreditCode)),
            new TableCell(u.Name, u.Name, null, u.IsSynthetic ? new Badge(T["Prov.synthetic"], "prov-synthetic", T["Prov.synthetic.Title"]) : null),
            new TableCell(T["Sector." + u.Sector], T["Sector." + u.Sector].Value),
            new TableCell(Name(u.DivisionZh, u.DivisionEn), u.DivisionCode),
            new TableCell(u.ParkName ?? Format.Missing, u.ParkName),
            Plain(u.RdTotal, "wan"),
            new TableCell(u.Status is null ? T["Units.NoRecord"] : T["RecordStatus." + u.Status], u.Status),
        ])).ToList());
        return null;
    }
}
