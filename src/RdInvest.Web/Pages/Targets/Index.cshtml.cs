using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RdInvest.Accounts;
using RdInvest.Data;
using RdInvest.Indicators;
using RdInvest.Plans;
using RdInvest.Targets;
using RdInvest.Web.Pages.Tables;

namespace RdInvest.Web.Pages.Targets;

/// <summary>
/// `/targets`: every target of the plan (T1–T14) for the region with its clause, actual, expected, required growth
/// and status; and each league/city's standing on the targets that apply to it. Readers scoped to a league/city or
/// county see the region and their own division.
/// </summary>
public sealed class IndexModel([FromKeyedServices(ReadRouting.Key)] RdInvestDb db, IStringLocalizer<SharedResource> text) : ReadingPageModel(text)
{
    public TargetsOverview Data { get; private set; } = null!;

    public TableView Region { get; private set; } = null!;

    public TableView Divisions { get; private set; } = null!;

    protected override string PagePath => "/targets";

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        await LoadFrameAsync(db, ct);
        var user = CurrentUser!;
        var visible = await new ScopeService(db, user).DivisionCodesAsync(ct);
        // Region readers: the region and every league/city; officers: the region and their own division.
        Data = await new TargetsOverviewHandler(db).HandleAsync(new TargetsOverviewRequest(SelectedYear, PlanResolver.DefaultPlan, Preliminary,
            visible is null ? null : [PageFrameHandler.RegionCode, PageFrameHandler.HomeDivision(user)]), ct);
        Synthetic = Data.Synthetic;
        Title = string.Format(Fmt.Culture, T["Targets.Title"], Data.Year);
        Crumbs.Add(new Crumb(T["Nav.Targets"]));
        var region = Data.Divisions[0];
        Region = Table("region", string.Format(Fmt.Culture, T["Targets.Caption"], Name(region.NameZh, region.NameEn), Data.Year),
            RdInvest.Web.Pages.Divisions.IndexModel.TargetColumns(T), region.Targets.Select(t => new TableRow(
            [
                new TableCell(t.Id, t.Id),
                new TableCell(TitleOf(t.Id, t.TitleZh), t.TitleZh),
                new TableCell(t.Clause, t.Clause),
                ValueCell(t.Actual, t.Unit), ValueCell(t.Expected, t.Unit), ValueCell(t.TargetEndValue, t.Unit),
                Plain(t.RequiredGrowth),
                StatusCell(t.Status, t.Reason),
            ])).ToList());

        var rows = Data.Divisions.Skip(1).ToList();
        var ids = Data.Definitions.Select(x => x.Id).Where(id => rows.Any(r => r.Targets.Any(t => t.Id == id))).ToList();
        var columns = new List<TableColumn> { new("name", T["Table.Division"]) };
        columns.AddRange(ids.Select(id => new TableColumn(id, id)));
        Divisions = Table("divisions", string.Format(Fmt.Culture, T["Targets.DivisionsCaption"], Data.Year), columns, rows.Select(r => new TableRow(
        [
            new TableCell(Name(r.NameZh, r.NameEn), r.Code, Link("/divisions/" + r.Code)),
            .. ids.Select(id => r.Targets.FirstOrDefault(t => t.Id == id) is { } t
                ? new TableCell(Fmt.Value(t.Actual, t.Unit), t.Status, null, new Badge(Fmt.StatusText(t.Status), "rd-status " + Format.StatusClass(t.Status), t.Reason))
                : new TableCell(Format.Missing, null)),
        ], r.Code == user.Scope)).ToList());
        return null;
    }

    public string TitleOf(string id, string zh) => IsEnglish ? Data.Definitions.FirstOrDefault(x => x.Id == id)?.TitleEn ?? zh : zh;

    private TableCell ValueCell(decimal? v, string unit) => unit == IndicatorUnits.Yuan ? Plain(v, "yi") : unit == IndicatorUnits.Count ? Plain(v, "int") : Plain(v);
}
