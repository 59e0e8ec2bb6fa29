using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using RdInvest.Data;

namespace RdInvest.Backup;

/// <summary>One table's row count and the SHA-256 of its rows in primary-key order.</summary>
public sealed record TableChecksum(long Rows, string Sha256);

/// <summary>
/// Row counts and content checksums of every table of the model, read in primary-key order: two databases of the
/// same provider with equal checksums hold the same rows. Used to prove a restore kept every row, and that an
/// interrupted operation left the database wholly before or wholly after it.
/// </summary>
public static class TableChecksums
{
    public static async Task<IReadOnlyDictionary<string, TableChecksum>> ComputeAsync(RdInvestDb db, CancellationToken ct)
    {
        var result = new SortedDictionary<string, TableChecksum>(StringComparer.Ordinal);
        var conn = db.Database.GetDbConnection();
        var opened = conn.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await conn.OpenAsync(ct);
        }
        try
        {
            foreach (var (table, keys) in Tables(db.Model))
            {
                result[table] = await ChecksumAsync(conn, table, keys, ct);
            }
        }
        finally
        {
            if (opened)
            {
                await conn.CloseAsync();
            }
        }
        return result;
    }

    private static IEnumerable<(string Table, IReadOnlyList<string> Keys)> Tables(IModel model) =>
        model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null && e.GetViewName() is null && e.FindPrimaryKey() is not null)
            .Select(e =>
            {
                var store = StoreObjectIdentifier.Table(e.GetTableName()!, e.GetSchema());
                return (e.GetTableName()!, (IReadOnlyList<string>)e.FindPrimaryKey()!.Properties.Select(p => p.GetColumnName(store)!).ToList());
            })
            .DistinctBy(t => t.Item1)
            .OrderBy(t => t.Item1, StringComparer.Ordinal);

    private static async Task<TableChecksum> ChecksumAsync(DbConnection conn, string table, IReadOnlyList<string> keys, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT * FROM {Quote(table)} ORDER BY {string.Join(", ", keys.Select(Quote))}";
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long rows = 0;
        var line = new StringBuilder();
        while (await reader.ReadAsync(ct))
        {
            rows++;
            line.Clear();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                line.Append(Text(reader.GetValue(i))).Append('\u001f');
            }
            line.Append('\u001e');
            hash.AppendData(Encoding.UTF8.GetBytes(line.ToString()));
        }
        return new TableChecksum(rows, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static string Text(object value) => value switch
    {
        DBNull => "\u0000",
        byte[] b => Convert.ToHexStringLower(b),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>An identifier quoted the SQL-standard way, which SQLite and PostgreSQL both accept.</summary>
    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
