using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RdInvest.Auditing;
using RdInvest.Data;

namespace RdInvest.Web.Pages.Audit;

/// <summary>`/audit/{id}`: one audit entry, every stored column, and its before and after values field by field. An unknown id is 404.</summary>
public sealed class ShowModel(RdInvestDb db, IStringLocalizer<SharedResource> text) : RdPageModel(text)
{
    public AuditItem Entry { get; private set; } = null!;

    public IReadOnlyList<AuditChange> Changes { get; private set; } = [];

    public override bool ShowSelectors => false;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var entry = await new AuditQueryHandler(db).FindAsync(id, ct);
        if (entry is null)
        {
            return NotFound();
        }
        await LoadFrameAsync(db, ct);
        Entry = entry;
        Changes = AuditChanges.Of(entry.OldValues, entry.NewValues);
        Title = string.Format(Fmt.Culture, T["Audit.EntryTitle"], entry.Id);
        Crumbs.Add(new Crumb(T["Audit.Title"], "/audit"));
        Crumbs.Add(new Crumb(Title));
        return Page();
    }
}
