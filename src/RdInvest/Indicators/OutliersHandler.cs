using Microsoft.EntityFrameworkCore;
using RdInvest.Data;
using RdInvest.Plans;
using RdInvest.Targets;

namespace RdInvest.Indicators;

/// <summary>`rdinvest outliers --year Y`: reads each unit's R&amp;D for Y and Y−1 and applies <see cref="OutlierDetector"/>.</summary>
public sealed class OutliersHandler(RdInvestDb db, PlanResolver? plans = null)
{
    public async Task<(decimal Threshold, IReadOnlyList<Outlier> Items)> HandleAsync(int year, string? planId, CancellationToken ct)
    {
        var plan = await (plans ?? new PlanResolver(db)).ResolveAsync(planId, ct);
        var threshold = plan.Parameters.ContainsKey("outliers.modified_z")
            ? plan.ParameterAt("outliers.modified_z", new DateOnly(year, 12, 31)).AsDecimal()
            : 3.5m;
        var divisions = await db.Divisions.AsNoTracking().ToDictionaryAsync(d => d.Code, StringComparer.Ordinal, ct);
        var rows = await (from cur in db.RdRecords.Where(r => r.Year == year)
                          join prev in db.RdRecords.Where(r => r.Year == year - 1) on cur.UnitId equals prev.UnitId
                          join u in db.Units on cur.UnitId equals u.Id
                          select new { u.CreditCode, u.Name, u.DivisionCode, u.Sector, Cur = cur.RdTotalFen, Prev = prev.RdTotalFen })
            .AsNoTracking().ToListAsync(ct);
        var obs = rows.Select(r => new GrowthObservation(r.CreditCode, r.Name, ProgressHandler.LeagueCityOf(r.DivisionCode, divisions), r.Sector,
            Common.Money.ToYuan(r.Prev), Common.Money.ToYuan(r.Cur)));
        return (threshold, OutlierDetector.Find(obs, threshold));
    }
}
