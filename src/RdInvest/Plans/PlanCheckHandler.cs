using RdInvest.Data;
using RdInvest.Indicators;

namespace RdInvest.Plans;

/// <summary>
/// `rdinvest plan check ID` (and every `plan load`): <see cref="PlanConsistency"/> over the plan's targets, with the
/// base-year values of the region's indicators from the database (published figures first, as everywhere), else the
/// region's published figures shipped with the platform (the statistical bulletins), so a fresh database can be checked.
/// </summary>
public sealed class PlanCheckHandler(RdInvestDb db)
{
    public async Task<PlanCheckResult> HandleAsync(string planId, CancellationToken ct)
    {
        var plan = await new PlanResolver(db).ResolveAsync(planId, ct);
        return await CheckAsync(plan, new IndicatorsHandler(db), ct);
    }

    /// <summary>Checks a plan with an indicator source (prepared here for the base year).</summary>
    public static async Task<PlanCheckResult> CheckAsync(Plan plan, IndicatorsHandler indicators, CancellationToken ct)
    {
        await indicators.PrepareAsync([plan.BaseYear], ct);
        var region = indicators.Divisions.Values.FirstOrDefault(d => d.Level == DivisionLevels.Region)?.Code;
        return PlanConsistency.Check(plan, (indicator, scope) =>
            scope != "region" ? null
            : (region is null ? null : indicators.Get(region, plan.BaseYear, indicator).Value) ?? Published(indicator, plan.BaseYear));
    }

    /// <summary>The region's published value of an indicator for a year (yuan), from the shipped bulletins; null when not printed.</summary>
    private static decimal? Published(string indicator, int year)
    {
        var row = Divisions.ReferenceData.OfficialFigures.FirstOrDefault(r => r.Year == year && r.DivisionCode.EndsWith("0000", StringComparison.Ordinal));
        var yi = indicator switch
        {
            "rd_total" => row?.RdTotalYi,
            "rd_enterprise" => row?.RdEnterpriseYi,
            "gdp" => row?.GdpYi,
            "gov_st_spending" => row?.GovStSpendingYi,
            _ => null,
        };
        return yi * 100_000_000m;
    }
}
