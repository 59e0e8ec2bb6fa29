using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RdInvest.Accounts;
using RdInvest.Data;
using RdInvest.Indicators;
using RdInvest.Plans;
using RdInvest.Reports;
using RdInvest.Targets;
using RdInvest.Web.Pages.Tables;

namespace RdInvest.Web.Pages;

/// <summary>
/// `/`: the public portal when signed out (the latest released notification's figures and map, the released
/// notifications) and for roles without a division scope; the scoped dashboard for county, city and region roles.
/// </summary>
public sealed class IndexModel([FromKeyedServices(ReadRouting.Key)] RdInvestDb db, IStringLocalizer<SharedResource> text) : RdPageModel(text)
{
    [BindProperty(SupportsGet = true, Name = "map")]
    public string? MapIndicator { get; set; }

    public bool IsDashboard { get; private set; }

    public Dashboard? Board { get; private set; }

    public bool Synthetic { get; private set; }

    public NotificationSummary? Latest { get; private set; }

    public IReadOnlyList<NotificationSummary> Released { get; private set; } = [];

    public TableView? Areas { get; private set; }

    public bool IsCounty => Board?.Level == DivisionLevels.County;

    public Charts Chart => new(Fmt, T, IsEnglish);

    /// <summary>The portal shows released (final) figures only.</summary>
    public override bool ShowStatus => IsDashboard;

    public async Task<IActionResult> OnGetAsync([FromQuery] TableQuery tq, CancellationToken ct)
    {
        await LoadAsync(tq, ct);
        return Page();
    }

    /// <summary>The area table alone, for htmx (sort, filter, page).</summary>
    public async Task<IActionResult> OnGetTableAsync([FromQuery] TableQuery tq, CancellationToken ct)
    {
        await LoadAsync(tq, ct);
        return Areas is null ? NotFound() : Partial("_Table", Areas);
    }

    /// <summary>The area table as shown (filter and sort, every page) as XLSX.</summary>
    public async Task<IActionResult> OnGetXlsxAsync([FromQuery] TableQuery tq, CancellationToken ct)
    {
        await LoadAsync(tq, ct, allPages: true);
        return Areas is null ? NotFound()
            : File(Areas.ToXlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"rdinvest-{Board!.Division}-{Board.Year}.xlsx");
    }

    private async Task LoadAsync(TableQuery tq, CancellationToken ct, bool allPages = false)
    {
        await LoadFrameAsync(db, ct);
        var user = CurrentUser;
        IsDashboard = PageAccess.HasDashboard(user);
        if (IsDashboard)
        {
            var division = PageFrameHandler.HomeDivision(user!);
            var visible = await new ScopeService(db, user!).DivisionCodesAsync(ct);
            Board = await new DashboardHandler(db).HandleAsync(
                new DashboardRequest(division, SelectedYear, PlanResolver.DefaultPlan, Preliminary, MapIndicator ?? "rd_total"), visible, ct);
            Title = string.Format(Fmt.Culture, T["Dashboard.Title"], Name(Board.NameZh, Board.NameEn));
            Crumbs.Add(new Crumb(Name(Board.NameZh, Board.NameEn)));
        }
        else
        {
            Released = await new ListNotificationsHandler(db).HandleAsync(releasedOnly: true, ct);
            // The portal shows released notifications only: its years are theirs, its data final.
            Years = Released.Select(n => n.Year).Distinct().Order().ToList();
            Latest = Released.Where(n => n.Year == SelectedYear).MaxBy(n => n.Id);
            Status = null;
            if (Latest is not null)
            {
                Board = await new DashboardHandler(db).HandleAsync(
                    new DashboardRequest(PageFrameHandler.RegionCode, Latest.Year, Latest.PlanId, false, MapIndicator ?? "rd_total"), null, ct);
                AsOf = Latest.DataAsOf;
            }
            Title = T["Portal.Title"];
        }
        if (Board is not null)
        {
            Synthetic = await db.RdRecords.AnyAsync(r => r.Year == Board.Year && r.IsSynthetic, ct);
            // A county has no divisions below it and no place on the league/city map: its page is the cards and trajectories.
            Areas = IsDashboard && !IsCounty ? AreaTable(Board).Apply(tq, allPages) : null;
        }
    }

    public IEnumerable<ChartBlock> TrajectoryCharts()
    {
        var b = Board!;
        var charts = Chart;
        for (var i = 0; i < b.Trajectories.Count; i++)
        {
            var t = b.Trajectories[i];
            List<string> cols = [T["Chart.Year"], T["Chart.Actual"], .. t.Paths.Select(p => string.Format(Fmt.Culture, T["Chart.Path"], p.TargetId))];
            var rows = t.Years.Select((y, k) => (IReadOnlyList<string>)[y.ToString(Fmt.Culture), Fmt.Value(t.Actual[k], t.Unit), .. t.Paths.Select(p => Fmt.Value(p.Values[k], t.Unit))]).ToList();
            yield return new ChartBlock($"trajectory-{i}", "trajectory", charts.Trajectory(t, b.Year),
                charts.TrajectoryTitle(t, b.Year) + " — " + charts.RequiredGrowthText(t), cols, rows);
        }
    }

    public ChartBlock MapChart()
    {
        var b = Board!;
        var charts = Chart;
        var unit = b.Leagues.FirstOrDefault()?.MapValue.Unit ?? IndicatorUnits.Percent;
        var rows = b.Leagues.Select(l => (IReadOnlyList<string>)[charts.AreaName(l), l.Visible ? Fmt.Value(l.MapValue.Value, l.MapValue.Unit) : Format.Missing]).ToList();
        var title = string.Format(Fmt.Culture, T["Chart.MapTitle"], b.Year, charts.IndicatorName(b.MapIndicator), charts.UnitLabel(unit));
        return new ChartBlock("map", "map", charts.Map(b.Leagues, b.MapIndicator, b.Year, IsDashboard), title, [T["Table.Division"], T["Chart.Value"]], rows, "rd-chart rd-map");
    }

    /// <summary>The ranking of the leagues/cities (region, portal) or of the counties (league/city); none for a county.</summary>
    public ChartBlock? RankingChart()
    {
        var b = Board!;
        var charts = Chart;
        IReadOnlyList<DashboardArea> ranked = !IsDashboard || b.Level == DivisionLevels.Region ? b.Leagues
            : b.Level == DivisionLevels.LeagueCity ? b.Children : [];
        if (ranked.Count == 0)
        {
            return null;
        }
        var unit = ranked[0].MapValue.Unit;
        var title = string.Format(Fmt.Culture, T["Chart.RankingTitle"], b.Year, charts.IndicatorName(b.MapIndicator), charts.UnitLabel(unit));
        var rows = ranked.Where(a => a.Visible && a.MapValue.Value is not null).OrderByDescending(a => a.MapValue.Value)
            .Select(a => (IReadOnlyList<string>)[charts.AreaName(a), Fmt.Value(a.MapValue.Value, a.MapValue.Unit)]).ToList();
        return new ChartBlock("ranking", "ranking", charts.Ranking(ranked, b.MapIndicator, b.Year, CurrentUser?.Scope, IsDashboard), title,
            [T["Table.Division"], T["Chart.Value"]], rows, "rd-chart rd-map");
    }

    /// <summary>The provenance badges of a figure: 公布 or 汇总, 示例 when derived from synthetic records, 初步 on preliminary data.</summary>
    public IEnumerable<Badge> Badges(IndicatorValue v)
    {
        if (v.Provenance is null)
        {
            yield break;
        }
        var kind = v.Provenance == "reported" ? "reported" : "derived";
        yield return new Badge(T["Prov." + kind], "prov-" + kind, T["Prov." + kind + ".Title"]);
        if (kind == "derived" && Synthetic)
        {
            yield return new Badge(T["Prov.synthetic"], "prov-synthetic", T["Prov.synthetic.Title"]);
        }
        if (Preliminary)
        {
            yield return new Badge(T["Prov.preliminary"], "prov-preliminary", T["Prov.preliminary.Title"]);
        }
    }

    /// <summary>The table under the map: the leagues/cities (region) or counties (league/city), the division itself as total.</summary>
    private TableView AreaTable(Dashboard b)
    {
        var areas = b.Level == DivisionLevels.County ? [] : b.Children;
        var drill = b.Level != DivisionLevels.County;
        TableRow Row(DashboardArea a, bool link) => new(
        [
            new TableCell(Name(a.NameZh, a.NameEn), Name(a.NameZh, a.NameEn), link ? Link("/divisions/" + a.Code) : null),
            Num(a.RdTotal, yi: true),
            Num(a.RdGrowth),
            Num(a.Intensity),
            Num(a.GovFunds, yi: true),
        ]);
        var columns = new List<TableColumn>
        {
            new("name", T["Table.Division"]),
            new("rd_total", Header("Indicator.rd_total", T["Unit.Yi"]), true),
            new("rd_growth", Header("Indicator.rd_growth", "%"), true),
            new("rd_intensity", Header("Indicator.rd_intensity", "%"), true),
            new("rd_gov_funds", Header("Indicator.rd_gov_funds", T["Unit.Yi"]), true),
        };
        var total = Row(b.Self, link: false);
        return new TableView("areas", string.Format(Fmt.Culture, T["Dashboard.TableCaption"], Name(b.NameZh, b.NameEn), b.Year),
            columns, areas.Select(a => Row(a, drill)).ToList(), total) { Url = Link("/") };
    }

    private string Header(string key, string unit) => string.Format(Fmt.Culture, T["Table.HeaderUnit"], T[key], unit);

    private TableCell Num(IndicatorValue v, bool yi = false) =>
        new(yi ? Fmt.YiNumber(v.Value) : Fmt.Value(v.Value, v.Unit).Replace("%", "", StringComparison.Ordinal),
            v.Value is { } x ? yi ? decimal.Round(x / 100_000_000m, 2) : x : null);
}
