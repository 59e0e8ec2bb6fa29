using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RdInvest.Indicators;
using RdInvest.Web.Pages.Tables;

namespace RdInvest.Web.Pages;

/// <summary>
/// A reading page with several server-side tables (divisions, units, targets, parks, assessment): the full page,
/// one table alone for htmx (handler=table&amp;table=ID) and one table as shown as XLSX (handler=xlsx&amp;table=ID).
/// The sort, filter and page in the query apply to the table it names only. <see cref="LoadAsync"/> returns a
/// result (404) instead of the page when the page may not be shown.
/// </summary>
public abstract class ReadingPageModel(IStringLocalizer<SharedResource> text) : RdPageModel(text)
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [BindProperty(SupportsGet = true, Name = "table")]
    public string? TableId { get; set; }

    private readonly Dictionary<string, TableView> _tables = new(StringComparer.Ordinal);
    private TableQuery _query = new();
    private bool _allPages;

    /// <summary>True when the year's figures are derived from synthetic (demo) records: derived figures carry 示例.</summary>
    public bool Synthetic { get; protected set; }

    /// <summary>Loads the page's view record and registers its tables with <see cref="Table"/>; a non-null result replaces the page.</summary>
    protected abstract Task<IActionResult?> LoadAsync(CancellationToken ct);

    /// <summary>The page's URL (with its year and status) that the tables' links extend.</summary>
    protected abstract string PagePath { get; }

    public async Task<IActionResult> OnGetAsync([FromQuery] TableQuery tq, CancellationToken ct)
    {
        _query = tq;
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnGetTableAsync([FromQuery] TableQuery tq, CancellationToken ct)
    {
        _query = tq;
        return await LoadAsync(ct) ?? (TableId is { } id && _tables.TryGetValue(id, out var t) ? Partial("_Table", t) : NotFound());
    }

    public async Task<IActionResult> OnGetXlsxAsync([FromQuery] TableQuery tq, CancellationToken ct)
    {
        _query = tq;
        _allPages = true;
        return await LoadAsync(ct) ?? (TableId is { } id && _tables.TryGetValue(id, out var t)
            ? File(t.ToXlsx(), XlsxType, $"rdinvest-{id}-{SelectedYear}.xlsx")
            : NotFound());
    }

    /// <summary>The URL the tables' links extend: the page path with its year and status; a page with more query state adds it.</summary>
    protected virtual string TableUrl => Link(PagePath);

    /// <summary>Registers a table: sorted, filtered and paged by the query when the query names it.</summary>
    protected TableView Table(string id, string caption, IReadOnlyList<TableColumn> columns, IReadOnlyList<TableRow> rows, TableRow? total = null)
    {
        var own = TableId == id;
        var t = new TableView(id, caption, columns, rows, total) { Url = TableUrl };
        t.Apply(own ? _query : new TableQuery(), own && _allPages);
        _tables[id] = t;
        return t;
    }

    /// <summary>A number cell: the formatted text, the value it sorts and exports by, and its provenance badge.</summary>
    public TableCell Num(IndicatorValue v, bool yi = false, string? css = null) =>
        new(v.Value is not { } x ? Format.Missing
            : yi ? Fmt.YiNumber(x)
            : v.Unit == IndicatorUnits.Count ? x.ToString("#,0", Fmt.Culture)
            : x.ToString("#,0.00", Fmt.Culture),
            v.Value is { } y ? yi ? decimal.Round(y / 100_000_000m, 2) : y : null, null, Provenance(v), css);

    /// <summary>The provenance badge of a figure: 公布 (reported), 汇总 (derived), 示例 (derived from synthetic records); none when missing (—).</summary>
    public Badge? Provenance(IndicatorValue v)
    {
        if (v.Value is null || v.Provenance is null)
        {
            return null;
        }
        var kind = v.Provenance == "reported" ? "reported" : Synthetic ? "synthetic" : "derived";
        return new Badge(T["Prov." + kind], "prov-" + kind, T["Prov." + kind + ".Title"]);
    }

    /// <summary>A plain number cell (yuan as 亿元 or 万元, percent without the sign, counts) without a badge.</summary>
    public TableCell Plain(decimal? v, string kind = "n2") => kind switch
    {
        "yi" => new(Fmt.YiNumber(v), v is { } y ? decimal.Round(y / 100_000_000m, 2) : null),
        "wan" => new(v is { } w ? (w / 10_000m).ToString("#,0.00", Fmt.Culture) : Format.Missing, v is { } w2 ? decimal.Round(w2 / 10_000m, 2) : null),
        "int" => new(v is { } i ? i.ToString("#,0", Fmt.Culture) : Format.Missing, v),
        _ => new(v is { } n ? n.ToString("#,0.00", Fmt.Culture) : Format.Missing, v is { } n2 ? decimal.Round(n2, 2) : null),
    };

    /// <summary>A target status as coloured text (one colour per meaning, site.css rd-st); the reason on hover when there is one.</summary>
    public TableCell StatusCell(string? status, string? reason = null) =>
        new(Fmt.StatusText(status), null, null, reason is null ? null : new Badge("?", "prov-derived", reason), "rd-st " + Format.StatusClass(status));
}
