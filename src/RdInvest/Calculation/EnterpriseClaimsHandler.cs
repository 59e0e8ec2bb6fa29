using Microsoft.EntityFrameworkCore;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Policy;
using RdInvest.Policy.Rules;

namespace RdInvest.Calculation;

/// <summary>
/// What an enterprise may claim under one rule for one year, computed from its own records: the inputs used, the
/// result with its explanation, or — when the records do not give every input — why not (<see cref="NoteZh"/>).
/// </summary>
public sealed record EnterpriseClaim(string Rule, string Slug, string TitleZh, string TitleEn, string Clause, int? Year,
    IReadOnlyDictionary<string, string> Inputs, CalcResult? Result, string? NoteZh, string? NoteEn);

/// <summary>
/// An enterprise's own claims under every rule its records support (R1 once, R2 for each round year with a record of
/// year − 1, R6 for each record year), each through <see cref="CalcPrefillHandler"/> and the same
/// <see cref="CalcHandler"/> as the calculator, the API and the CLI. Years are those of the plan period (R2: its round
/// years, up to the year after the period's last). The caller checks the user may see the unit.
/// </summary>
public sealed class EnterpriseClaimsHandler(RdInvestDb db, CalcHandler calc)
{
    public async Task<IReadOnlyList<EnterpriseClaim>> HandleAsync(string creditCode, string? planId, CancellationToken ct)
    {
        var plan = await calc.PlanAsync(planId, ct);
        var unitId = await db.Units.AsNoTracking().Where(u => u.CreditCode == creditCode).Select(u => (long?)u.Id).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundError($"没有统计单位 {creditCode}", $"no reporting unit {creditCode}");
        var years = await db.RdRecords.AsNoTracking().Where(r => r.UnitId == unitId).Select(r => r.Year).OrderBy(y => y).ToListAsync(ct);
        var first = plan.PeriodStart.Year;
        var last = plan.PeriodEnd.Year;
        var cases = new List<(RuleDefinition Rule, int? Year)> { (HteReward.Definition, null) };
        cases.AddRange(years.Select(y => y + 1).Where(y => y >= first && y <= last + 1).Select(y => (PostSubsidy.Definition, (int?)y)));
        cases.AddRange(years.Where(y => y >= first && y <= last).Select(y => (SuperDeduction.Definition, (int?)y)));
        var prefill = new CalcPrefillHandler(db);
        var claims = new List<EnterpriseClaim>();
        foreach (var (rule, year) in cases)
        {
            var filled = await prefill.HandleAsync(rule.Id, creditCode, year, plan, ct);
            CalcResult? result = null;
            string? noteZh = filled.NoteZh, noteEn = filled.NoteEn;
            var findings = await calc.CheckAsync(rule.Id, new CalcRequest(filled.Inputs.ToDictionary(), Plan: plan.Id), ct);
            if (findings.Count > 0)
            {
                noteZh ??= string.Join("；", findings.Select(f => f.MessageZh));
                noteEn ??= string.Join("; ", findings.Select(f => f.MessageEn));
            }
            else
            {
                try
                {
                    result = await calc.HandleAsync(rule.Id, new CalcRequest(filled.Inputs.ToDictionary(), Plan: plan.Id), ct);
                }
                catch (UserError e)
                {
                    (noteZh, noteEn) = (e.MessageZh, e.MessageEn);
                }
            }
            claims.Add(new EnterpriseClaim(rule.Id, rule.Slug, rule.TitleZh, rule.TitleEn, rule.Clause, filled.Year ?? year, filled.Inputs, result,
                noteZh, noteEn));
        }
        return claims;
    }
}
