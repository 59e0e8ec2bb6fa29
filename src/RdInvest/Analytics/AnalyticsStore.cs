using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RdInvest.Data;
using RdInvest.Indicators;

namespace RdInvest.Analytics;

/// <summary>
/// Reads and replaces rows of the analytics tables. A replacement deletes the keys being recomputed and inserts the new
/// rows with one statement over one JSON parameter (SQLite json_each, PostgreSQL jsonb_to_recordset), so no statement's
/// parameter count grows with the data; it runs in the caller's transaction.
/// </summary>
internal static class AnalyticsStore
{
    public static async Task<Dictionary<string, Dictionary<string, DirectValue>>> ReadAsync(RdInvestDb db, int year, bool preliminary,
        CancellationToken ct)
    {
        var rows = await db.AnalyticsMeasures.AsNoTracking().Where(m => m.Year == year && m.Preliminary == preliminary)
            .Select(m => new { m.DivisionCode, m.Measure, m.Sum, m.Units }).ToListAsync(ct);
        var result = new Dictionary<string, Dictionary<string, DirectValue>>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            if (!result.TryGetValue(r.DivisionCode, out var m))
            {
                result[r.DivisionCode] = m = new Dictionary<string, DirectValue>(StringComparer.Ordinal);
            }
            m[r.Measure] = new DirectValue(r.Sum, r.Units);
        }
        return result;
    }

    public static async Task<Dictionary<string, Dictionary<string, DirectValue>>> ReadParksAsync(RdInvestDb db, int year, CancellationToken ct)
    {
        var rows = await db.AnalyticsParkMeasures.AsNoTracking().Where(m => m.Year == year)
            .Select(m => new { m.ParkId, m.Measure, m.Sum, m.Units }).ToListAsync(ct);
        var result = new Dictionary<string, Dictionary<string, DirectValue>>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            if (!result.TryGetValue(r.ParkId, out var m))
            {
                result[r.ParkId] = m = new Dictionary<string, DirectValue>(StringComparer.Ordinal);
            }
            m[r.Measure] = new DirectValue(r.Sum, r.Units);
        }
        return result;
    }

    /// <summary>Replaces the year's rows of <paramref name="divisions"/> (null: every division) in both scopes.</summary>
    public static async Task ReplaceAsync(RdInvestDb db, YearDirect data, IReadOnlyCollection<string>? divisions, CancellationToken ct)
    {
        var year = data.Year;
        var q = db.AnalyticsMeasures.Where(m => m.Year == year);
        if (divisions is not null)
        {
            var list = divisions.ToList();
            q = q.Where(m => EF.Parameter(list).Contains(m.DivisionCode));
        }
        await q.ExecuteDeleteAsync(ct);
        var rows = new List<Row>();
        foreach (var (scope, prelim) in new[] { (data.Final, false), (data.Preliminary, true) })
        {
            foreach (var (division, measures) in scope.ByDivision)
            {
                rows.AddRange(measures.Select(m => new Row(division, prelim, m.Key, m.Value.Sum, m.Value.Units)));
            }
        }
        if (rows.Count == 0)
        {
            return;
        }
        var json = JsonSerializer.Serialize(rows);
        var sql = db.Database.IsNpgsql()
            ? """
              INSERT INTO analytics_measures ("DivisionCode", "Year", "Preliminary", "Measure", "Sum", "Units")
              SELECT x.d, {1}, x.p, x.m, x.s, x.n FROM jsonb_to_recordset(CAST({0} AS jsonb)) AS x(d text, p boolean, m text, s bigint, n integer)
              """
            : """
              INSERT INTO analytics_measures ("DivisionCode", "Year", "Preliminary", "Measure", "Sum", "Units")
              SELECT json_extract(value, '$.d'), {1}, json_extract(value, '$.p'), json_extract(value, '$.m'),
                     json_extract(value, '$.s'), json_extract(value, '$.n') FROM json_each({0})
              """;
        await db.Database.ExecuteSqlRawAsync(sql, [json, year], ct);
    }

    /// <summary>Replaces the year's rows of <paramref name="parks"/> (null: every park).</summary>
    public static async Task ReplaceParksAsync(RdInvestDb db, int year, Dictionary<string, Dictionary<string, DirectValue>> data,
        IReadOnlyCollection<string>? parks, CancellationToken ct)
    {
        var q = db.AnalyticsParkMeasures.Where(m => m.Year == year);
        if (parks is not null)
        {
            var list = parks.ToList();
            q = q.Where(m => EF.Parameter(list).Contains(m.ParkId));
        }
        await q.ExecuteDeleteAsync(ct);
        var rows = data.SelectMany(p => p.Value.Select(m => new ParkRow(p.Key, m.Key, m.Value.Sum, m.Value.Units))).ToList();
        if (rows.Count == 0)
        {
            return;
        }
        var json = JsonSerializer.Serialize(rows);
        var sql = db.Database.IsNpgsql()
            ? """
              INSERT INTO analytics_park_measures ("ParkId", "Year", "Measure", "Sum", "Units")
              SELECT x.k, {1}, x.m, x.s, x.n FROM jsonb_to_recordset(CAST({0} AS jsonb)) AS x(k text, m text, s bigint, n integer)
              """
            : """
              INSERT INTO analytics_park_measures ("ParkId", "Year", "Measure", "Sum", "Units")
              SELECT json_extract(value, '$.k'), {1}, json_extract(value, '$.m'), json_extract(value, '$.s'), json_extract(value, '$.n')
              FROM json_each({0})
              """;
        await db.Database.ExecuteSqlRawAsync(sql, [json, year], ct);
    }

    private sealed record Row(
        [property: System.Text.Json.Serialization.JsonPropertyName("d")] string Division,
        [property: System.Text.Json.Serialization.JsonPropertyName("p")] bool Preliminary,
        [property: System.Text.Json.Serialization.JsonPropertyName("m")] string Measure,
        [property: System.Text.Json.Serialization.JsonPropertyName("s")] long Sum,
        [property: System.Text.Json.Serialization.JsonPropertyName("n")] int Units);

    private sealed record ParkRow(
        [property: System.Text.Json.Serialization.JsonPropertyName("k")] string Park,
        [property: System.Text.Json.Serialization.JsonPropertyName("m")] string Measure,
        [property: System.Text.Json.Serialization.JsonPropertyName("s")] long Sum,
        [property: System.Text.Json.Serialization.JsonPropertyName("n")] int Units);
}
