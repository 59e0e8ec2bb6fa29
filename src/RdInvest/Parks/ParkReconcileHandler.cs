using Microsoft.EntityFrameworkCore;
using RdInvest.Data;
using RdInvest.Indicators;
using RdInvest.Plans;

namespace RdInvest.Parks;

/// <summary>
/// `rdinvest reconcile --parks` (二(五)17): for every park where both exist, its reported figure against the sum over its
/// member units, per measure (R&amp;D, R&amp;D institutions, high-tech enterprises, invention patents), flagged above the
/// plan's tolerance (reconcile.tolerance, default 1 %) as the division reconciliation is. The rows reuse its shape, with
/// the park id in place of the division code.
/// </summary>
public sealed class ParkReconcileHandler(RdInvestDb db, PlanResolver? plans = null)
{
    public async Task<ReconcileResult> HandleAsync(int year, string? planId, CancellationToken ct)
    {
        var plan = await (plans ?? new PlanResolver(db)).ResolveAsync(planId, ct);
        var tolerance = plan.Parameters.ContainsKey("reconcile.tolerance")
            ? plan.ParameterAt("reconcile.tolerance", new DateOnly(year, 12, 31)).AsDecimal()
            : 0.01m;
        var names = await db.Parks.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, StringComparer.Ordinal, ct);
        var measures = await new ParkFigureRollup(db).LoadAsync(year, ct);
        var items = new List<ReconcileItem>();
        foreach (var m in measures.Values.OrderBy(m => m.ParkId, StringComparer.Ordinal))
        {
            foreach (var (key, measure, money) in new[]
                     {
                         ("rd_total", m.RdTotalFen, true), ("rd_institutions", m.RdInstitutions, false),
                         ("hte_count", m.HteCount, false), ("invention_patents", m.InventionPatents, false),
                     })
            {
                if (measure is not { Reported: { } rep, Derived: { } der })
                {
                    continue;
                }
                var r = money ? Common.Money.ToYuan(rep) : rep;
                var v = money ? Common.Money.ToYuan(der) : der;
                var diff = r - v;
                decimal? pct = r == 0 ? null : IndicatorCalculator.RoundPercent(100m * diff / r);
                items.Add(new ReconcileItem(m.ParkId, names[m.ParkId], key, r, v, diff, pct, measure.Units, 0,
                    pct is null ? diff != 0 : Math.Abs(pct.Value) > 100m * tolerance, money ? IndicatorUnits.Yuan : IndicatorUnits.Count));
            }
        }
        return new ReconcileResult(year, 100m * tolerance, items);
    }
}
