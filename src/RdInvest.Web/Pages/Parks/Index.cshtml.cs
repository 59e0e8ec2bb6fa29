using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RdInvest.Accounts;
using RdInvest.Data;
using RdInvest.Divisions;
using RdInvest.Parks;
using RdInvest.Web.Pages.Tables;

namespace RdInvest.Web.Pages.Parks;

/// <summary>
/// `/parks`: each park's R&amp;D intensity against its category's T12 floor (二(四)12, met or missed), the composite
/// index of 二(五)17 with its rank, rank within the category and rank range under the weight sensitivity runs;
/// by category (`?category=`). A park administrator sees every park with their own highlighted.
/// </summary>
public sealed class IndexModel([FromKeyedServices(ReadRouting.Key)] RdInvestDb db, IStringLocalizer<SharedResource> text) : ReadingPageModel(text)
{
    [BindProperty(SupportsGet = true, Name = "category")]
    public string? Category { get; set; }

    public ParksResult Data { get; private set; } = null!;

    public TableView Parks { get; private set; } = null!;

    public TableView Floors { get; private set; } = null!;

    protected override string PagePath => Category is null ? "/parks" : "/parks?category=" + Category;

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        await LoadFrameAsync(db, ct);
        if (Category is not null && !ParkCategories.All.Contains(Category))
        {
            Category = null;
        }
        Data = await new ParksHandler(db).HandleAsync(new ParksRequest(SelectedYear, Category), ct);
        Synthetic = Data.Parks.Any(p => p.IsSynthetic);
        Title = string.Format(Fmt.Culture, T["Parks.Title"], Data.Year);
        Crumbs.Add(new Crumb(T["Nav.Parks"]));
        _en = (await new DivisionQueryHandler(db).HandleAsync(new DivisionQuery(DivisionLevels.LeagueCity, null), ct)).ToDictionary(x => x.Code, x => x.NameEn);
        var own = CurrentUser?.Role == Roles.ParkAdmin ? CurrentUser.Scope : null;
        Parks = Table("parks", string.Format(Fmt.Culture, T["Parks.Caption"], Data.Year),
        [
            new("rank", T["Parks.Rank"], true), new("name", T["Parks.Name"]), new("category", T["Parks.Category"]), new("league", T["Table.Division"]),
            new("rd", $"{T["Indicator.rd_total"]}（{T["Unit.Yi"]}）", true), new("intensity", T["Parks.Intensity"], true), new("floor", T["Parks.Floor"], true),
            new("met", T["Parks.Met"]), new("score", T["Parks.Score"], true), new("catrank", T["Parks.CategoryRank"], true), new("range", T["Parks.RankRange"]),
        ], Data.Parks.Select(p => new TableRow(
        [
            Plain(p.Index.Rank, "int"),
            new TableCell(p.Name, p.Name, null, p.IsSynthetic ? new Badge(T["Prov.synthetic"], "prov-synthetic", T["Prov.synthetic.Title"]) : null),
            new TableCell(T["ParkCategory." + p.Category], p.Category),
            new TableCell(LeagueName(p.LeagueCity, p.LeagueCityName), p.LeagueCity),
            Plain(p.RdTotalYuan, "yi"), Plain(p.Intensity), Plain(p.Floor),
            MetCell(p.Met),
            Plain(p.Index.Score),
            Plain(p.Index.CategoryRank, "int"),
            new TableCell(p.Index.RankMin is { } a && p.Index.RankMax is { } b ? $"{a}–{b}" : Format.Missing, p.Index.RankMin, null,
                p.Index.Reason is { } r ? new Badge("?", "prov-derived", r) : null),
        ], p.ParkId == own)).ToList());

        var byCategory = Data.Parks.GroupBy(p => p.Category).OrderBy(g => ParkCategories.All.ToList().IndexOf(g.Key)).ToList();
        Floors = Table("floors", string.Format(Fmt.Culture, T["Parks.FloorsCaption"], Data.Year),
        [
            new("category", T["Parks.Category"]), new("floor", T["Parks.Floor"], true), new("parks", T["Parks.Count"], true),
            new("met", T["Parks.MetCount"], true), new("missed", T["Parks.MissedCount"], true), new("nodata", T["Parks.NoDataCount"], true),
        ], byCategory.Select(g => new TableRow(
        [
            new TableCell(T["ParkCategory." + g.Key], g.Key, Link("/parks") + (Year is null && !Preliminary ? "?" : "&") + "category=" + g.Key),
            Plain(g.Select(p => p.Floor).FirstOrDefault(f => f is not null)),
            Plain(g.Count(), "int"), Plain(g.Count(p => p.Met == true), "int"), Plain(g.Count(p => p.Met == false), "int"), Plain(g.Count(p => p.Met is null), "int"),
        ])).ToList(),
            new TableRow([new TableCell(T["Table.Total"]), new TableCell(""), Plain(Data.Parks.Count, "int"), Plain(Data.Parks.Count(p => p.Met == true), "int"),
                Plain(Data.Parks.Count(p => p.Met == false), "int"), Plain(Data.Parks.Count(p => p.Met is null), "int")]));
        return null;
    }

    private string LeagueName(string code, string zh) => IsEnglish ? _en.GetValueOrDefault(code, zh) : zh;

    private IReadOnlyDictionary<string, string> _en = new Dictionary<string, string>();

    private TableCell MetCell(bool? met) => met switch
    {
        true => new TableCell(T["Parks.FloorMet"], true, null, null, "rd-st status-achieved"),
        false => new TableCell(T["Parks.FloorMissed"], false, null, null, "rd-st status-behind"),
        null => new TableCell(T["Status.no_data"], null, null, null, "rd-st status-no-data"),
    };
}
