using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RdInvest.Data;

namespace RdInvest.Auditing;

/// <summary>An audit entry as read: every stored column, the chain position and hash included.</summary>
public sealed record AuditItem(long Id, long? Seq, DateTime At, string Actor, string Action, string Entity, string? EntityKey,
    string? OldValues, string? NewValues, string? RequestId, string? SourceFile, string? SourceSha256, string? Hash);

/// <summary>
/// Which entries to read. <c>Actor</c> matches part of the actor's name, <c>Action</c> an action or its prefix
/// (<c>user.</c> for every account action); <c>Text</c> matches part of the actor, action, entity or key; <c>From</c> and <c>To</c> are UTC days, both included. Newest first
/// unless <c>Sort</c> names another column (id, at, actor, action, entity).
/// </summary>
public sealed record AuditQuery(string? Entity = null, string? Key = null, string? Actor = null, string? Action = null,
    DateOnly? From = null, DateOnly? To = null, string? Sort = null, bool Desc = true, int Skip = 0, int Take = 100, string? Text = null);

/// <summary>A page of entries (numbered from 1), and how many entries match in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditItem> Items, long Matching, int Page);

/// <summary>
/// GET /api/v1/audit and the /audit page: the log filtered by who, what and when, paged in the database (the log of
/// a national import holds millions of entries), and one entry with its before and after values.
/// </summary>
public sealed class AuditQueryHandler(RdInvestDb db)
{
    public const int MaxFilter = 100;

    public async Task<IReadOnlyList<AuditItem>> ListAsync(AuditQuery query, CancellationToken ct) =>
        await Select(Sorted(Filtered(query), query).Skip(Math.Max(0, query.Skip)).Take(Math.Max(0, query.Take))).ToListAsync(ct);

    /// <summary>Page <paramref name="page"/> of <paramref name="size"/> entries (kept within the pages there are) and the count of all that match.</summary>
    public async Task<AuditPage> PageAsync(AuditQuery query, int page, int size, CancellationToken ct)
    {
        var matching = await Filtered(query).LongCountAsync(ct);
        var pages = Math.Max(1, (matching + size - 1) / size);
        var p = (int)Math.Clamp(page, 1, pages);
        return new(await ListAsync(query with { Skip = (p - 1) * size, Take = size }, ct), matching, p);
    }

    /// <summary>One entry, or null when there is none with that id.</summary>
    public async Task<AuditItem?> FindAsync(long id, CancellationToken ct) =>
        await Select(db.Audit.AsNoTracking().Where(a => a.Id == id)).FirstOrDefaultAsync(ct);

    private IQueryable<AuditEntry> Filtered(AuditQuery query)
    {
        Check("actor", query.Actor);
        Check("action", query.Action);
        Check("entity", query.Entity);
        Check("key", query.Key);
        Check("q", query.Text);
        if (query.From is { } f && query.To is { } t && f > t)
        {
            var (fs, ts) = (Day(f), Day(t));
            throw new AuditFilterError("to", $"截止日期 {ts} 早于起始日期 {fs}", $"the end date {ts} is before the start date {fs}");
        }
        var q = db.Audit.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Entity))
        {
            var entity = query.Entity.Trim();
            q = q.Where(a => a.Entity == entity);
        }
        if (query.Key is { } key)
        {
            q = q.Where(a => a.EntityKey == key);
        }
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            var actor = query.Actor.Trim();
            q = q.Where(a => a.Actor.Contains(actor));
        }
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            q = q.Where(a => a.Actor.Contains(text) || a.Action.Contains(text) || a.Entity.Contains(text) || (a.EntityKey != null && a.EntityKey.Contains(text)));
        }
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            var action = query.Action.Trim();
            q = q.Where(a => a.Action.StartsWith(action));
        }
        if (query.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            q = q.Where(a => a.At >= start);
        }
        if (query.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            q = q.Where(a => a.At < end);
        }
        return q;
    }

    private static IQueryable<AuditEntry> Sorted(IQueryable<AuditEntry> q, AuditQuery query) => (query.Sort, query.Desc) switch
    {
        ("at", false) => q.OrderBy(a => a.At).ThenBy(a => a.Id),
        ("at", true) => q.OrderByDescending(a => a.At).ThenByDescending(a => a.Id),
        ("actor", false) => q.OrderBy(a => a.Actor).ThenByDescending(a => a.Id),
        ("actor", true) => q.OrderByDescending(a => a.Actor).ThenByDescending(a => a.Id),
        ("action", false) => q.OrderBy(a => a.Action).ThenByDescending(a => a.Id),
        ("action", true) => q.OrderByDescending(a => a.Action).ThenByDescending(a => a.Id),
        ("entity", false) => q.OrderBy(a => a.Entity).ThenBy(a => a.EntityKey).ThenByDescending(a => a.Id),
        ("entity", true) => q.OrderByDescending(a => a.Entity).ThenByDescending(a => a.EntityKey).ThenByDescending(a => a.Id),
        (_, false) => q.OrderBy(a => a.Id),
        _ => q.OrderByDescending(a => a.Id),
    };

    private static IQueryable<AuditItem> Select(IQueryable<AuditEntry> q) =>
        q.Select(a => new AuditItem(a.Id, a.Seq, a.At, a.Actor, a.Action, a.Entity, a.EntityKey, a.OldValues, a.NewValues, a.RequestId,
            a.SourceFile, a.SourceSha256, a.Hash));

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Check(string field, string? value)
    {
        if (value is { Length: > MaxFilter })
        {
            throw new AuditFilterError(field, $"筛选条件 {field} 超过 {MaxFilter} 个字符", $"the filter {field} is longer than {MaxFilter} characters");
        }
    }
}
