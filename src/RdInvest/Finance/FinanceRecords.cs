using Microsoft.EntityFrameworkCore;
using RdInvest.Data;

namespace RdInvest.Finance;

/// <summary>What the finance pages' frame needs to know of the finance records as a whole.</summary>
public static class FinanceRecords
{
    /// <summary>The years the records cover: every year a loan was granted or a financing event took place.</summary>
    public static async Task<IReadOnlyList<int>> YearsAsync(RdInvestDb db, CancellationToken ct)
    {
        var granted = await db.Loans.AsNoTracking().Select(l => l.GrantedOn).Distinct().ToListAsync(ct);
        var events = await db.FinancingEvents.AsNoTracking().Select(f => f.Date).Distinct().ToListAsync(ct);
        return [.. granted.Concat(events).Select(d => d.Year).Distinct().Order()];
    }

    /// <summary>Whether any loan or institution is synthetic (the demo population): derived figures then carry 示例.</summary>
    public static async Task<bool> AnySyntheticAsync(RdInvestDb db, CancellationToken ct) =>
        await db.Loans.AnyAsync(l => l.IsSynthetic, ct) || await db.Institutions.AnyAsync(i => i.IsSynthetic, ct);
}
