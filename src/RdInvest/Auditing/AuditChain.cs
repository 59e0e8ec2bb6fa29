using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RdInvest.Data;

namespace RdInvest.Auditing;

/// <summary>
/// The outcome of a chain walk. <c>HeadSeq</c>/<c>HeadHash</c> are the newest sealed entry: published or kept outside
/// the database, they are the anchor a later verification checks, which detects the removal of the newest entries
/// (a removal the chain alone cannot show).
/// </summary>
public sealed record AuditVerifyResult(bool Intact, long Entries, long Unsealed, long? BrokenAtSeq, long? BrokenAtId, string? ReasonZh, string? ReasonEn,
    long? HeadSeq = null, string? HeadHash = null);

/// <summary>A chain position kept outside the database, written <c>SEQ:HASH</c> (as <c>rdinvest audit head</c> prints it).</summary>
public sealed record AuditAnchor(long Seq, string Hash)
{
    public static AuditAnchor Parse(string text)
    {
        var parts = text.Trim().Split(':');
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seq) || seq < 1
            || parts[1].Length != 64 || !parts[1].All(char.IsAsciiHexDigitLower))
        {
            throw new Common.UserError($"锚点 {text} 格式无效，应为 序号:哈希（64 位小写十六进制）", $"anchor {text} is malformed; expected SEQ:HASH (64 lower-case hex digits)", 2);
        }
        return new AuditAnchor(seq, parts[1]);
    }

    public override string ToString() => $"{Seq.ToString(CultureInfo.InvariantCulture)}:{Hash}";
}

/// <summary>
/// The tamper-evident chain over the audit log: entry n holds SHA-256(hash of entry n−1 + its own canonical
/// content). Altering an entry breaks its own hash; removing one breaks the next entry's link (and leaves a gap in Seq).
/// </summary>
public static class AuditChain
{
    private const int Batch = 2000;

    /// <summary>Both databases keep microseconds; the hashed time must be the stored time.</summary>
    public static DateTime Truncate(DateTime at)
    {
        var utc = at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : DateTime.SpecifyKind(at, DateTimeKind.Utc);
        return new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
    }

    /// <summary>
    /// Seals every unsealed entry (Hash null) in Id order, continuing from the last sealed entry. Call it inside the
    /// writer's transaction, just before commit; pending changes are saved first. On PostgreSQL an advisory
    /// transaction lock serialises concurrent sealers, so the chain never forks.
    /// </summary>
    public static async Task SealAsync(RdInvestDb db, CancellationToken ct)
    {
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(ct);
        }
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(770701)", ct);
        }
        var last = await db.Audit.AsNoTracking().Where(a => a.Seq != null).OrderByDescending(a => a.Seq)
            .Select(a => new { a.Seq, a.Hash }).FirstOrDefaultAsync(ct);
        var seq = last?.Seq ?? 0;
        var prev = last?.Hash;
        while (true)
        {
            var rows = await db.Audit.Where(a => a.Hash == null).OrderBy(a => a.Id).Take(Batch).ToListAsync(ct);
            if (rows.Count == 0)
            {
                return;
            }
            foreach (var row in rows)
            {
                seq++;
                row.Seq = seq;
                row.PrevHash = prev;
                row.Hash = Hash(prev, row);
                prev = row.Hash;
            }
            await db.SaveChangesAsync(ct);
            if (rows.Count < Batch)
            {
                return;
            }
        }
    }

    /// <summary>The newest sealed entry (null when nothing is sealed yet).</summary>
    public static async Task<AuditAnchor?> HeadAsync(RdInvestDb db, CancellationToken ct)
    {
        var last = await db.Audit.AsNoTracking().Where(a => a.Seq != null && a.Hash != null).OrderByDescending(a => a.Seq)
            .Select(a => new { a.Seq, a.Hash }).FirstOrDefaultAsync(ct);
        return last is null ? null : new AuditAnchor(last.Seq!.Value, last.Hash!);
    }

    /// <summary>
    /// Walks the chain in Seq order and reports the first broken link; with an anchor, also that the entry it names is
    /// still there with the same hash (entries removed from the end, or a rewritten chain, fail here).
    /// </summary>
    public static async Task<AuditVerifyResult> VerifyAsync(RdInvestDb db, CancellationToken ct, AuditAnchor? anchor = null)
    {
        string? anchorHash = null;
        string? prev = null;
        long expected = 0;
        long count = 0;
        var unsealed = await db.Audit.AsNoTracking().LongCountAsync(a => a.Seq == null || a.Hash == null, ct);
        long after = 0;
        while (true)
        {
            var from = after;
            var rows = await db.Audit.AsNoTracking().Where(a => a.Seq != null && a.Seq > from).OrderBy(a => a.Seq).Take(Batch).ToListAsync(ct);
            foreach (var row in rows)
            {
                expected++;
                count++;
                var s = row.Seq!.Value;
                if (s != expected)
                {
                    return Broken(count, unsealed, row,
                        $"第 {Str(expected)} 条记录缺失（下一条序号为 {Str(s)}）", $"entry {Str(expected)} is missing (next is {Str(s)})");
                }
                if (row.PrevHash != prev)
                {
                    return Broken(count, unsealed, row, "与上一条记录的哈希链接不符（上一条被修改或删除）", "link to the previous entry does not match (the previous entry was altered or removed)");
                }
                if (row.Hash != Hash(prev, row))
                {
                    return Broken(count, unsealed, row, "记录内容与其哈希不符（记录被修改）", "content does not match its hash (the entry was altered)");
                }
                prev = row.Hash;
                if (anchor is not null && s == anchor.Seq)
                {
                    anchorHash = row.Hash;
                }
            }
            if (rows.Count < Batch)
            {
                break;
            }
            after = rows[^1].Seq!.Value;
        }
        if (anchor is not null && anchorHash != anchor.Hash)
        {
            var (zh, en) = anchorHash is null
                ? ($"锚点 {anchor} 之后的记录被删除：链只到第 {Str(expected)} 条", $"entries up to the anchor {anchor} were removed: the chain ends at {Str(expected)}")
                : ($"第 {Str(anchor.Seq)} 条记录的哈希与锚点不符（链被改写）", $"entry {Str(anchor.Seq)} does not match the anchor's hash (the chain was rewritten)");
            return new AuditVerifyResult(false, count, unsealed, anchor.Seq, null, zh, en, expected == 0 ? null : expected, prev);
        }
        return new AuditVerifyResult(true, count, unsealed, null, null, null, null, expected == 0 ? null : expected, prev);
    }

    private static AuditVerifyResult Broken(long count, long unsealed, AuditEntry row, string zh, string en) =>
        new(false, count, unsealed, row.Seq, row.Id, $"序号 {Str(row.Seq ?? 0)}（编号 {Str(row.Id)}）：{zh}", $"seq {Str(row.Seq ?? 0)} (id {Str(row.Id)}): {en}");

    private static string Str(long v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>SHA-256 over the previous hash and the entry's canonical JSON (fixed field order, UTC microseconds).</summary>
    public static string Hash(string? prevHash, AuditEntry e) => HashOf(prevHash, Canonical(e));

    /// <summary>SHA-256 (lower-case hex) of the previous hash, a line feed and the canonical JSON: what an archive recomputes.</summary>
    public static string HashOf(string? prevHash, string canonical) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes((prevHash ?? "") + "\n" + canonical)));

    /// <summary>The entry's canonical JSON: a fixed-order array of seq, id, time, actor, action, entity, key, values, request, source.</summary>
    public static string Canonical(AuditEntry e) => JsonSerializer.Serialize(new object?[]
    {
        e.Seq, e.Id,
        Truncate(e.At).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        e.Actor, e.Action, e.Entity, e.EntityKey, e.OldValues, e.NewValues, e.RequestId, e.SourceFile, e.SourceSha256,
    });
}
