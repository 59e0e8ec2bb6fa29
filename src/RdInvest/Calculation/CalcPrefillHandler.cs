using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Payments;
using RdInvest.Plans;
using RdInvest.Policy;
using RdInvest.Policy.Rules;

namespace RdInvest.Calculation;

/// <summary>
/// A rule's inputs taken from one unit's own records, as text a form shows and the user may change; <see cref="Year"/>
/// is the year the figures were read for (null for R1, which has none). <see cref="NoteZh"/> says what was missing.
/// </summary>
public sealed record CalcPrefill(IReadOnlyDictionary<string, string> Inputs, int? Year, string? NoteZh = null, string? NoteEn = null)
{
    public static CalcPrefill Empty { get; } = new(new Dictionary<string, string>(), null);
}

/// <summary>
/// Pre-fills a rule's inputs for an enterprise from its own records, where the rule can take them: R1 from its
/// high-tech certificates and the payments table (as <c>rdinvest calc hte-reward --unit</c>); R2 from its R&amp;D
/// records — rd_prev and revenue_prev of year − 1, rd_prev2 of year − 2, read like the subsidy round reads them; R6 from
/// the R&amp;D of the year, its industry code and a tech-SME registration valid in the year. Other rules: nothing.
/// The caller checks the user may see the unit.
/// </summary>
public sealed class CalcPrefillHandler(RdInvestDb db)
{
    /// <summary>The rules this handler fills.</summary>
    public static readonly IReadOnlyList<string> Rules = [HteReward.Id, PostSubsidy.Id, SuperDeduction.Id];

    /// <summary>
    /// The inputs of <paramref name="rule"/> for the unit <paramref name="creditCode"/>; <paramref name="year"/> is for R2
    /// the round year (default: the year after the latest record), for R6 the tax year (default: the latest record).
    /// </summary>
    public async Task<CalcPrefill> HandleAsync(string rule, string creditCode, int? year, Plan plan, CancellationToken ct)
    {
        var definition = RuleRegistry.Find(rule);
        var unit = await db.Units.AsNoTracking().Where(u => u.CreditCode == creditCode)
                .Select(u => new { u.Id, u.IndustryCode }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundError($"没有统计单位 {creditCode}", $"no reporting unit {creditCode}");
        if (year is { } y && !Bounds.IsYear(y))
        {
            year = null;
        }
        var records = await db.RdRecords.AsNoTracking().Where(r => r.UnitId == unit.Id)
            .Select(r => new { r.Year, r.RdTotalFen, r.RevenueFen }).ToListAsync(ct);
        var latest = records.Count == 0 ? (int?)null : records.Max(r => r.Year);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (definition.Id)
        {
            case HteReward.Id:
                try
                {
                    foreach (var (k, v) in await new HteRewardInputsHandler(db).FillAsync(creditCode, [], plan, ct))
                    {
                        values[k] = v;
                    }
                    return new CalcPrefill(values, null);
                }
                catch (UserError e) when (e is not NotFoundError)
                {
                    // No high-tech certificate on record: the certificate inputs are left for the user to give.
                    return new CalcPrefill(values, null, "本单位没有高新技术企业证书记录，请填写认定日期等输入",
                        "the unit has no high-tech certificate on record; give the certificate date and the other inputs");
                }
            case PostSubsidy.Id:
            {
                var round = year ?? (latest + 1);
                if (round is not { } r)
                {
                    return new CalcPrefill(values, null, "本单位没有研发投入记录", "the unit has no R&D record");
                }
                values["year"] = N(r);
                var prev = records.Find(x => x.Year == r - 1);
                var prev2 = records.Find(x => x.Year == r - 2);
                if (prev is null)
                {
                    return new CalcPrefill(values, r, $"本单位没有 {r - 1} 年的研发投入记录", $"the unit has no R&D record for {r - 1}");
                }
                values["rd_prev"] = Yuan(prev.RdTotalFen);
                values["revenue_prev"] = Yuan(prev.RevenueFen ?? 0L);
                if (prev2 is not null)
                {
                    values["rd_prev2"] = Yuan(prev2.RdTotalFen);
                }
                return new CalcPrefill(values, r);
            }
            case SuperDeduction.Id:
            {
                var taxYear = year ?? latest;
                if (taxYear is not { } t)
                {
                    return new CalcPrefill(values, null, "本单位没有研发投入记录", "the unit has no R&D record");
                }
                values["year"] = N(t);
                if (unit.IndustryCode is { } industry)
                {
                    values["industry_code"] = industry;
                }
                var start = new DateOnly(t, 1, 1);
                var end = new DateOnly(t, 12, 31);
                var tsme = await db.Certifications.AsNoTracking().AnyAsync(c => c.UnitId == unit.Id && c.Kind == CertificationKinds.TechSme
                    && c.Issued <= end && (c.Expires == null || c.Expires >= start), ct);
                values["tsme"] = tsme ? "true" : "false";
                var record = records.Find(x => x.Year == t);
                if (record is null)
                {
                    return new CalcPrefill(values, t, $"本单位没有 {t} 年的研发投入记录", $"the unit has no R&D record for {t}");
                }
                values["expense"] = Yuan(record.RdTotalFen);
                return new CalcPrefill(values, t, "研发费用取统计报表的研发投入，与税法口径的研发费用可能不同，请按纳税申报数核对",
                    "the expense is the R&D of the statistical return, which may differ from the tax return's R&D expenses; check it against the tax return");
            }
            default:
                return CalcPrefill.Empty;
        }
    }

    private static string N(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Yuan(long fen) => RuleFormat.Number(Money.ToYuan(fen));
}
