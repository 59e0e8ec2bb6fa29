using System.Text.Json;
using RdInvest.Data;

namespace RdInvest.Auditing;

/// <summary>Who is writing, and from where: the actor of every audit entry.</summary>
public sealed record Actor(string Name, string? RequestId = null)
{
    public static Actor Cli(string? name = null) => new(name ?? "cli:" + Environment.UserName);
}

/// <summary>
/// The one writer of audit entries, with two faces: <see cref="Append"/> adds one entry to the caller's EF unit of
/// work; <see cref="InsertFromSelect"/> writes many in one statement for set-based writers (the import's merge),
/// filling the same columns. Either way the entries are sealed into the hash chain by <c>AuditChain.SealAsync</c>,
/// which every writer calls before it commits.
/// </summary>
public static class AuditLog
{
    /// <summary>The columns a set-based writer fills, in the order its SELECT gives them.</summary>
    private static readonly string[] SetColumns =
    [
        nameof(AuditEntry.At), nameof(AuditEntry.Actor), nameof(AuditEntry.Action), nameof(AuditEntry.Entity),
        nameof(AuditEntry.EntityKey), nameof(AuditEntry.OldValues), nameof(AuditEntry.NewValues),
        nameof(AuditEntry.SourceFile), nameof(AuditEntry.SourceSha256),
    ];

    /// <summary>
    /// <c>INSERT INTO audit_log (…) {select}</c>: the SELECT yields, per entry, at, actor, action, entity, key, old
    /// values (JSON or NULL), new values (JSON), source file and its SHA-256, in that order.
    /// </summary>
    internal static string InsertFromSelect(Importing.KindTable audit, string select)
    {
        var columns = string.Join(", ", SetColumns.Select(c => Importing.IBulkLoader.Quote(audit.Column(c))));
        return $"INSERT INTO {Importing.IBulkLoader.Quote(audit.Table)} ({columns})\n{select}";
    }

    // The hash chain covers this text: the shared compact options are the ones it was always written with.
    private static JsonSerializerOptions Options => Common.JsonDefaults.Compact;

    public static string? Json(object? value) => value is null ? null : JsonSerializer.Serialize(value, Options);

    public static AuditEntry Append(RdInvestDb db, Actor actor, string action, string entity, string? key,
        object? oldValues, object? newValues, DateTime at, string? sourceFile = null, string? sourceSha256 = null)
    {
        var entry = new AuditEntry
        {
            At = AuditChain.Truncate(at),
            Actor = actor.Name,
            Action = action,
            Entity = entity,
            EntityKey = key,
            OldValues = oldValues as string ?? Json(oldValues),
            NewValues = newValues as string ?? Json(newValues),
            RequestId = actor.RequestId,
            SourceFile = sourceFile,
            SourceSha256 = sourceSha256,
        };
        db.Audit.Add(entry);
        return entry;
    }
}
