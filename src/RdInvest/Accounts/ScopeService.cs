using Microsoft.EntityFrameworkCore;
using RdInvest.Data;

namespace RdInvest.Accounts;

/// <summary>
/// The one place that says what a user may see: query filters per entity, and checks of a single division, unit
/// or park. Hosts apply it to every list and every addressed id (RdInvest.Web's scope filter); handlers never
/// decide scope themselves.
/// </summary>
public sealed class ScopeService(RdInvestDb db, UserScope user)
{
    public UserScope User => user;

    /// <summary>Division codes the user sees; null means every division.</summary>
    public async Task<IReadOnlySet<string>?> DivisionCodesAsync(CancellationToken ct)
    {
        if (user.IsGlobal)
        {
            return null;
        }
        var s = user.Scope ?? "";
        return user.Role switch
        {
            Roles.CityOfficer => (await db.Divisions.AsNoTracking().Where(d => d.Code == s || d.ParentCode == s).Select(d => d.Code).ToListAsync(ct)).ToHashSet(),
            Roles.CountyOfficer => new HashSet<string> { s },
            _ => new HashSet<string>(),
        };
    }

    /// <summary>Kinds a county or city officer may import (into their own divisions); every other kind is region-wide.</summary>
    public static readonly IReadOnlyList<string> OfficerImportKinds = ["rd", "units", "certifications"];

    /// <summary>Kinds a park administrator may import, for their own park only (二(五)17: parks report their figures and members).</summary>
    public static readonly IReadOnlyList<string> ParkImportKinds = ["park-figures", "units"];

    /// <summary>
    /// The park an import by this user is confined to: the park administrator's own park for <see cref="ParkImportKinds"/>;
    /// null for every other role (their limits are <see cref="ImportDivisionsAsync"/>). A row naming another park, or an
    /// existing unit of another park (or of none), is an <c>outside-park</c> finding that rejects the file.
    /// </summary>
    /// <summary>Kinds a financial institution may import, its own records only (二(三)7–10).</summary>
    public static readonly IReadOnlyList<string> InstitutionImportKinds = ["loans", "financing"];

    /// <summary>
    /// The institution a financial institution's import is confined to: every loan's lender and every event's sponsor must be
    /// it or one of its branches (an <c>outside-institution</c> finding rejects the file); null for every other role.
    /// </summary>
    public string? ImportInstitution(string kind) =>
        user.Role == Roles.FinanceInstitution && InstitutionImportKinds.Contains(kind) ? user.Scope ?? "" : null;

    /// <summary>The institution whose loans and financing a user reads (itself and its branches); null reads every one.</summary>
    public string? InstitutionCode => user.Role == Roles.FinanceInstitution ? user.Scope ?? "" : null;

    public string? ImportPark(string kind) => user.Role == Roles.ParkAdmin && ParkImportKinds.Contains(kind) ? user.Scope ?? "" : null;

    /// <summary>
    /// The divisions an import by this user may write into: null (everywhere) for region roles; a county or city
    /// officer's divisions for <see cref="OfficerImportKinds"/>; anything else is forbidden (403). Rows outside the
    /// returned set are refused row by row by the import's validation.
    /// </summary>
    public async Task<IReadOnlySet<string>?> ImportDivisionsAsync(string kind, CancellationToken ct)
    {
        if (user.Role is Roles.RegionAdmin or Roles.RegionAnalyst)
        {
            return null;
        }
        if (user.Role is Roles.CountyOfficer or Roles.CityOfficer)
        {
            if (OfficerImportKinds.Contains(kind))
            {
                return await DivisionCodesAsync(ct);
            }
            throw new Common.ForbiddenError($"{Roles.Zh(user.Role)}不能导入 {kind}（仅限 {string.Join("、", OfficerImportKinds)}）",
                $"role {user.Role} cannot import {kind} (only {string.Join(", ", OfficerImportKinds)})");
        }
        if (user.Role == Roles.ParkAdmin)
        {
            if (ParkImportKinds.Contains(kind))
            {
                // Confined by park (ImportPark), not by division: a park's units may sit in any county.
                return null;
            }
            throw new Common.ForbiddenError($"{Roles.Zh(user.Role)}不能导入 {kind}（仅限本园区的 {string.Join("、", ParkImportKinds)}）",
                $"role {user.Role} cannot import {kind} (only {string.Join(", ", ParkImportKinds)} of their own park)");
        }
        if (user.Role == Roles.FinanceInstitution)
        {
            if (InstitutionImportKinds.Contains(kind))
            {
                // Confined by institution (ImportInstitution), not by division: its borrowers sit anywhere.
                return null;
            }
            throw new Common.ForbiddenError($"{Roles.Zh(user.Role)}不能导入 {kind}（仅限本机构的 {string.Join("、", InstitutionImportKinds)}）",
                $"role {user.Role} cannot import {kind} (only {string.Join(", ", InstitutionImportKinds)} of their own institution)");
        }
        throw new Common.ForbiddenError($"角色 {Roles.Zh(user.Role)} 不能导入数据", $"role {user.Role} cannot import data");
    }

    public IQueryable<ReportingUnit> Units(IQueryable<ReportingUnit> q)
    {
        if (user.IsGlobal)
        {
            return q;
        }
        var s = user.Scope ?? "";
        return user.Role switch
        {
            Roles.CityOfficer => q.Where(u => u.DivisionCode == s || db.Divisions.Any(d => d.Code == u.DivisionCode && d.ParentCode == s)),
            Roles.CountyOfficer => q.Where(u => u.DivisionCode == s),
            Roles.ParkAdmin => q.Where(u => u.ParkId == s),
            Roles.Enterprise => q.Where(u => u.CreditCode == s),
            _ => q.Where(_ => false),
        };
    }

    public IQueryable<UnitRdRecord> RdRecords(IQueryable<UnitRdRecord> q)
    {
        if (user.IsGlobal)
        {
            return q;
        }
        var units = Units(db.Units).Select(u => u.Id);
        return q.Where(r => units.Contains(r.UnitId));
    }

    public IQueryable<DivisionFigure> DivisionFigures(IQueryable<DivisionFigure> q)
    {
        if (user.IsGlobal)
        {
            return q;
        }
        var s = user.Scope ?? "";
        return user.Role switch
        {
            Roles.CityOfficer => q.Where(f => f.DivisionCode == s || db.Divisions.Any(d => d.Code == f.DivisionCode && d.ParentCode == s)),
            Roles.CountyOfficer => q.Where(f => f.DivisionCode == s),
            _ => q.Where(_ => false),
        };
    }

    public IQueryable<CountyApproval> Approvals(IQueryable<CountyApproval> q)
    {
        if (user.IsGlobal)
        {
            return q;
        }
        var s = user.Scope ?? "";
        return user.Role switch
        {
            Roles.CityOfficer => q.Where(a => a.CountyCode == s || db.Divisions.Any(d => d.Code == a.CountyCode && d.ParentCode == s)),
            Roles.CountyOfficer => q.Where(a => a.CountyCode == s),
            _ => q.Where(_ => false),
        };
    }

    public async Task<bool> CanSeeDivisionAsync(string code, CancellationToken ct)
    {
        var codes = await DivisionCodesAsync(ct);
        return codes is null || codes.Contains(code);
    }

    public Task<bool> CanSeeUnitAsync(string creditCode, CancellationToken ct) =>
        user.IsGlobal ? Task.FromResult(true) : Units(db.Units.AsNoTracking()).AnyAsync(u => u.CreditCode == creditCode, ct);

    public Task<bool> CanSeeParkAsync(string parkId, CancellationToken ct)
    {
        if (user.IsGlobal)
        {
            return Task.FromResult(true);
        }
        var s = user.Scope ?? "";
        return user.Role switch
        {
            Roles.ParkAdmin => Task.FromResult(parkId == s),
            Roles.CityOfficer => db.Parks.AsNoTracking().AnyAsync(p => p.Id == parkId && (p.DivisionCode == s || db.Divisions.Any(d => d.Code == p.DivisionCode && d.ParentCode == s)), ct),
            Roles.CountyOfficer => db.Parks.AsNoTracking().AnyAsync(p => p.Id == parkId && p.DivisionCode == s, ct),
            _ => Task.FromResult(false),
        };
    }
}
