using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using RdInvest.Data;
using RdInvest.Indicators;

namespace RdInvest.Platforms;

/// <summary>
/// One league/city's innovation platforms in a year (二(四)11): the platforms counting that year (<see cref="PlatformValidity"/>)
/// hosted by its units, by level and by type; and the share of its above-scale industrial enterprises of the leading and
/// featured industries that host one of region level or above (the indicator <c>leading_industry_platform_share</c>, T11).
/// "Above-scale industrial" is as everywhere in the indicators: an enterprise flagged above_scale whose industry code is in
/// GB/T 4754 section B, C or D (mining, manufacturing, utilities), with an R&amp;D record that year.
/// </summary>
public sealed record PlatformDivisionRow(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("name_zh")] string NameZh,
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("by_level")] IReadOnlyDictionary<string, int> ByLevel,
    [property: JsonPropertyName("by_type")] IReadOnlyDictionary<string, int> ByType,
    [property: JsonPropertyName("leading_industry_platform_share")] IndicatorValue LeadingShare);

public sealed record PlatformIndicators(
    [property: JsonPropertyName("year")] int Year,
    [property: JsonPropertyName("leading_industries")] IReadOnlyList<string> LeadingIndustries,
    [property: JsonPropertyName("divisions")] IReadOnlyList<PlatformDivisionRow> Divisions);

/// <summary>Platform indicators of the region and every league/city for a year; the leading industries are the plan's.</summary>
public sealed class PlatformIndicatorsHandler(RdInvestDb db, bool preliminary = false, Plans.Plan? plan = null)
{
    public async Task<PlatformIndicators> HandleAsync(int year, CancellationToken ct)
    {
        var resolved = plan ?? await new Plans.PlanResolver(db).ResolveAsync(null, ct);
        var indicators = new IndicatorsHandler(db, preliminary, resolved);
        await indicators.PrepareAsync([year - 1, year], ct);
        var divisions = indicators.Divisions;
        var counted = await db.Platforms.AsNoTracking().Where(PlatformValidity.In(year))
            .Join(db.Units.AsNoTracking(), p => p.HostUnitId, u => u.Id, (p, u) => new { p.Level, p.Type, u.DivisionCode })
            .GroupBy(x => new { x.DivisionCode, x.Level, x.Type })
            .Select(g => new { g.Key.DivisionCode, g.Key.Level, g.Key.Type, N = g.Count() })
            .ToListAsync(ct);
        string? LeagueCityOf(string code) => divisions.TryGetValue(code, out var d)
            ? d.Level switch
            {
                DivisionLevels.LeagueCity => d.Code,
                DivisionLevels.County => d.ParentCode,
                _ => null,
            }
            : null;
        var rows = new List<PlatformDivisionRow>();
        var shown = divisions.Values.Where(d => d.Level is DivisionLevels.Region or DivisionLevels.LeagueCity)
            .OrderBy(d => d.Level == DivisionLevels.Region ? 0 : 1).ThenBy(d => d.Code, StringComparer.Ordinal);
        foreach (var d in shown)
        {
            var mine = d.Level == DivisionLevels.Region ? counted : counted.Where(c => LeagueCityOf(c.DivisionCode) == d.Code).ToList();
            rows.Add(new PlatformDivisionRow(d.Code, d.NameZh, mine.Sum(c => c.N),
                PlatformLevels.All.ToDictionary(l => l, l => mine.Where(c => c.Level == l).Sum(c => c.N)),
                PlatformTypes.All.ToDictionary(t => t, t => mine.Where(c => c.Type == t).Sum(c => c.N)),
                indicators.Get(d.Code, year, "leading_industry_platform_share")));
        }
        return new PlatformIndicators(year, LeadingIndustries.Of(resolved, year) ?? [], rows);
    }
}
