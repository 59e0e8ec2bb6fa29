using System.Data.Common;
using RdInvest.Data;

namespace RdInvest.Importing;

public sealed record MergeCounts(long Staged, long Inserted, long Updated, long Unchanged);

/// <summary>Who and what an import's audit entries name.</summary>
public sealed record ImportProvenance(string Actor, DateTime At, string FileName, string Sha256);

/// <summary>
/// Set-based merge of the staging table into the kind's table, in SQL both databases run: count, audit the
/// changed records (old and new values as JSON), update them with Revision + 1, insert the new ones, then
/// read back and check that every staged row is now stored as staged.
/// </summary>
internal sealed class ImportMerge(
    DbConnection connection, DbTransaction transaction, IBulkLoader loader, KindTable table, KindTable audit)
{
    private static string Q(string name) => IBulkLoader.Quote(name);

    /// <summary>Merges the stage. <c>statusSql</c>, for kinds that follow the approval workflow, is the SQL (over the stage
    /// row <c>s</c>) of the status an inserted or changed record takes; see <see cref="Approval.ApprovalPolicy"/>.</summary>
    public async Task<MergeCounts> RunAsync(
        ImportKind kind, IReadOnlyList<ImportColumn> staged, string stage, ImportProvenance who, CancellationToken ct, string? statusSql = null)
    {
        var keys = staged.Where(c => c.IsKey).Select(c => table.Column(c.Property)).ToList();
        var values = staged.Where(c => !c.IsKey).Select(c => table.Column(c.Property)).ToList();
        var join = string.Join(" AND ", keys.Select(k => $"t.{Q(k)} = s.{Q(k)}"));
        var same = values.Count == 0 ? "1 = 1" : string.Join(" AND ", values.Select(v => loader.Same($"t.{Q(v)}", $"s.{Q(v)}")));
        var from = $"{Q(stage)} s JOIN {Q(table.Table)} t ON {join}";

        // One pass over the stage counts its rows, those matching a stored record, and those stored exactly as staged.
        var (total, matched, unchanged) = await CountsAsync($"""
            SELECT COUNT(*), COUNT(t.{Q(keys[0])}), COALESCE(SUM(CASE WHEN t.{Q(keys[0])} IS NOT NULL AND {same} THEN 1 ELSE 0 END), 0)
            FROM {Q(stage)} s LEFT JOIN {Q(table.Table)} t ON {join}
            """, ct);
        var updated = matched - unchanged;

        if (updated > 0)
        {
            var key = string.Join(" || '/' || ", keys.Select(k => $"CAST(t.{Q(k)} AS TEXT)"));
            await ExecAsync(Auditing.AuditLog.InsertFromSelect(audit, $"""
                SELECT @at, @actor, 'import.update', @entity, {key},
                    {loader.JsonObject(values.Select(v => (v, $"t.{Q(v)}")).Append(("Revision", $"t.{Q(table.Column("Revision"))}")))},
                    {loader.JsonObject(values.Select(v => (v, $"s.{Q(v)}")).Append(("Revision", $"t.{Q(table.Column("Revision"))} + 1")))},
                    @file, @sha
                FROM {from} WHERE NOT ({same})
                """), who, ct, ("@entity", table.Table));
            var set = string.Join(", ", values.Select(v => $"{Q(v)} = s.{Q(v)}"));
            if (statusSql is not null)
            {
                set += $", {Q(table.Column("Status"))} = {statusSql}";
            }
            var revision = Q(table.Column("Revision"));
            await ExecAsync($"""
                UPDATE {Q(table.Table)} AS t SET {set}, {revision} = t.{revision} + 1, {Q(table.Column("UpdatedAt"))} = @at
                FROM {Q(stage)} AS s WHERE {join} AND NOT ({same})
                """, who, ct);
        }

        if (total - matched > 0)
        {
            // Columns the file does not carry get their defaults on insert (never touched on update).
            var extras = new List<(string Column, object Value)>
            {
                (table.Column("IsSynthetic"), false),
                (table.Column("Revision"), 1),
                (table.Column("UpdatedAt"), who.At),
            };
            foreach (var (property, value) in kind.InsertDefaults)
            {
                extras.Add((table.Column(property), value));
            }
            foreach (var col in kind.Columns.Except(staged))
            {
                var t = kind.Entity.GetProperty(col.Property)?.PropertyType;
                if (t is { IsValueType: true } && Nullable.GetUnderlyingType(t) is null)
                {
                    extras.Add((table.Column(col.Property), Activator.CreateInstance(t)!));
                }
            }
            var cols = staged.Select(c => table.Column(c.Property)).ToList();
            var parameters = extras.Select((e, i) => ("@x" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Value)).ToArray();
            var computed = new List<(string Column, string Sql)>();
            if (statusSql is not null)
            {
                computed.Add((table.Column("Status"), statusSql));
            }
            await ExecAsync($"""
                INSERT INTO {Q(table.Table)} ({string.Join(", ", cols.Concat(extras.Select(e => e.Column)).Concat(computed.Select(c => c.Column)).Select(Q))})
                SELECT {string.Join(", ", cols.Select(c => $"s.{Q(c)}").Concat(parameters.Select(p => p.Item1)).Concat(computed.Select(c => c.Sql)))}
                FROM {Q(stage)} s{(matched == 0 ? "" : $" WHERE NOT EXISTS (SELECT 1 FROM {Q(table.Table)} t WHERE {join})")}
                """, who, ct, parameters);
        }

        // Read back: every staged row must now be stored exactly as staged (nothing written: the counts above show it).
        var stored = updated + total - matched == 0 ? unchanged : await ScalarAsync($"SELECT COUNT(*) FROM {from} WHERE {same}", ct);
        if (stored != total)
        {
            throw new InvalidOperationException($"import read-back found {stored} of {total} rows stored as staged");
        }
        return new MergeCounts(total, total - matched, updated, unchanged);
    }

    public Task AuditImportAsync(ImportKind kind, ImportProvenance who, string summaryJson, CancellationToken ct) =>
        ExecAsync(Auditing.AuditLog.InsertFromSelect(audit, "SELECT @at, @actor, 'import', @entity, @file, NULL, @summary, @file, @sha"),
            who, ct, ("@entity", table.Table), ("@summary", summaryJson));

    private async Task<long> ScalarAsync(string sql, CancellationToken ct)
    {
        await using var cmd = Command(sql);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<(long, long, long)> CountsAsync(string sql, CancellationToken ct)
    {
        await using var cmd = Command(sql);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        return (Convert.ToInt64(reader.GetValue(0), inv), Convert.ToInt64(reader.GetValue(1), inv), Convert.ToInt64(reader.GetValue(2), inv));
    }

    private async Task ExecAsync(string sql, ImportProvenance who, CancellationToken ct, params (string Name, object Value)[] extra)
    {
        await using var cmd = Command(sql);
        Add(cmd, "@at", who.At);
        Add(cmd, "@actor", who.Actor);
        Add(cmd, "@file", who.FileName);
        Add(cmd, "@sha", who.Sha256);
        foreach (var (name, value) in extra)
        {
            Add(cmd, name, value);
        }
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        if (!cmd.CommandText.Contains(name, StringComparison.Ordinal))
        {
            return;
        }
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    private DbCommand Command(string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        return cmd;
    }
}
