using Microsoft.EntityFrameworkCore;
using RdInvest.Common;
using RdInvest.Data;

namespace RdInvest.Payments;

/// <summary>
/// R11's <c>st_enterprise</c> for one unit from its certificates (<c>calc listing-reward --unit CREDIT_CODE</c>), when the
/// caller did not give it: an S&amp;T enterprise (科技型企业, 二(三)10) holds a high-tech enterprise certificate valid on the
/// date (three years from issue when no expiry is recorded) or a tech-SME registration of the date's year.
/// </summary>
public sealed class StEnterpriseInputsHandler(RdInvestDb db)
{
    public async Task<IReadOnlyList<KeyValuePair<string, string>>> FillAsync(string creditCode, IReadOnlyList<KeyValuePair<string, string>> given,
        DateOnly date, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.CreditCode == creditCode).Select(u => new { u.Id }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundError($"没有统计单位 {creditCode}", $"no reporting unit {creditCode}");
        if (given.Any(kv => kv.Key == "st_enterprise"))
        {
            return given;
        }
        var certificates = await db.Certifications.AsNoTracking()
            .Where(c => c.UnitId == unit.Id && (c.Kind == CertificationKinds.HighTech || c.Kind == CertificationKinds.TechSme) && c.Issued <= date)
            .Select(c => new { c.Kind, c.Issued, c.Expires }).ToListAsync(ct);
        var holds = certificates.Exists(c => c.Kind == CertificationKinds.HighTech
                ? (c.Expires ?? c.Issued.AddYears(3).AddDays(-1)) >= date
                : c.Issued.Year == date.Year);
        return [.. given, KeyValuePair.Create("st_enterprise", holds ? "true" : "false")];
    }
}
