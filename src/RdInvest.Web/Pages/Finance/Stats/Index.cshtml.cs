using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RdInvest.Data;
using RdInvest.Finance;
using RdInvest.Web.Pages.Tables;

namespace RdInvest.Web.Pages.Finance.Stats;

/// <summary>
/// `/finance/stats/{year}`: the special statistics of financial support for S&amp;T innovation (二(三)10) from
/// <see cref="FinanceStatsHandler"/> (as `rdinvest finance stats` and GET /api/v1/finance/stats/{year}): per institution
/// (a bank with its branches rolled up), per league/city with a chart of the year-end balances and their growth, and
/// the direct financing per league/city; the same tables as the handler's workbook.
/// </summary>
public sealed class IndexModel(RdInvestDb db, IStringLocalizer<SharedResource> text) : FinancePageModel(text)
{
    public FinanceStatsResult Data { get; private set; } = null!;

    public TableView Institutions { get; private set; } = null!;
    public TableView Leagues { get; private set; } = null!;
    public TableView Financing { get; private set; } = null!;

    protected override string PagePath => "/finance/stats/" + SelectedYear.ToString(CultureInfo.InvariantCulture);

    /// <summary>The year in the URL's path wins over ?year= in model binding; the year selector's choice moves the path.</summary>
    private IActionResult? YearFromSelector()
    {
        var route = RouteData.Values["year"] as string;
        return Request.Query["year"].FirstOrDefault() is { } q && int.TryParse(q, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && route is not null
               && q != route
            ? Redirect("/finance/stats/" + y.ToString(CultureInfo.InvariantCulture))
            : null;
    }

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (YearFromSelector() is { } redirect)
        {
            return redirect;
        }
        await LoadFinanceFrameAsync(db, ct);
        Data = await new FinanceStatsHandler(db).HandleAsync(new FinanceStatsRequest(SelectedYear), ct);
        Synthetic = await FinanceRecords.AnySyntheticAsync(db, ct);
        Title = string.Format(Fmt.Culture, T["Finance.Stats.Title"], Data.Year);
        Crumbs.Add(new Crumb(T["Nav.Group.finance"]));
        Crumbs.Add(new Crumb(Title));
        _en = (await new global::RdInvest.Divisions.DivisionQueryHandler(db).HandleAsync(new global::RdInvest.Divisions.DivisionQuery(DivisionLevels.LeagueCity, null), ct))
            .ToDictionary(x => x.Code, x => x.NameEn, StringComparer.Ordinal);
        var byCode = Data.Institutions.ToDictionary(i => i.Code, StringComparer.Ordinal);
        Institutions = Table("institutions", string.Format(Fmt.Culture, T["Finance.Stats.InstitutionsCaption"], Data.Year),
        [
            new("name", T["Finance.Name"]), new("kind", T["Finance.Kind"]), .. FinanceColumns.Columns(T),
        ], Data.Institutions.Select(i => new TableRow(
        [
            new TableCell(i.ParentCode is null ? i.Name : "└ " + i.Name, i.Name, null,
                i.ParentCode is { } p ? new Badge(T["Finance.Branch"], "prov-derived", string.Format(Fmt.Culture, T["Finance.BranchOf"], byCode.GetValueOrDefault(p)?.Name ?? p)) : null,
                i.ParentCode is null ? "fw-bold" : null, i.Code),
            new TableCell(KindName(i.Kind), KindName(i.Kind)),
            .. FinanceColumns.Cells(this, FinanceColumns.Of(i)),
        ])).ToList());
        Leagues = Table("leagues", string.Format(Fmt.Culture, T["Finance.Stats.LeaguesCaption"], Data.Year),
            [new("name", T["Table.Division"]), .. FinanceColumns.Columns(T)],
            Data.LeagueCities.Select(l => new TableRow([new TableCell(LeagueName(l), l.Code ?? "", null, null, "text-nowrap"), .. FinanceColumns.Cells(this, FinanceColumns.Of(l))])).ToList(),
            new TableRow([new TableCell(T["Finance.Region"]), .. FinanceColumns.Cells(this, Data.Region)]));
        Financing = Table("financing", string.Format(Fmt.Culture, T["Finance.Stats.FinancingCaption"], Data.Year),
        [
            new("name", T["Table.Division"]), new("events", T["Finance.Stat.financing_events"], true), new("amount", T["Finance.Stat.financing_amount"], true),
            .. FinancingKinds.All.Select(k => new TableColumn(k, $"{FinancingKindName(k)}（{T["Unit.Wan"]}）", true)),
        ], Data.LeagueCities.Select(l => new TableRow(
        [
            new TableCell(LeagueName(l), l.Code ?? "", null, null, "text-nowrap"), Count(l.FinancingEventsTotal), Wan(l.FinancingAmountTotal),
            .. FinancingKinds.All.Select(k => KindCell(l.FinancingEvents[k], l.FinancingAmount[k])),
        ])).ToList(),
            new TableRow(
            [
                new TableCell(T["Finance.Region"]), Count(Data.LeagueCities.Sum(l => l.FinancingEventsTotal)), Wan(Data.LeagueCities.Sum(l => l.FinancingAmountTotal)),
                .. FinancingKinds.All.Select(k => KindCell(Data.LeagueCities.Sum(l => l.FinancingEvents[k]), Data.LeagueCities.Sum(l => l.FinancingAmount[k]))),
            ]));
        return null;
    }

    /// <summary>The amount raised by one kind of financing in 万元, with the number of events beside it.</summary>
    private TableCell KindCell(int events, decimal amount) => events == 0
        ? new TableCell("0.00", 0m)
        : new TableCell(string.Format(Fmt.Culture, T["Finance.KindCell"], (amount / 10_000m).ToString("#,0.00", Fmt.Culture), events),
            amount / 10_000m, null, null, "text-nowrap", Fmt.Yuan(amount));

    private Dictionary<string, string> _en = new(StringComparer.Ordinal);

    /// <summary>A league/city's name in the page's language.</summary>
    public string LeagueName(LeagueCityStats l) => l.Code is null ? T["Finance.Unattributed"] : IsEnglish ? _en.GetValueOrDefault(l.Code, l.Name) : l.Name;

    /// <summary>The XLSX of `rdinvest finance stats --out F.xlsx`: the region, institutions and league/city sheets.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct)
    {
        await LoadFinanceFrameAsync(db, ct);
        var dir = Directory.CreateTempSubdirectory("rdinvest-finance-stats-");
        try
        {
            var path = Path.Combine(dir.FullName, "stats.xlsx");
            await new FinanceStatsHandler(db).HandleAsync(new FinanceStatsRequest(SelectedYear, path), ct);
            return File(await System.IO.File.ReadAllBytesAsync(path, ct), XlsxType, $"rdinvest-finance-stats-{SelectedYear.ToString(CultureInfo.InvariantCulture)}.xlsx");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>The year-end balance of S&amp;T-enterprise loans by league/city (bars, 万元) and its growth (line, %).</summary>
    public ChartBlock Chart()
    {
        var rows = Data.LeagueCities;
        var title = string.Format(Fmt.Culture, T["Finance.Stats.ChartTitle"], Data.Year);
        var balance = T["Finance.Stat.balance_year_end"].Value;
        var growth = T["Finance.Stat.balance_growth"].Value;
        var o = new JsonObject
        {
            ["textStyle"] = new JsonObject { ["fontFamily"] = "Noto Sans CJK SC, Noto Sans SC, sans-serif" },
            ["title"] = new JsonObject { ["text"] = title, ["left"] = 0, ["textStyle"] = new JsonObject { ["fontSize"] = 14 } },
            ["tooltip"] = new JsonObject { ["trigger"] = "axis" },
            ["animation"] = false,
            ["legend"] = new JsonObject { ["bottom"] = 0 },
            ["grid"] = new JsonObject { ["left"] = 72, ["right"] = 64, ["top"] = 64, ["bottom"] = 72 },
            ["xAxis"] = new JsonObject
            {
                ["type"] = "category",
                ["axisLabel"] = new JsonObject { ["interval"] = 0, ["rotate"] = 30, ["fontSize"] = 11 },
                ["data"] = new JsonArray(rows.Select(l => (JsonNode?)JsonValue.Create(LeagueName(l))).ToArray()),
            },
            ["yAxis"] = new JsonArray(
                new JsonObject { ["type"] = "value", ["name"] = T["Unit.Wan"].Value, ["nameGap"] = 14 },
                new JsonObject { ["type"] = "value", ["name"] = "%", ["nameGap"] = 14, ["splitLine"] = new JsonObject { ["show"] = false } }),
            ["series"] = new JsonArray(
                new JsonObject
                {
                    ["name"] = balance,
                    ["type"] = "bar",
                    ["barMaxWidth"] = 28,
                    ["itemStyle"] = new JsonObject { ["color"] = "#206bc4" },
                    ["label"] = new JsonObject { ["show"] = true, ["position"] = "top", ["fontSize"] = 10 },
                    ["data"] = new JsonArray(rows.Select(l => (JsonNode?)JsonValue.Create(decimal.Round(l.BalanceYearEnd / 10_000m, 2))).ToArray()),
                },
                new JsonObject
                {
                    ["name"] = growth,
                    ["type"] = "line",
                    ["yAxisIndex"] = 1,
                    ["symbolSize"] = 7,
                    ["connectNulls"] = false,
                    ["itemStyle"] = new JsonObject { ["color"] = "#f76707" },
                    ["data"] = new JsonArray(rows.Select(l => (JsonNode?)JsonValue.Create(l.BalanceGrowth)).ToArray()),
                }),
        };
        var table = rows.Select(l => (IReadOnlyList<string>)
            [LeagueName(l), (l.BalanceYearEnd / 10_000m).ToString("#,0.00", Fmt.Culture), l.BalanceGrowth is { } g ? g.ToString("0.00", Fmt.Culture) : T["Finance.Reason.NoPreviousBalance"].Value]).ToList();
        return new ChartBlock("balance-chart", "series", o, title,
            [T["Table.Division"], $"{balance}", $"{growth}"], table, "rd-chart rd-chart-tall");
    }
}
