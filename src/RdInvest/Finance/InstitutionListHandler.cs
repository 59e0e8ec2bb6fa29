using Microsoft.EntityFrameworkCore;
using RdInvest.Common;
using RdInvest.Data;

namespace RdInvest.Finance;

/// <param name="Kind">One of <see cref="InstitutionKinds"/>, or null for every kind.</param>
/// <param name="DivisionCode">A league/city or county: the institutions located in it (a league/city includes its counties); null for all.</param>
/// <param name="Institution">Scope: only this institution and those under it (a finance institution's own view); null for all.</param>
public sealed record InstitutionListRequest(string? Kind = null, string? DivisionCode = null, string? Institution = null);

/// <summary>An institution as its list shows it: its bank (a branch's parent) and its division by name.</summary>
public sealed record InstitutionListRow(
    string Code, string Name, string Kind, string? ParentCode, string? ParentName, string DivisionCode, string? DivisionZh, string? DivisionEn,
    int Loans, bool IsSynthetic);

/// <summary>
/// The financial institutions (二(三)7–10) with their bank and division, filtered by kind and division, optionally scoped to
/// one institution and those under it; ordered as the statistics order them (a bank, then its branches).
/// </summary>
public sealed class InstitutionListHandler(RdInvestDb db)
{
    public async Task<IReadOnlyList<InstitutionListRow>> HandleAsync(InstitutionListRequest request, CancellationToken ct)
    {
        if (request.Kind is { } k && !InstitutionKinds.All.Contains(k))
        {
            throw new UserError($"机构类型 {k} 不存在，应为 {string.Join("、", InstitutionKinds.All)}",
                $"institution kind {k} does not exist; use one of {string.Join(", ", InstitutionKinds.All)}", 2);
        }
        var all = await db.Institutions.AsNoTracking()
            .Select(i => new { i.Code, i.Name, i.Kind, i.ParentCode, i.DivisionCode, i.IsSynthetic }).ToListAsync(ct);
        var loans = await db.Loans.AsNoTracking().GroupBy(l => l.LenderCode).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, ct);
        var divisions = await db.Divisions.AsNoTracking().ToDictionaryAsync(d => d.Code, StringComparer.Ordinal, ct);
        var data = new FinanceData([.. all.Select(i => new InstitutionInfo(i.Code, i.Name, i.Kind, i.ParentCode, i.DivisionCode))], [], [],
            new Dictionary<long, BorrowerInfo>(), [], new Dictionary<string, string>());
        var names = all.ToDictionary(i => i.Code, i => i.Name, StringComparer.Ordinal);
        return all
            .Where(i => request.Kind is null || i.Kind == request.Kind)
            .Where(i => request.DivisionCode is null || FinanceDivisions.IsWithin(divisions, i.DivisionCode, request.DivisionCode))
            .Where(i => request.Institution is null || data.IsUnder(i.Code, request.Institution))
            .OrderBy(i => data.RootOf(i.Code), StringComparer.Ordinal).ThenBy(i => i.ParentCode is null ? 0 : 1).ThenBy(i => i.Code, StringComparer.Ordinal)
            .Select(i =>
            {
                var d = divisions.GetValueOrDefault(i.DivisionCode);
                return new InstitutionListRow(i.Code, i.Name, i.Kind, i.ParentCode, i.ParentCode is { } p ? names.GetValueOrDefault(p) : null,
                    i.DivisionCode, d?.NameZh, d?.NameEn, loans.GetValueOrDefault(i.Code), i.IsSynthetic);
            }).ToList();
    }
}
