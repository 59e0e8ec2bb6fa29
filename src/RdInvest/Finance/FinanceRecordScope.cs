using Microsoft.EntityFrameworkCore;
using RdInvest.Data;

namespace RdInvest.Finance;

/// <summary>
/// Which lenders' and sponsors' records a reader sees: every one (null scope: region roles, finance) or a financial
/// institution's own — itself and every institution under it by parent.
/// </summary>
public static class FinanceRecordScope
{
    /// <summary>The codes of <paramref name="institution"/> and its branches (theirs too); null when <paramref name="institution"/> is null.</summary>
    public static async Task<IReadOnlySet<string>?> CodesAsync(RdInvestDb db, string? institution, CancellationToken ct)
    {
        if (institution is null)
        {
            return null;
        }
        var parents = await db.Institutions.AsNoTracking().Select(i => new { i.Code, i.ParentCode }).ToListAsync(ct);
        var data = new FinanceData([.. parents.Select(p => new InstitutionInfo(p.Code, "", "", p.ParentCode, ""))], [], [],
            new Dictionary<long, BorrowerInfo>(), [], new Dictionary<string, string>());
        return parents.Where(p => data.IsUnder(p.Code, institution)).Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
    }
}
