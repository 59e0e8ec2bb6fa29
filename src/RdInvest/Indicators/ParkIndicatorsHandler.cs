using Microsoft.EntityFrameworkCore;
using RdInvest.Common;
using RdInvest.Data;

namespace RdInvest.Indicators;

public sealed record ParkIndicators(string Park, string NameZh, string Category, string DivisionCode, int Year, bool IsSynthetic,
    IReadOnlyDictionary<string, IndicatorValue> Indicators);

/// <summary>
/// A park's indicators for a year (二(四)12, 二(五)17): its reported figures, park_rd_intensity = R&amp;D / park GDP
/// and R&amp;D growth. A figure the park administration reported is "reported"; where it reported none, R&amp;D, R&amp;D
/// institutions, high-tech enterprises and invention patents are "derived" from the park's member units
/// (<see cref="Parks.ParkFigureRollup"/>).
/// </summary>
public sealed class ParkIndicatorsHandler(RdInvestDb db)
{
    public async Task<ParkIndicators> HandleAsync(string parkId, int year, CancellationToken ct)
    {
        var park = await db.Parks.AsNoTracking().FirstOrDefaultAsync(p => p.Id == parkId, ct)
            ?? throw new UserError($"没有园区 {parkId}", $"no park {parkId}");
        var rollup = new Parks.ParkFigureRollup(db);
        var cur = (await rollup.LoadAsync(year, ct))[parkId];
        var prev = (await rollup.LoadAsync(year - 1, ct))[parkId];
        var rdCur = cur.RdTotalFen.Value;
        var rdPrev = prev.RdTotalFen.Value;
        var r = new Dictionary<string, IndicatorValue>(StringComparer.Ordinal)
        {
            ["rd_total"] = Money(cur.RdTotalFen),
            ["gdp"] = Money(new Parks.ParkMeasure(cur.GdpFen, null, 0)),
            ["revenue"] = Money(new Parks.ParkMeasure(cur.RevenueFen, null, 0)),
            ["park_rd_intensity"] = rdCur is { } rd && cur.GdpFen is { } gdp
                ? gdp == 0 ? IndicatorValue.Missing(IndicatorUnits.Percent, Reason.ZeroDenominator) : Value(IndicatorCalculator.RoundPercent(100m * rd / gdp), IndicatorUnits.Percent, cur.RdTotalFen.Provenance)
                : IndicatorValue.Missing(IndicatorUnits.Percent, rdCur is null ? Reason.NoData : Reason.NoGdp),
            ["rd_growth"] = rdCur is not { } c ? IndicatorValue.Missing(IndicatorUnits.Percent, Reason.NoData)
                : rdPrev is not { } p ? IndicatorValue.Missing(IndicatorUnits.Percent, Reason.NoPreviousYear)
                : p == 0 ? IndicatorValue.Missing(IndicatorUnits.Percent, Reason.ZeroDenominator)
                : Value(IndicatorCalculator.RoundPercent(100m * ((decimal)c / p - 1m)), IndicatorUnits.Percent,
                    cur.RdTotalFen.Reported is not null && prev.RdTotalFen.Reported is not null ? Provenance.ReportedKind : Provenance.DerivedKind),
            ["rd_institutions"] = Count(cur.RdInstitutions),
            ["hte_count"] = Count(cur.HteCount),
            ["invention_patents"] = Count(cur.InventionPatents),
        };
        return new ParkIndicators(park.Id, park.Name, park.Category, park.DivisionCode, year, park.IsSynthetic, r);
    }

    private static IndicatorValue Value(decimal v, string unit, string? provenance) => new(v, unit, provenance, null, null, null, null);

    private static IndicatorValue Money(Parks.ParkMeasure m) => m.Value is { } f
        ? new(Common.Money.ToYuan(f), IndicatorUnits.Yuan, m.Provenance, m.Reported is null ? m.Units : null, null, null, null)
        : IndicatorValue.Missing(IndicatorUnits.Yuan, Reason.NoData);

    private static IndicatorValue Count(Parks.ParkMeasure m) => m.Value is { } n
        ? new(n, IndicatorUnits.Count, m.Provenance, m.Reported is null ? m.Units : null, null, null, null)
        : IndicatorValue.Missing(IndicatorUnits.Count, Reason.NoData);
}
