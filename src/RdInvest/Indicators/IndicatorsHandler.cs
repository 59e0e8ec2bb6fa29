using Microsoft.EntityFrameworkCore;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Targets;

namespace RdInvest.Indicators;

public sealed record IndicatorsRequest(string Division, int Year);

public sealed record DivisionIndicators(string Division, string NameZh, string Level, int Year, IReadOnlyDictionary<string, IndicatorValue> Indicators);

/// <summary>
/// Indicators for a division and year, or for every division and year. Each year's measures are read
/// once (a few GROUP BY queries) and rolled up in memory along the 116-node division tree.
/// </summary>
/// <remarks>The leading and featured industries of T11 are <paramref name="plan"/>'s, else the default plan's.</remarks>
public sealed class IndicatorsHandler(RdInvestDb db, bool preliminary = false, Plans.Plan? plan = null) : IIndicatorSource
{
    private readonly MeasureLoader _loader = new(db, preliminary, plan);

    /// <summary>"final" (official figures) or "preliminary" (every record, whatever its approval status).</summary>
    public string DataStatus => preliminary ? "preliminary" : "final";
    private readonly Dictionary<int, Rollup> _years = [];
    private IReadOnlyDictionary<string, IReadOnlyList<string>>? _children;
    private IReadOnlyDictionary<string, Division>? _divisions;

    public async Task<DivisionIndicators> HandleAsync(IndicatorsRequest request, CancellationToken ct)
    {
        await PrepareAsync([request.Year - 1, request.Year], ct);
        var d = _divisions!.GetValueOrDefault(request.Division)
            ?? throw new UserError($"没有行政区划 {request.Division}", $"no division {request.Division}");
        return Compute(d, request.Year);
    }

    /// <summary>Every division × every year that has any data (records or published figures).</summary>
    public async Task<IReadOnlyList<DivisionIndicators>> AllAsync(CancellationToken ct)
    {
        var years = await YearsAsync(ct);
        if (years.Count == 0)
        {
            return [];
        }
        await PrepareAsync([years[0] - 1, .. years], ct);
        return years.SelectMany(y => _divisions!.Values.OrderBy(d => d.Code, StringComparer.Ordinal).Select(d => Compute(d, y))).ToList();
    }

    /// <summary>
    /// The years with unit records or published figures: kept under the data stamp, so only the first read after a write
    /// scans the records' years.
    /// </summary>
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct) =>
        await Analytics.AnalyticsCache.GetAsync<IReadOnlyList<int>>(db, await _loader.StampAsync(ct), "years-with-data", async () =>
        {
            var a = await db.RdRecords.Select(r => r.Year).Distinct().ToListAsync(ct);
            var b = await db.DivisionFigures.Select(r => r.Year).Distinct().ToListAsync(ct);
            return a.Union(b).Order().ToList();
        });

    /// <summary>Loads the division tree and the given years' measures (each year once per handler).</summary>
    public async Task PrepareAsync(IEnumerable<int> years, CancellationToken ct)
    {
        _divisions ??= await _loader.DivisionsAsync(ct);
        _children ??= await _loader.ChildrenAsync(ct);
        foreach (var y in years.Distinct())
        {
            if (!_years.ContainsKey(y))
            {
                _years[y] = await _loader.RollupAsync(y, _children, ct);
            }
        }
    }

    public IReadOnlyDictionary<string, Division> Divisions => _divisions ?? throw new InvalidOperationException("call PrepareAsync first");

    private DivisionIndicators Compute(Division d, int year) =>
        new(d.Code, d.NameZh, d.Level, year, IndicatorCalculator.Compute(d.Code, _years[year], _years.GetValueOrDefault(year - 1)));

    private readonly Dictionary<(string, int), IReadOnlyDictionary<string, IndicatorValue>> _cache = [];

    /// <summary>For progress: years must have been prepared.</summary>
    public IndicatorValue Get(string division, int year, string key)
    {
        if (!_cache.TryGetValue((division, year), out var values))
        {
            if (!_years.TryGetValue(year, out var rollup))
            {
                return IndicatorValue.Missing("", Reason.NoData);
            }
            values = IndicatorCalculator.Compute(division, rollup, _years.GetValueOrDefault(year - 1));
            _cache[(division, year)] = values;
        }
        return values.TryGetValue(key, out var v) ? v : IndicatorValue.Missing("", new Reason($"unknown indicator {key}", $"未知指标 {key}"));
    }
}
