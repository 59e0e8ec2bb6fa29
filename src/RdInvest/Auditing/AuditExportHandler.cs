using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RdInvest.Data;

namespace RdInvest.Auditing;

/// <summary>What an export wrote: the entries, and the chain positions at its two ends.</summary>
public sealed record AuditExportResult(long Entries, long? FirstSeq, long? LastSeq, string? LastHash);

/// <summary>
/// `rdinvest audit export --from --to --out F` and GET /api/v1/audit/export: the sealed entries of a UTC day range in
/// chain order as JSON Lines, for an external archive. Each line carries the entry's fields plus <c>canonical</c> (the
/// exact text hashed), <c>prev_hash</c> and <c>hash</c>, so the archive checks every line with
/// <c>hash == sha256(prev_hash + "\n" + canonical)</c> and every link with <c>prev_hash == previous line's hash</c>
/// (the first line links to the last line of the previous export). The export is itself audited (<c>audit.export</c>).
/// </summary>
public sealed class AuditExportHandler(RdInvestDb db, TimeProvider clock)
{
    private const int Batch = 2000;

    public async Task<AuditExportResult> WriteAsync(Stream output, DateOnly? from, DateOnly? to, Actor actor, CancellationToken ct)
    {
        if (from is { } f && to is { } t && t < f)
        {
            throw new AuditFilterError("to", $"结束日期 {t:yyyy-MM-dd} 早于开始日期 {f:yyyy-MM-dd}", $"the end date {t:yyyy-MM-dd} is before the start date {f:yyyy-MM-dd}");
        }
        var q = db.Audit.AsNoTracking().Where(a => a.Seq != null);
        if (from is { } start)
        {
            var s = start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            q = q.Where(a => a.At >= s);
        }
        if (to is { } end)
        {
            var e = end.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            q = q.Where(a => a.At < e);
        }
        long count = 0, after = 0;
        long? first = null, last = null;
        string? lastHash = null;
        await using (var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" })
        {
            while (true)
            {
                var rows = await q.Where(a => a.Seq > after).OrderBy(a => a.Seq).Take(Batch).ToListAsync(ct);
                if (rows.Count == 0)
                {
                    break;
                }
                foreach (var r in rows)
                {
                    await writer.WriteLineAsync(JsonSerializer.Serialize(Line(r), Common.JsonDefaults.Compact));
                    first ??= r.Seq;
                    last = r.Seq;
                    lastHash = r.Hash;
                    count++;
                }
                after = rows[^1].Seq!.Value;
            }
        }
        var now = clock.GetUtcNow().UtcDateTime;
        AuditLog.Append(db, actor, "audit.export", "audit", null, null, new { from, to, entries = count, first_seq = first, last_seq = last }, now);
        await AuditChain.SealAsync(db, ct);
        return new AuditExportResult(count, first, last, lastHash);
    }

    private static Dictionary<string, object?> Line(AuditEntry e) => new()
    {
        ["seq"] = e.Seq,
        ["id"] = e.Id,
        ["at"] = AuditChain.Truncate(e.At),
        ["actor"] = e.Actor,
        ["action"] = e.Action,
        ["entity"] = e.Entity,
        ["entity_key"] = e.EntityKey,
        ["old_values"] = e.OldValues,
        ["new_values"] = e.NewValues,
        ["request_id"] = e.RequestId,
        ["source_file"] = e.SourceFile,
        ["source_sha256"] = e.SourceSha256,
        ["canonical"] = AuditChain.Canonical(e),
        ["prev_hash"] = e.PrevHash,
        ["hash"] = e.Hash,
    };
}
