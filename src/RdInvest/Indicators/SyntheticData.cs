using Microsoft.EntityFrameworkCore;
using RdInvest.Data;

namespace RdInvest.Indicators;

/// <summary>Whether a year's unit records include synthetic (demo) ones: derived figures of that year then carry the 示例 badge.</summary>
public static class SyntheticData
{
    public static Task<bool> InYearAsync(RdInvestDb db, int year, CancellationToken ct) =>
        db.RdRecords.AsNoTracking().AnyAsync(r => r.Year == year && r.IsSynthetic, ct);
}
