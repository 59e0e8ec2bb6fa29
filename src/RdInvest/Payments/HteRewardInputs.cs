using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Plans;
using RdInvest.Policy;

namespace RdInvest.Payments;

/// <summary>
/// R1's inputs for one unit from the database (<c>calc hte-reward --unit CREDIT_CODE</c>): rewarded_before from the
/// payments table; certified_on, first_time and relocated from the unit's high-tech certificates (the first issued in
/// the plan period, else the latest) — each only when the caller did not give it.
/// </summary>
public sealed class HteRewardInputsHandler(RdInvestDb db)
{
    public async Task<IReadOnlyList<KeyValuePair<string, string>>> FillAsync(string creditCode, IReadOnlyList<KeyValuePair<string, string>> given, Plan plan,
        CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.CreditCode == creditCode).Select(u => new { u.Id }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundError($"没有统计单位 {creditCode}", $"no reporting unit {creditCode}");
        var result = given.ToList();
        bool Has(string name) => result.Exists(kv => kv.Key == name);
        if (!Has("rewarded_before"))
        {
            var paid = await db.Payments.AsNoTracking().AnyAsync(p => p.UnitId == unit.Id && p.RuleId == "R1", ct);
            result.Add(KeyValuePair.Create("rewarded_before", paid ? "true" : "false"));
        }
        if (!Has("certified_on") || !Has("first_time") || !Has("relocated"))
        {
            var certificates = await db.Certifications.AsNoTracking().Where(c => c.UnitId == unit.Id && c.Kind == CertificationKinds.HighTech)
                .OrderBy(c => c.Issued).Select(c => new { c.Issued, c.Relocated }).ToListAsync(ct);
            if (certificates.Count == 0)
            {
                throw new UserError($"{creditCode} 没有高新技术企业证书记录；请给出 certified_on、first_time 和 relocated",
                    $"{creditCode} has no high-tech certificate on record; give certified_on, first_time and relocated", exitCode: 2);
            }
            var chosen = certificates.FirstOrDefault(c => c.Issued >= plan.PeriodStart) ?? certificates[^1];
            if (!Has("certified_on"))
            {
                result.Add(KeyValuePair.Create("certified_on", RuleFormat.Date(chosen.Issued)));
            }
            if (!Has("first_time"))
            {
                result.Add(KeyValuePair.Create("first_time", certificates.TrueForAll(c => c.Issued >= chosen.Issued) ? "true" : "false"));
            }
            if (!Has("relocated"))
            {
                result.Add(KeyValuePair.Create("relocated", (chosen.Relocated ?? false).ToString(CultureInfo.InvariantCulture).ToLowerInvariant()));
            }
        }
        return result;
    }
}
