using Microsoft.EntityFrameworkCore;
using RdInvest.Data;
using RdInvest.Indicators;

namespace RdInvest.Parks;

/// <summary>A park measure: the park's reported figure, the sum over its member units, and which one applies.</summary>
/// <param name="Reported">The park-figures value, null when not reported.</param>
/// <param name="Derived">The sum over the member units (<c>units.park_id</c>), null when no member unit contributes.</param>
/// <param name="Units">How many member units are behind <paramref name="Derived"/>.</param>
public sealed record ParkMeasure(long? Reported, long? Derived, int Units)
{
    /// <summary>Reported beats derived, as for divisions.</summary>
    public long? Value => Reported ?? Derived;

    public string? Provenance => Reported is not null ? Indicators.Provenance.ReportedKind : Derived is not null ? Indicators.Provenance.DerivedKind : null;
}

/// <summary>A park's four evaluation measures (二(五)17) for a year, plus its reported GDP and revenue (units give none).</summary>
public sealed record ParkMeasures(string ParkId, ParkMeasure RdTotalFen, ParkMeasure RdInstitutions, ParkMeasure HteCount, ParkMeasure InventionPatents,
    long? GdpFen, long? RevenueFen, bool ReportedSynthetic);

/// <summary>
/// Parks built from their units (二(五)17): a park's R&amp;D, R&amp;D institutions, high-tech enterprises and invention
/// patents are summed over its member units when the park's own figures are not reported; a reported figure wins, as
/// for divisions. Unit records count as for official figures: final records only. High-tech enterprises are the member
/// units holding a certificate valid on 31 December (three years from issue when no expiry is recorded).
/// </summary>
public sealed class ParkFigureRollup(RdInvestDb db)
{
    public async Task<IReadOnlyDictionary<string, ParkMeasures>> LoadAsync(int year, CancellationToken ct)
    {
        var figures = await db.ParkFigures.AsNoTracking().Where(f => f.Year == year).ToDictionaryAsync(f => f.ParkId, StringComparer.Ordinal, ct);
        var derived = await Analytics.AnalyticsReader.ParksAsync(db, year, ct);
        var parks = await db.Parks.AsNoTracking().Select(p => p.Id).ToListAsync(ct);
        return parks.ToDictionary(id => id, id =>
        {
            var f = figures.GetValueOrDefault(id);
            var m = derived.GetValueOrDefault(id);
            DirectValue? Get(string measure) => m is not null && m.TryGetValue(measure, out var v) ? v : null;
            var rd = Get(Analytics.ParkAnalyticsComputer.RdTotal);
            var inst = Get(Analytics.ParkAnalyticsComputer.RdInstitutions);
            var patents = Get(Analytics.ParkAnalyticsComputer.InventionPatents);
            var h = checked((int)(Get(Analytics.ParkAnalyticsComputer.HteCount)?.Sum ?? 0));
            return new ParkMeasures(id,
                new ParkMeasure(f?.RdTotalFen, rd?.Sum, rd?.Units ?? 0),
                new ParkMeasure(f?.RdInstitutions, inst is { Units: > 0 } ? inst.Value.Sum : null, inst?.Units ?? 0),
                new ParkMeasure(f?.HteCount, h > 0 ? h : null, h),
                new ParkMeasure(f?.InventionPatents, patents is { Units: > 0 } ? patents.Value.Sum : null, patents?.Units ?? 0),
                f?.GdpFen, f?.RevenueFen, f?.IsSynthetic == true);
        }, StringComparer.Ordinal);
    }
}
