using System.Text.Json;
using RdInvest.Data;

namespace RdInvest.Auditing;

/// <summary>Who is writing, and from where: the actor of every audit entry.</summary>
public sealed record Actor(string Name, string? RequestId = null)
{
    public static Actor Cli(string? name = null) => new(name ?? "cli:" + Environment.UserName);
}

/// <summary>
/// Appends audit entries to the caller's unit of work. The entry is sealed into the hash chain by
/// <c>AuditChain.SealAsync</c>, which every writer calls before it commits.
/// </summary>
public static class AuditLog
{
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
