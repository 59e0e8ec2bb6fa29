using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RdInvest.Auditing;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Web.Pages.Tables;

namespace RdInvest.Web.Pages.Audit;

/// <summary>
/// `/audit` (auditors, region administrators): the audit log filtered by who, what and when, paged in the database by
/// <see cref="AuditQueryHandler"/> (as GET /api/v1/audit), and the chain verification of GET /api/v1/audit/verify and
/// `rdinvest audit verify --anchor` (<see cref="AuditChain.VerifyAsync"/>): the result, the head to keep outside,
/// and a check against a head kept earlier.
/// </summary>
public sealed class IndexModel(RdInvestDb db, IStringLocalizer<SharedResource> text) : RdPageModel(text)
{
    /// <summary>Rows an XLSX export holds at most (the log of a national import is far longer; filter it first).</summary>
    public const int ExportLimit = 10_000;

    [BindProperty(SupportsGet = true, Name = "actor")]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "entity")]
    public string? Entity { get; set; }

    [BindProperty(SupportsGet = true, Name = "key")]
    public string? Key { get; set; }

    [BindProperty(SupportsGet = true, Name = "verify")]
    public string? Verify { get; set; }

    [BindProperty(SupportsGet = true, Name = "anchor")]
    public string? Anchor { get; set; }

    public TableView Log { get; private set; } = null!;

    public AuditVerifyResult? Verified { get; private set; }

    /// <summary>Field name → the message shown under it.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public override bool ShowSelectors => false;

    public async Task<IActionResult> OnGetAsync([FromQuery] TableQuery tq, CancellationToken ct)
    {
        await LoadAsync(tq, false, ct);
        if (Verify is not null)
        {
            await VerifyAsync(ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnGetTableAsync([FromQuery] TableQuery tq, CancellationToken ct)
    {
        await LoadAsync(tq, false, ct);
        return Partial("_Table", Log);
    }

    public async Task<IActionResult> OnGetXlsxAsync([FromQuery] TableQuery tq, CancellationToken ct)
    {
        await LoadAsync(tq, true, ct);
        return File(Log.ToXlsx(), ReadingPageModel.XlsxType, "rdinvest-audit.xlsx");
    }

    private async Task VerifyAsync(CancellationToken ct)
    {
        AuditAnchor? anchor = null;
        if (!string.IsNullOrWhiteSpace(Anchor))
        {
            try
            {
                anchor = AuditAnchor.Parse(Anchor);
            }
            catch (UserError e)
            {
                Errors["anchor"] = IsEnglish ? e.MessageEn : e.MessageZh;
                return;
            }
        }
        Verified = await AuditChain.VerifyAsync(db, ct, anchor);
    }

    private async Task LoadAsync(TableQuery tq, bool export, CancellationToken ct)
    {
        await LoadFrameAsync(db, ct);
        Title = T["Audit.Title"];
        Crumbs.Add(new Crumb(Title));
        var query = new AuditQuery(Blank(Entity), Blank(Key), Blank(Actor), Blank(ActionFilter), Day("from", From), Day("to", To), tq.Sort, tq.Sort is null || tq.Desc,
            Text: Blank(tq.Filter));
        var handler = new AuditQueryHandler(db);
        AuditPage page;
        try
        {
            page = export
                ? new AuditPage(await handler.ListAsync(query with { Take = ExportLimit }, ct), 0, 1)
                : await handler.PageAsync(query, tq.Page, TableQuery.PageSize, ct);
        }
        catch (AuditFilterError e)
        {
            Errors[e.Field] = IsEnglish ? e.MessageEn : e.MessageZh;
            page = new AuditPage([], 0, 1);
        }
        if (Errors.ContainsKey("from") || Errors.ContainsKey("to"))
        {
            page = new AuditPage([], 0, 1);
        }
        tq.Page = page.Page;
        if (tq.Sort is null)
        {
            // Newest first is the log's own order; the sort links start from it.
            tq.Desc = true;
        }
        Log = new TableView("audit", T["Audit.Caption"],
        [
            new("id", T["Audit.Id"], true), new("at", T["Audit.At"]), new("actor", T["Audit.Actor"]), new("action", T["Audit.Action"]),
            new("entity", T["Audit.Entity"]), new("key", T["Audit.Key"]), new("seq", T["Audit.Seq"], true),
        ], page.Items.Select(a => new TableRow(
        [
            new TableCell(a.Id.ToString(CultureInfo.InvariantCulture), (decimal)a.Id, "/audit/" + a.Id.ToString(CultureInfo.InvariantCulture)),
            new TableCell(Stamp(a.At), a.At.ToString("O", CultureInfo.InvariantCulture)),
            new TableCell(a.Actor, a.Actor), new TableCell(a.Action, a.Action), new TableCell(a.Entity, a.Entity),
            new TableCell(a.EntityKey ?? Format.Missing, a.EntityKey),
            new TableCell(a.Seq?.ToString(CultureInfo.InvariantCulture) ?? T["Audit.Unsealed"], a.Seq is { } s ? s : null),
        ])).ToList()) { Url = FilterUrl() }.ApplyPaged(tq, export ? page.Items.Count : page.Matching);
    }

    /// <summary>/audit with the filters in force (the table's sort, page and export links keep them).</summary>
    public string FilterUrl()
    {
        var q = new List<string>();
        foreach (var (name, value) in new[] { ("actor", Actor), ("action", ActionFilter), ("from", From), ("to", To), ("entity", Entity), ("key", Key) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                q.Add(name + "=" + Uri.EscapeDataString(value.Trim()));
            }
        }
        return q.Count == 0 ? "/audit" : "/audit?" + string.Join("&", q);
    }

    private DateOnly? Day(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }
        Errors[field] = string.Format(Fmt.Culture, T["Audit.BadDate"], value);
        return null;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public string Control(string field, string css = "form-control") => Errors.ContainsKey(field) ? css + " is-invalid" : css;

    /// <summary>A stored UTC time as the log keeps it, to the second.</summary>
    public static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
}
