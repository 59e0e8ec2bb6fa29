using Microsoft.EntityFrameworkCore;
using RdInvest.Common;
using RdInvest.Data;

namespace RdInvest.Indicators;

public sealed record ParkIndicators(string Park, string NameZh, string Category, string DivisionCode, int Year, bool IsSynthetic,
    IReadOnlyDictionary<string, IndicatorValue> Indicators);

/// <summary>
/// A park's indicators for a year (二(四)12, 二(五)17): its reported figures, park_rd_intensity = R&amp;D / park GDP
/// and R&amp;D growth. Park figures are reported by the park administration, so every value is "reported".
/// </summary>
public sealed class ParkIndicatorsHandler(RdInvestDb db)
{
    public async Task<ParkIndicators> HandleAsync(string parkId, int year, CancellationToken ct)
    {
        var park = await db.Parks.AsNoTracking().FirstOrDefaultAsync(p => p.Id == parkId, ct)
            ?? throw new UserError($"没有园区 {parkId}", $"no park {parkId}");
        var figures = await db.ParkFigures.AsNoTracking().Where(f => f.ParkId == parkId && (f.Year == year || f.Year == year - 1)).ToListAsync(ct);
        var cur = figures.FirstOrDefault(f => f.Year == year);
        var prev = figures.FirstOrDefault(f => f.Year == year - 1);
        var r = new Dictionary<string, IndicatorValue>(StringComparer.Ordinal)
        {
            ["rd_total"] = Money(cur?.RdTotalFen),
            ["gdp"] = Money(cur?.GdpFen),
            ["revenue"] = Money(cur?.RevenueFen),
            ["park_rd_intensity"] = cur?.RdTotalFen is { } rd && cur.GdpFen is { } gdp
                ? gdp == 0 ? IndicatorValue.Missing(IndicatorUnits.Percent, Reason.ZeroDenominator) : Reported(IndicatorCalculator.RoundPercent(100m * rd / gdp), IndicatorUnits.Percent)
                : IndicatorValue.Missing(IndicatorUnits.Percent, cur?.RdTotalFen is null ? Reason.NoData : Reason.NoGdp),
            ["rd_growth"] = cur?.RdTotalFen is not { } c ? IndicatorValue.Missing(IndicatorUnits.Percent, Reason.NoData)
                : prev?.RdTotalFen is not { } p ? IndicatorValue.Missing(IndicatorUnits.Percent, Reason.NoPreviousYear)
                : p == 0 ? IndicatorValue.Missing(IndicatorUnits.Percent, Reason.ZeroDenominator)
                : Reported(IndicatorCalculator.RoundPercent(100m * ((decimal)c / p - 1m)), IndicatorUnits.Percent),
            ["rd_institutions"] = Count(cur?.RdInstitutions),
            ["hte_count"] = Count(cur?.HteCount),
            ["invention_patents"] = Count(cur?.InventionPatents),
        };
        return new ParkIndicators(park.Id, park.Name, park.Category, park.DivisionCode, year, park.IsSynthetic, r);
    }

    private static IndicatorValue Reported(decimal v, string unit) => new(v, unit, Provenance.ReportedKind, null, null, null, null);

    private static IndicatorValue Money(long? fen) =>
        fen is { } f ? Reported(Common.Money.ToYuan(f), IndicatorUnits.Yuan) : IndicatorValue.Missing(IndicatorUnits.Yuan, Reason.NoData);

    private static IndicatorValue Count(int? n) =>
        n is { } v ? Reported(v, IndicatorUnits.Count) : IndicatorValue.Missing(IndicatorUnits.Count, Reason.NoData);
}
