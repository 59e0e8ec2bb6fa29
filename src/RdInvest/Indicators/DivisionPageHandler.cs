using Microsoft.EntityFrameworkCore;
using RdInvest.Data;
using RdInvest.Plans;
using RdInvest.Targets;

namespace RdInvest.Indicators;

public sealed record DivisionPageRequest(string Division, int Year, string PlanId, bool Preliminary);

/// <summary>A division on the way from the region down to the shown one.</summary>
public sealed record DivisionStep(string Code, string NameZh, string NameEn, string Level);

/// <summary>One indicator of the division over <see cref="DivisionPage.Years"/>, with its labels.</summary>
public sealed record IndicatorSeries(string Key, string Unit, string Zh, string En, IReadOnlyList<IndicatorValue> Values);

/// <summary>A child division's figures for the year (by indicator key).</summary>
public sealed record DivisionChild(DivisionStep Division, IReadOnlyDictionary<string, IndicatorValue> Values);

/// <summary>A unit registered in the division with its record of the year: R&amp;D in yuan, growth in percent, outlier flag.</summary>
public sealed record DivisionUnit(string CreditCode, string Name, string Sector, decimal RdTotal, decimal? Previous, decimal? Growth, string Status,
    bool IsSynthetic, decimal? ModifiedZ);

/// <summary>Everything the division page shows for one division and year.</summary>
public sealed record DivisionPage(DivisionStep Self, IReadOnlyList<DivisionStep> Path, int Year, IReadOnlyList<int> Years,
    IReadOnlyList<IndicatorSeries> Series, IReadOnlyList<DivisionChild> Children, IReadOnlyList<TargetProgress> Targets,
    IReadOnlyList<ReconcileItem> Reconciliation, decimal TolerancePercent, IReadOnlyList<DivisionUnit> Units,
    IReadOnlyList<Outlier> Outliers, decimal OutlierThreshold, bool Synthetic, IReadOnlyList<TargetDefinition> Definitions);

/// <summary>
/// A division's page: the region → league/city → county path, every indicator over the years with data,
/// the child divisions' figures, the division's targets (<see cref="TargetsOverviewHandler"/>), reported against
/// derived figures (<see cref="ReconcileHandler"/>, 二(五)16) for the division and its children, the units registered
/// in it behind the derived figures, and the outliers among the units beneath it (<see cref="OutliersHandler"/>).
/// The reader's scope is the caller's to check.
/// </summary>
public sealed class DivisionPageHandler(RdInvestDb db)
{
    /// <summary>The indicators of the children's table.</summary>
    public static readonly IReadOnlyList<string> ChildKeys = ["rd_total", "rd_growth", "rd_intensity", "rd_gov_funds", "hte_count", "tsme_count"];

    /// <summary>The page, or null when the division does not exist.</summary>
    public async Task<DivisionPage?> HandleAsync(DivisionPageRequest request, CancellationToken ct)
    {
        var plan = await new PlanStore(db, TimeProvider.System).GetAsync(request.PlanId, ct);
        var indicators = new IndicatorsHandler(db, request.Preliminary);
        var years = (await indicators.YearsAsync(ct)).Where(y => y <= request.Year).ToList();
        if (years.Count == 0)
        {
            years = [request.Year];
        }
        await indicators.PrepareAsync(Enumerable.Range(years[0] - 1, request.Year - years[0] + 2), ct);
        var all = indicators.Divisions;
        if (all.GetValueOrDefault(request.Division) is not { } self)
        {
            return null;
        }
        static DivisionStep Step(Division d) => new(d.Code, d.NameZh, d.NameEn, d.Level);
        var path = new List<DivisionStep>();
        for (var d = self; d is not null; d = d.ParentCode is { } p ? all.GetValueOrDefault(p) : null)
        {
            path.Insert(0, Step(d));
        }
        // Years before the division's first figure are left out (a county has no published figures of early years).
        var first = years.FindIndex(y => IndicatorCalculator.Keys.Any(k => indicators.Get(self.Code, y, k.Key).Value is not null));
        years = first > 0 ? years[first..] : years;
        var series = IndicatorCalculator.Keys.Select(k => new IndicatorSeries(k.Key, k.Unit, k.Zh, k.En,
            years.Select(y => indicators.Get(self.Code, y, k.Key)).ToList())).ToList();
        var children = all.Values.Where(d => d.ParentCode == self.Code).OrderBy(d => d.Code, StringComparer.Ordinal)
            .Select(d => new DivisionChild(Step(d), ChildKeys.ToDictionary(k => k, k => indicators.Get(d.Code, request.Year, k), StringComparer.Ordinal)))
            .ToList();
        var targets = (await TargetsOverviewHandler.EvaluateAsync(db, plan, request.Year, self.Code, indicators, ct))?.Targets ?? [];

        var reconcile = await new ReconcileHandler(db).HandleAsync(request.Year, plan.Id, ct);
        var near = children.Select(c => c.Division.Code).Append(self.Code).ToHashSet(StringComparer.Ordinal);
        var reconciliation = reconcile.Items.Where(i => near.Contains(i.Division)).ToList();

        var (threshold, outliers) = await new OutliersHandler(db).HandleAsync(request.Year, plan.Id, ct);
        var units = await UnitsAsync(self.Code, request.Year, request.Preliminary, ct);
        var z = outliers.ToDictionary(o => o.Observation.CreditCode, o => o.ModifiedZ, StringComparer.Ordinal);
        units = units.Select(u => z.TryGetValue(u.CreditCode, out var m) ? u with { ModifiedZ = m } : u).ToList();
        var beneath = self.Level switch
        {
            DivisionLevels.Region => outliers,
            DivisionLevels.LeagueCity => outliers.Where(o => o.Observation.LeagueCity == self.Code).ToList(),
            _ => outliers.Where(o => units.Any(u => u.CreditCode == o.Observation.CreditCode)).ToList(),
        };
        var synthetic = await SyntheticData.InYearAsync(db, request.Year, ct);
        return new DivisionPage(Step(self), path, request.Year, years, series, children, targets, reconciliation, reconcile.TolerancePercent,
            units, beneath, threshold, synthetic,
            plan.Targets.Select(t => new TargetDefinition(t.Id, t.Clause, t.TitleZh, t.TitleEn, t.Indicator, t.Scope, t.Kind, t.Value, t.Unit)).ToList());
    }

    /// <summary>Units registered directly in the division with a record of the year (final records unless preliminary).</summary>
    private async Task<List<DivisionUnit>> UnitsAsync(string code, int year, bool preliminary, CancellationToken ct)
    {
        var rows = await (from u in db.Units.AsNoTracking()
                          join r in db.RdRecords.Where(r => r.Year == year && (preliminary || r.Status == DataStatuses.Final)) on u.Id equals r.UnitId
                          join p in db.RdRecords.Where(p => p.Year == year - 1 && (preliminary || p.Status == DataStatuses.Final)) on u.Id equals p.UnitId into ps
                          from p in ps.DefaultIfEmpty()
                          where u.DivisionCode == code
                          select new { u.CreditCode, u.Name, u.Sector, Cur = r.RdTotalFen, Prev = p == null ? (long?)null : p.RdTotalFen, r.Status, Synthetic = u.IsSynthetic || r.IsSynthetic })
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.Cur).ThenBy(r => r.CreditCode, StringComparer.Ordinal).Select(r => new DivisionUnit(
            r.CreditCode, r.Name, r.Sector, Common.Money.ToYuan(r.Cur), Common.Money.ToYuan(r.Prev),
            r.Prev is > 0 ? IndicatorCalculator.RoundPercent(100m * ((decimal)r.Cur / r.Prev.Value - 1m)) : null,
            r.Status, r.Synthetic, null)).ToList();
    }
}
