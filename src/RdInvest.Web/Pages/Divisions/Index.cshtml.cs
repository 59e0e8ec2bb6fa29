using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RdInvest.Accounts;
using RdInvest.Data;
using RdInvest.Indicators;
using RdInvest.Plans;
using RdInvest.Targets;
using RdInvest.Web.Pages.Tables;

namespace RdInvest.Web.Pages.Divisions;

/// <summary>
/// `/divisions/{code}` (`/divisions` is the region, or the reader's own division): the path from the region, the
/// children's figures, every indicator over the years as table and chart, the division's targets, reported against
/// derived figures and the units behind them with outliers flagged. A division outside the reader's scope is 404.
/// </summary>
public sealed class IndexModel([FromKeyedServices(ReadRouting.Key)] RdInvestDb db, IStringLocalizer<SharedResource> text) : ReadingPageModel(text)
{
    [BindProperty(SupportsGet = true, Name = "code")]
    public string? Code { get; set; }

    /// <summary>The indicator the chart shows (?ind=).</summary>
    [BindProperty(SupportsGet = true, Name = "ind")]
    public string? ChartIndicator { get; set; }

    public DivisionPage Data { get; private set; } = null!;

    /// <summary>Whether a county's year is final, hence locked (the approval policy); shown as a badge.</summary>
    public bool Locked { get; private set; }

    public TableView? Children { get; private set; }
    public TableView Series { get; private set; } = null!;
    public TableView Targets { get; private set; } = null!;
    public TableView Reconciliation { get; private set; } = null!;
    public TableView? Units { get; private set; }
    public TableView? Outliers { get; private set; }

    public string ShownIndicator => IndicatorCalculator.Keys.Any(k => k.Key == ChartIndicator) ? ChartIndicator! : "rd_total";

    protected override string PagePath => "/divisions/" + Data.Self.Code;

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        await LoadFrameAsync(db, ct);
        var user = CurrentUser!;
        if (Code is null)
        {
            var home = PageFrameHandler.HomeDivision(user);
            if (home != PageFrameHandler.RegionCode)
            {
                return Redirect(Link("/divisions/" + home));
            }
            Code = home;
        }
        if (!await new ScopeService(db, user).CanSeeDivisionAsync(Code, ct))
        {
            return NotFound();
        }
        var page = await new DivisionPageHandler(db).HandleAsync(new DivisionPageRequest(Code, SelectedYear, PlanResolver.DefaultPlan, Preliminary), ct);
        if (page is null)
        {
            return NotFound();
        }
        Data = page;
        Synthetic = page.Synthetic;
        Locked = page.Self.Level == DivisionLevels.County
            && Approval.ApprovalPolicy.IsLocked(await Approval.ApprovalPolicy.StatusAsync(db, page.Self.Code, page.Year, ct));
        Title = string.Format(Fmt.Culture, T["Division.Title"], Name(page.Self.NameZh, page.Self.NameEn), page.Year);
        var visible = await new ScopeService(db, user).DivisionCodesAsync(ct);
        foreach (var step in page.Path)
        {
            var last = step == page.Path[^1];
            var open = visible is null || visible.Contains(step.Code);
            Crumbs.Add(new Crumb(Name(step.NameZh, step.NameEn), last || !open ? null : Link("/divisions/" + step.Code)));
        }
        BuildTables();
        return null;
    }

    private string NameOf(DivisionStep d) => Name(d.NameZh, d.NameEn);

    private void BuildTables()
    {
        var d = Data;
        var flagged = d.Reconciliation.Where(i => i.Flagged).Select(i => i.Division).ToHashSet(StringComparer.Ordinal);
        if (d.Children.Count > 0)
        {
            var cols = new List<TableColumn> { new("name", T["Table.Division"]) };
            cols.AddRange(DivisionPageHandler.ChildKeys.Select(k => new TableColumn(k, Header(k), true)));
            cols.Add(new TableColumn("reconcile", T["Division.ReconcileColumn"]));
            var rows = d.Children.Select(c => new TableRow(
            [
                new TableCell(NameOf(c.Division), NameOf(c.Division), Link("/divisions/" + c.Division.Code)),
                .. DivisionPageHandler.ChildKeys.Select(k => Num(c.Values[k], yi: c.Values[k].Unit == IndicatorUnits.Yuan)),
                flagged.Contains(c.Division.Code)
                    ? new TableCell(T["Division.Flagged"], T["Division.Flagged"].Value, null, null, "rd-flag")
                    : new TableCell(T["Division.Consistent"], T["Division.Consistent"].Value),
            ])).ToList();
            var selfSeries = DivisionPageHandler.ChildKeys.Select(k => d.Series.First(s => s.Key == k).Values[^1]).ToList();
            var total = new TableRow([new TableCell(NameOf(d.Self)), .. selfSeries.Select(v => Num(v, yi: v.Unit == IndicatorUnits.Yuan)), new TableCell(flagged.Contains(d.Self.Code) ? T["Division.Flagged"] : "")]);
            Children = Table("children", string.Format(Fmt.Culture, T["Division.ChildrenCaption"], NameOf(d.Self), d.Year), cols, rows, total);
        }

        var yearCols = new List<TableColumn> { new("indicator", T["Division.Indicator"]) };
        yearCols.AddRange(d.Years.Select(y => new TableColumn("y" + y.ToString(System.Globalization.CultureInfo.InvariantCulture), y.ToString(System.Globalization.CultureInfo.InvariantCulture), true)));
        Series = Table("series", string.Format(Fmt.Culture, T["Division.SeriesCaption"], NameOf(d.Self)), yearCols,
            d.Series.Select(s => new TableRow([new TableCell(Header(s.Key), Header(s.Key), Link(PagePath) + (Year is null && !Preliminary ? "?" : "&") + "ind=" + s.Key + "#chart"),
                .. s.Values.Select(v => Num(v, yi: v.Unit == IndicatorUnits.Yuan))], s.Key == ShownIndicator)).ToList());

        Targets = Table("targets", string.Format(Fmt.Culture, T["Targets.Caption"], NameOf(d.Self), d.Year), TargetColumns(T), d.Targets.Select(t => new TableRow(
        [
            new TableCell(t.Id, t.Id),
            new TableCell(TargetTitle(d.Definitions, t.Id, t.TitleZh), t.TitleZh),
            new TableCell(t.Clause, t.Clause),
            TargetValue(t.Actual, t.Unit),
            TargetValue(t.Expected, t.Unit),
            TargetValue(t.TargetEndValue, t.Unit),
            Plain(t.RequiredGrowth),
            StatusCell(t.Status, t.Reason),
        ])).ToList());

        Reconciliation = Table("reconcile", string.Format(Fmt.Culture, T["Division.ReconcileCaption"], d.Year, d.TolerancePercent.ToString("0.##", Fmt.Culture)),
        [
            new("division", T["Table.Division"]), new("measure", T["Division.Measure"]), new("reported", T["Division.Reported"], true),
            new("derived", T["Division.Derived"], true), new("difference", T["Division.Difference"], true), new("pct", T["Division.DifferencePct"], true),
            new("units", T["Division.UnitsBehind"], true), new("flag", T["Division.Check"]),
        ], d.Reconciliation.Select(i => new TableRow(
        [
            new TableCell(Name(i.NameZh, EnglishName(i.Division, i.NameZh)), i.NameZh, i.Division == d.Self.Code ? null : Link("/divisions/" + i.Division)),
            new TableCell(T["Measure." + i.Measure], T["Measure." + i.Measure].Value),
            MeasureCell(i.Reported, i.Unit), MeasureCell(i.Derived, i.Unit), MeasureCell(i.Difference, i.Unit),
            Plain(i.DifferencePercent),
            Plain(i.Units, "int"),
            i.Flagged ? new TableCell(T["Division.Flagged"], T["Division.Flagged"].Value, null, null, "rd-flag") : new TableCell(T["Division.Consistent"], T["Division.Consistent"].Value),
        ], i.Flagged)).ToList());

        if (d.Units.Count > 0)
        {
            Units = Table("units", string.Format(Fmt.Culture, T["Division.UnitsCaption"], NameOf(d.Self), d.Year),
            [
                new("code", T["Unit.CreditCode"]), new("name", T["Unit.Name"]), new("sector", T["Unit.Sector"]),
                new("rd", $"{T["Indicator.rd_total"]}（{T["Unit.Wan"]}）", true), new("prev", string.Format(Fmt.Culture, T["Division.PreviousYear"], d.Year - 1, T["Unit.Wan"]), true),
                new("growth", $"{T["Indicator.rd_growth"]}（%）", true), new("status", T["Unit.RecordStatus"]), new("outlier", T["Division.Outlier"]),
            ], d.Units.Select(u => new TableRow(
            [
                new TableCell(u.CreditCode, u.CreditCode, Link("/units/" + u.CreditCode)),
                new TableCell(u.Name, u.Name, null, u.IsSynthetic ? new Badge(T["Prov.synthetic"], "prov-synthetic", T["Prov.synthetic.Title"]) : null),
                new TableCell(T["Sector." + u.Sector], T["Sector." + u.Sector].Value),
                Plain(u.RdTotal, "wan"), Plain(u.Previous, "wan"), Plain(u.Growth),
                new TableCell(T["RecordStatus." + u.Status], T["RecordStatus." + u.Status].Value),
                u.ModifiedZ is { } z ? new TableCell(string.Format(Fmt.Culture, T["Division.OutlierZ"], z.ToString("0.00", Fmt.Culture)), z, null, null, "rd-flag") : new TableCell("", null),
            ], u.ModifiedZ is not null)).ToList());
        }
        if (d.Self.Level != DivisionLevels.County)
        {
            Outliers = Table("outliers", string.Format(Fmt.Culture, T["Division.OutliersCaption"], NameOf(d.Self), d.Year, d.OutlierThreshold.ToString("0.##", Fmt.Culture)),
            [
                new("code", T["Unit.CreditCode"]), new("name", T["Unit.Name"]), new("sector", T["Unit.Sector"]),
                new("prev", string.Format(Fmt.Culture, T["Division.PreviousYear"], d.Year - 1, T["Unit.Wan"]), true), new("rd", $"{T["Indicator.rd_total"]}（{T["Unit.Wan"]}）", true),
                new("growth", $"{T["Indicator.rd_growth"]}（%）", true), new("median", T["Division.GroupMedian"], true), new("z", T["Division.ModifiedZ"], true),
            ], d.Outliers.Select(o => new TableRow(
            [
                new TableCell(o.Observation.CreditCode, o.Observation.CreditCode, Link("/units/" + o.Observation.CreditCode)),
                new TableCell(o.Observation.Name, o.Observation.Name),
                new TableCell(T["Sector." + o.Observation.Sector], T["Sector." + o.Observation.Sector].Value),
                Plain(o.Observation.Previous, "wan"), Plain(o.Observation.Current, "wan"),
                Plain(100m * o.Growth), Plain(100m * o.Median), new TableCell(o.ModifiedZ.ToString("0.00", Fmt.Culture), o.ModifiedZ, null, null, "rd-flag"),
            ])).ToList());
        }
    }

    private string EnglishName(string code, string zh) =>
        Data.Path.Concat(Data.Children.Select(c => c.Division)).FirstOrDefault(s => s.Code == code)?.NameEn ?? zh;

    /// <summary>An indicator's column header with its unit.</summary>
    public string Header(string key)
    {
        var k = IndicatorCalculator.Keys.First(x => x.Key == key);
        var unit = k.Unit switch
        {
            IndicatorUnits.Yuan => T["Unit.Yi"].Value,
            IndicatorUnits.Percent => "%",
            _ => T["Unit.CountAxis"].Value,
        };
        return $"{(IsEnglish ? k.En : k.Zh)}（{unit}）";
    }

    private TableCell MeasureCell(decimal v, string unit) => unit == IndicatorUnits.Yuan ? Plain(v, "yi") : unit == IndicatorUnits.Count ? Plain(v, "int") : Plain(v);

    /// <summary>A target's value in its unit: 亿元 for money, percent, counts.</summary>
    public TableCell TargetValue(decimal? v, string unit) => unit == IndicatorUnits.Yuan ? Plain(v, "yi") : unit == IndicatorUnits.Count ? Plain(v, "int") : Plain(v);

    /// <summary>A target's title in the page's language (the plan's title_en in English).</summary>
    public string TargetTitle(IReadOnlyList<TargetDefinition> definitions, string id, string zh) =>
        IsEnglish ? definitions.FirstOrDefault(x => x.Id == id)?.TitleEn ?? zh : zh;

    public static List<TableColumn> TargetColumns(IStringLocalizer<SharedResource> t) =>
    [
        new("id", t["Targets.Id"]), new("title", t["Targets.Target"]), new("clause", t["Targets.Clause"]),
        new("actual", t["Targets.Actual"], true), new("expected", t["Targets.Expected"], true), new("end", t["Targets.EndValue"], true),
        new("required", t["Targets.Required"], true), new("status", t["Targets.Status"]),
    ];

    public ChartBlock SeriesChart() => new PageCharts(Fmt, T, IsEnglish).Series(Data, ShownIndicator, Header(ShownIndicator));
}
