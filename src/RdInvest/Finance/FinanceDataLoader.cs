using Microsoft.EntityFrameworkCore;
using RdInvest.Common;
using RdInvest.Data;

namespace RdInvest.Finance;

/// <summary>
/// Reads the finance records (institutions, loans, financing events), the borrowers with their league/city, and the
/// high-tech and tech-SME certificates that make a unit an S&amp;T enterprise. A lender code limits loans to one
/// institution and those under it, and financing to the events it sponsored (a finance institution's own records).
/// </summary>
public static class FinanceDataLoader
{
    public static async Task<FinanceData> LoadAsync(RdInvestDb db, CancellationToken ct, string? lender = null)
    {
        var institutions = await db.Institutions.AsNoTracking()
            .Select(i => new InstitutionInfo(i.Code, i.Name, i.Kind, i.ParentCode, i.DivisionCode)).ToListAsync(ct);
        var loans = (await db.Loans.AsNoTracking().ToListAsync(ct)).Select(l => new LoanInfo(
            l.LenderCode, l.LoanId, l.BorrowerUnitId, l.Kind, l.GuarantorCode, l.GrantedOn, l.MaturesOn, l.RepaidOn,
            Money.ToYuan(l.AmountFen), l.AnnualRateBp4 / 1_000_000m, Money.ToYuan(l.GuaranteeFeeFen), Money.ToYuan(l.LossAmountFen))).ToList();
        var financing = (await db.FinancingEvents.AsNoTracking().ToListAsync(ct)).Select(f => new FinancingInfo(
            f.Id, f.UnitId, f.Kind, f.Date, Money.ToYuan(f.AmountRaisedFen), f.InstitutionCode)).ToList();
        var divisions = await db.Divisions.AsNoTracking().ToDictionaryAsync(d => d.Code, StringComparer.Ordinal, ct);
        var unitIds = loans.Select(l => l.BorrowerId).Concat(financing.Select(f => f.UnitId)).ToHashSet();
        var units = (await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id))
                .Select(u => new { u.Id, u.CreditCode, u.Name, u.DivisionCode }).ToListAsync(ct))
            .ToDictionary(u => u.Id, u => new BorrowerInfo(u.Id, u.CreditCode, u.Name, LeagueCity(divisions, u.DivisionCode)));
        var certificates = await db.Certifications.AsNoTracking()
            .Where(c => c.Kind == CertificationKinds.HighTech || c.Kind == CertificationKinds.TechSme)
            .Select(c => new StCertificate(c.UnitId, c.Kind, c.Issued, c.Expires)).ToListAsync(ct);
        var names = divisions.Values.Where(d => d.Level == DivisionLevels.LeagueCity).ToDictionary(d => d.Code, d => d.NameZh, StringComparer.Ordinal);
        var data = new FinanceData(institutions, loans, financing, units, certificates, names);
        if (lender is null)
        {
            return data;
        }
        return data with
        {
            Loans = [.. loans.Where(l => data.IsUnder(l.LenderCode, lender))],
            Financing = [.. financing.Where(f => f.InstitutionCode is { } c && data.IsUnder(c, lender))],
        };
    }

    private static string? LeagueCity(Dictionary<string, Division> divisions, string code) =>
        divisions.GetValueOrDefault(code) switch
        {
            { Level: DivisionLevels.LeagueCity } d => d.Code,
            { Level: DivisionLevels.County } d => d.ParentCode,
            _ => null,
        };
}
