using System.Globalization;
using RdInvest.Common;

namespace RdInvest.Web.Pages.Tables;

/// <summary>
/// A table as Shared/_Table.cshtml renders it: sorted, filtered and paged on the server by <see cref="TableQuery"/>,
/// swapped by htmx (GET <see cref="Url"/> with handler=table), exported by handler=xlsx exactly as shown
/// (same filter and sort, every page). A page builds one per table, from its view record.
/// </summary>
public sealed class TableView(string id, string caption, IReadOnlyList<TableColumn> columns, IReadOnlyList<TableRow> rows, TableRow? total = null)
{
    public string Id => id;
    public string Caption => caption;
    public IReadOnlyList<TableColumn> Columns => columns;
    public TableRow? Total => total;

    /// <summary>The page URL with its own query (year, status, …) that the table's links extend; set by the page.</summary>
    public string Url { get; init; } = "";

    public TableQuery Query { get; private set; } = new();

    public IReadOnlyList<TableRow> Shown { get; private set; } = [];

    public int Matching { get; private set; }

    public int Pages => Math.Max(1, (Matching + TableQuery.PageSize - 1) / TableQuery.PageSize);

    /// <summary>Filters (text in any cell), sorts (by the column's value) and keeps every row for export or one page for display.</summary>
    public TableView Apply(TableQuery query, bool allPages = false)
    {
        Query = query;
        IEnumerable<TableRow> q = rows;
        if (!string.IsNullOrWhiteSpace(query.Filter))
        {
            var f = query.Filter.Trim();
            q = q.Where(r => r.Cells.Any(c => c.Text.Contains(f, StringComparison.CurrentCultureIgnoreCase)));
        }
        var col = columns.Select((c, i) => (c, i)).FirstOrDefault(x => x.c.Key == query.Sort);
        if (col.c is not null)
        {
            var comparer = Comparer<object?>.Create(CompareValues);
            q = query.Desc ? q.OrderByDescending(r => r.Cells[col.i].Value ?? r.Cells[col.i].Text, comparer)
                : q.OrderBy(r => r.Cells[col.i].Value ?? r.Cells[col.i].Text, comparer);
        }
        var list = q.ToList();
        Matching = list.Count;
        query.Page = Math.Clamp(query.Page, 1, Pages);
        Shown = allPages ? list : list.Skip((query.Page - 1) * TableQuery.PageSize).Take(TableQuery.PageSize).ToList();
        return this;
    }

    /// <summary>
    /// For a table paged in the database (the audit log): the rows given are already the filtered, sorted page (or,
    /// for export, every row to export) and <paramref name="matching"/> counts all that match.
    /// </summary>
    public TableView ApplyPaged(TableQuery query, long matching)
    {
        Query = query;
        Matching = (int)Math.Min(matching, int.MaxValue);
        query.Page = Math.Clamp(query.Page, 1, Pages);
        Shown = rows;
        return this;
    }

    private static int CompareValues(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (decimal x, decimal y) => x.CompareTo(y),
        (int x, int y) => x.CompareTo(y),
        _ => string.Compare(Convert.ToString(a, CultureInfo.InvariantCulture), Convert.ToString(b, CultureInfo.InvariantCulture), StringComparison.CurrentCulture),
    };

    /// <summary>A link to this table in another state (sort, page, filter), keeping the page's own query.</summary>
    public string Link(string? sort = null, bool? desc = null, int? page = null, string handler = "table")
    {
        var parts = new List<string>();
        var s = sort ?? Query.Sort;
        if (s is not null)
        {
            parts.Add("sort=" + Uri.EscapeDataString(s));
        }
        if (desc ?? Query.Desc)
        {
            parts.Add("desc=true");
        }
        if (!string.IsNullOrWhiteSpace(Query.Filter))
        {
            parts.Add("q=" + Uri.EscapeDataString(Query.Filter));
        }
        if ((page ?? Query.Page) is var p and > 1 && handler == "table")
        {
            parts.Add("page=" + p.ToString(CultureInfo.InvariantCulture));
        }
        parts.Add("table=" + Uri.EscapeDataString(id));
        if (handler != "")
        {
            parts.Add("handler=" + handler);
        }
        return Url + (Url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join("&", parts);
    }

    /// <summary>The shown rows (all pages) as an .xlsx workbook: header texts as the first row, raw values in the cells.</summary>
    public byte[] ToXlsx()
    {
        var dir = Directory.CreateTempSubdirectory("rdinvest-table-");
        try
        {
            var path = Path.Combine(dir.FullName, "table.xlsx");
            var all = total is null ? Shown : [.. Shown, total];
            TableWriter.Write(path, all.Select(r => (IReadOnlyDictionary<string, object?>)columns.Select((c, i) => (c.Header, Value: r.Cells[i].Value ?? r.Cells[i].Text))
                .ToDictionary(x => x.Header, x => x.Value)));
            return File.ReadAllBytes(path);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
