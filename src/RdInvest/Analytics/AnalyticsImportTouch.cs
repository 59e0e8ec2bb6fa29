using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using RdInvest.Data;
using RdInvest.Importing;

namespace RdInvest.Analytics;

/// <summary>
/// What an import touches, read set-based from its staging table joined to the kind's table on the key and to the
/// units: the divisions and parks of the units behind the staged rows, and their years for the kinds that have one
/// (every held year otherwise). Called before the merge (the stored rows as they were: a unit's old division, a project's
/// old lead unit) and after it (as they are now); the refresh recomputes the union.
/// </summary>
public static class AnalyticsImportTouch
{
    private sealed record Feed(string? UnitProperty, string? YearProperty);

    private static readonly Dictionary<string, Feed> Feeds = new(StringComparer.Ordinal)
    {
        [ImportKinds.Units.Name] = new(null, null),
        [ImportKinds.Rd.Name] = new(nameof(UnitRdRecord.UnitId), nameof(UnitRdRecord.Year)),
        [ImportKinds.Certifications.Name] = new(nameof(Certification.UnitId), null),
        [ImportKinds.Projects.Name] = new(nameof(MajorProject.LeadUnitId), nameof(MajorProject.Year)),
        [ImportKinds.Platforms.Name] = new(nameof(Platforms.Platform.HostUnitId), null),
    };

    /// <summary>The result row of the touch query.</summary>
    public sealed class TouchRow
    {
        public string DivisionCode { get; set; } = "";
        public string? ParkId { get; set; }
        public int? Year { get; set; }
    }

    public static async Task<AnalyticsTouch> FromStageAsync(RdInvestDb db, ImportKind kind, IReadOnlyList<ImportColumn> staged, string stage,
        CancellationToken ct)
    {
        if (!Feeds.TryGetValue(kind.Name, out var feed) || staged.Count == 0)
        {
            return AnalyticsTouch.None;
        }
        var entity = db.Model.FindEntityType(kind.Entity) ?? throw new InvalidOperationException($"{kind.Entity.Name} is not mapped");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        string Col(string property) => Q(entity.FindProperty(property)!.GetColumnName(store)!);
        var join = string.Join(" AND ", staged.Where(c => c.IsKey).Select(c => $"t.{Col(c.Property)} = s.{Col(c.Property)}"));
        var units = feed.UnitProperty is null ? "t" : "u";
        var unitJoin = feed.UnitProperty is null ? "" : $"JOIN units u ON u.\"Id\" = t.{Col(feed.UnitProperty)}";
        var year = feed.YearProperty is null ? "NULL" : $"t.{Col(feed.YearProperty)}";
        var sql = $"""
            SELECT DISTINCT {units}."DivisionCode" AS "DivisionCode", {units}."ParkId" AS "ParkId", CAST({year} AS INTEGER) AS "Year"
            FROM {Q(stage)} s JOIN {Q(table)} t ON {join} {unitJoin}
            """;
        var rows = await db.Database.SqlQueryRaw<TouchRow>(sql).ToListAsync(ct);
        return new AnalyticsTouch(
            rows.Select(r => r.DivisionCode).ToHashSet(StringComparer.Ordinal),
            rows.Where(r => r.ParkId is not null).Select(r => r.ParkId!).ToHashSet(StringComparer.Ordinal),
            feed.YearProperty is null ? null : rows.Select(r => r.Year!.Value).ToHashSet());
    }

    private static string Q(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
