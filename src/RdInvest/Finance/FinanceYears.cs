using Microsoft.EntityFrameworkCore;
using RdInvest.Data;

namespace RdInvest.Finance;

/// <summary>The years the finance records cover: every year a loan was granted or a financing event took place.</summary>
public static class FinanceYears
{
    public static async Task<IReadOnlyList<int>> ListAsync(RdInvestDb db, CancellationToken ct)
    {
        var granted = await db.Loans.AsNoTracking().Select(l => l.GrantedOn).Distinct().ToListAsync(ct);
        var events = await db.FinancingEvents.AsNoTracking().Select(f => f.Date).Distinct().ToListAsync(ct);
        return [.. granted.Concat(events).Select(d => d.Year).Distinct().Order()];
    }
}
