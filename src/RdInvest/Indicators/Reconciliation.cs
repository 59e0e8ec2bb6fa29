using RdInvest.Data;
using RdInvest.Plans;

namespace RdInvest.Indicators;

public sealed record ReconcileItem(
    string Division, string NameZh, string Measure, decimal Reported, decimal Derived, decimal Difference,
    decimal? DifferencePercent, int Units, int Divisions, bool Flagged, string Unit);

public sealed record ReconcileResult(int Year, decimal TolerancePercent, IReadOnlyList<ReconcileItem> Items);

/// <summary>
/// `rdinvest reconcile` (二(五)16): where a published figure and the sum of units and child divisions both exist,
/// the difference, flagged above the plan's tolerance (reconcile.tolerance, default 1 %); and the published
/// intensity against rd_total / GDP.
/// </summary>
public sealed class ReconcileHandler(RdInvestDb db, PlanResolver? plans = null)
{
    private static readonly string[] MoneyMeasures =
    [
        Measure.RdTotal, Measure.GovFunds, Measure.EnterpriseFunds, Measure.ForeignFunds, Measure.OtherFunds,
        Measure.Basic, Measure.Applied, Measure.Experimental, Measure.RdEnterprise, Measure.RdInstitute, Measure.RdUniversity,
    ];

    public async Task<ReconcileResult> HandleAsync(int year, string? planId, CancellationToken ct)
    {
        var plan = await (plans ?? new PlanResolver(db)).ResolveAsync(planId, ct);
        var tolerance = plan.Parameters.ContainsKey("reconcile.tolerance")
            ? plan.ParameterAt("reconcile.tolerance", new DateOnly(year, 12, 31)).AsDecimal()
            : 0.01m;
        var indicators = new IndicatorsHandler(db);
        await indicators.PrepareAsync([year], ct);
        var loader = new MeasureLoader(db);
        var rollup = await loader.RollupAsync(year, await loader.ChildrenAsync(ct), ct);
        var items = new List<ReconcileItem>();
        foreach (var d in indicators.Divisions.Values.OrderBy(d => d.Code, StringComparer.Ordinal))
        {
            var inputs = rollup.InputsOf(d.Code);
            foreach (var m in MoneyMeasures.Concat([Measure.HteCount, Measure.TsmeCount]))
            {
                if (!inputs.Reported.TryGetValue(m, out var reported) || rollup.DerivedOnly(d.Code, m) is not { } derived)
                {
                    continue;
                }
                var isMoney = MoneyMeasures.Contains(m);
                var r = isMoney ? Common.Money.ToYuan(reported) : reported;
                var v = isMoney ? Common.Money.ToYuan(derived.Value) : derived.Value;
                var diff = r - v;
                decimal? pct = r == 0 ? null : IndicatorCalculator.RoundPercent(100m * diff / r);
                items.Add(new ReconcileItem(d.Code, d.NameZh, m, r, v, diff, pct, derived.Provenance.Units, derived.Provenance.Divisions,
                    pct is null ? diff != 0 : Math.Abs(pct.Value) > 100m * tolerance, isMoney ? IndicatorUnits.Yuan : IndicatorUnits.Count));
            }
            // Published intensity against the computed one, where rd_total and GDP are both known.
            if (inputs.ReportedIntensity is { } ri && rollup.Value(d.Code, Measure.RdTotal) is { } rd && rollup.Value(d.Code, Measure.Gdp) is { Value: > 0 } gdp)
            {
                var computed = IndicatorCalculator.RoundPercent(100m * rd.Value / gdp.Value);
                var diff = ri - computed;
                items.Add(new ReconcileItem(d.Code, d.NameZh, "rd_intensity", ri, computed, diff, null, rd.Provenance.Units, rd.Provenance.Divisions,
                    Math.Abs(diff) > 0.05m, IndicatorUnits.Percent));
            }
        }
        return new ReconcileResult(year, 100m * tolerance, items);
    }
}
