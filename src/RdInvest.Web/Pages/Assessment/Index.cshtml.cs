using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RdInvest.Accounts;
using RdInvest.Assessment;
using RdInvest.Data;
using RdInvest.Divisions;
using RdInvest.Web.Pages.Tables;

namespace RdInvest.Web.Pages.Assessment;

/// <summary>
/// `/assessment`: the leagues/cities scored on the plan's assessment scheme (三(三)) by criterion, with total, rank
/// and grade, and reporting quality beside (not scored). Official data only. A city officer sees the whole table
/// with their own row highlighted.
/// </summary>
public sealed class IndexModel([FromKeyedServices(ReadRouting.Key)] RdInvestDb db, IStringLocalizer<SharedResource> text) : ReadingPageModel(text)
{
    public AssessResult Data { get; private set; } = null!;

    public TableView Scores { get; private set; } = null!;

    public string? Own { get; private set; }

    private IReadOnlyDictionary<string, string> _en = new Dictionary<string, string>();

    protected override string PagePath => "/assessment";

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        await LoadFrameAsync(db, ct);
        Data = await new AssessHandler(db).HandleAsync(new AssessRequest(SelectedYear), ct);
        _en = (await new DivisionQueryHandler(db).HandleAsync(new DivisionQuery(DivisionLevels.LeagueCity, null), ct)).ToDictionary(x => x.Code, x => x.NameEn);
        Synthetic = await Indicators.SyntheticData.InYearAsync(db, Data.Year, ct);
        Own = CurrentUser?.Role == Roles.CityOfficer ? CurrentUser.Scope : null;
        Title = string.Format(Fmt.Culture, T["Assessment.Title"], Data.Year);
        Crumbs.Add(new Crumb(T["Nav.Assessment"]));
        var columns = new List<TableColumn> { new("rank", T["Assessment.Rank"], true), new("name", T["Table.Division"]) };
        columns.AddRange(Data.Criteria.Select(c => new TableColumn(c.Id, $"{(IsEnglish ? c.TitleEn ?? c.TitleZh : c.TitleZh)}（{c.MaxPoints.ToString("0.##", Fmt.Culture)}）", true)));
        columns.AddRange(
        [
            new("total", T["Assessment.Total"], true), new("grade", T["Assessment.Grade"]),
            new("reporting", T["Assessment.ReportingRate"], true), new("errors", T["Assessment.ErrorRate"], true), new("warnings", T["Assessment.WarningRate"], true),
        ]);
        Scores = Table("scores", string.Format(Fmt.Culture, T["Assessment.Caption"], Data.Year), columns, Data.Results.Select(r => new TableRow(
        [
            Plain(r.Rank, "int"),
            new TableCell(NameOf(r.Division, r.Name), r.Division, Link("/divisions/" + r.Division)),
            .. r.Criteria.Select(c => new TableCell(c.Points.ToString("0.00", Fmt.Culture), c.Points, null,
                c.Flag is not null ? new Badge(T["Status.no_data"], "prov-derived", c.Reason)
                : c.Source == "reported" ? new Badge(T["Prov.reported"], "prov-reported", T["Prov.reported.Title"])
                : c.Source is null ? null : Synthetic ? new Badge(T["Prov.synthetic"], "prov-synthetic", T["Prov.synthetic.Title"]) : new Badge(T["Prov.derived"], "prov-derived", T["Prov.derived.Title"]))),
            new TableCell(r.Total.ToString("0.00", Fmt.Culture), r.Total, null, null, "fw-bold"),
            new TableCell(IsEnglish ? r.GradeEn ?? r.Grade : r.Grade, r.Grade, null, null, "text-nowrap"),
            Plain(r.ReportingQuality), Plain(r.ImportErrorRate), Plain(r.ImportWarningRate),
        ], r.Division == Own)).ToList());
        return null;
    }

    public string NameOf(string code, string zh) => IsEnglish ? _en.GetValueOrDefault(code, zh) : zh;

    public ChartBlock Chart() => new PageCharts(Fmt, T, IsEnglish).Assessment(Data, Own, NameOf);
}
