using Microsoft.EntityFrameworkCore;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Plans;
using RdInvest.Policy;

namespace RdInvest.Subsidies;

public sealed record SubsidyRoundRequest(int Year, decimal? Budget);

/// <summary>
/// The post-subsidy round (clause 二(二)6): reads every enterprise with an R&amp;D record for year − 1 (and
/// year − 2 where present), then hands the figures to the pure <see cref="SubsidyRound"/>.
/// </summary>
public sealed class SubsidyRoundHandler(RdInvestDb db)
{
    public async Task<SubsidyRoundResult> HandleAsync(SubsidyRoundRequest request, Plan plan, CancellationToken ct = default)
    {
        if (!Bounds.IsYear(request.Year))
        {
            throw new InputOutOfRangeError("year",
                $"年度 {request.Year} 不在有效范围（{Bounds.MinYear}–{Bounds.MaxYear}）", $"year {request.Year} is out of range ({Bounds.MinYear}–{Bounds.MaxYear})");
        }
        if (request.Budget is { } budget && (budget < 0m || budget > Bounds.MaxUnitMoney))
        {
            // Checked before any query: a round's sums are stored in integer fen.
            throw new InputOutOfRangeError("budget",
                $"预算 {RuleFormat.Money(budget)} 元超出范围（0 至 {RuleFormat.Money(Bounds.MaxUnitMoney)} 元）",
                $"the budget {RuleFormat.Money(budget)} yuan is out of range (0 to {RuleFormat.Money(Bounds.MaxUnitMoney)} yuan)");
        }
        var prevYear = request.Year - 1;
        var enterprises = db.Units.AsNoTracking().Where(u => u.Sector == Sectors.Enterprise);
        var rows = await enterprises
            .Join(db.RdRecords.AsNoTracking().Where(r => r.Year == prevYear), u => u.Id, r => r.UnitId,
                (u, r) => new { u.Id, u.CreditCode, u.Name, u.DivisionCode, r.RdTotalFen, r.RevenueFen })
            .ToListAsync(ct);
        var prev2 = await enterprises
            .Join(db.RdRecords.AsNoTracking().Where(r => r.Year == prevYear - 1), u => u.Id, r => r.UnitId, (u, r) => new { r.UnitId, r.RdTotalFen })
            .ToDictionaryAsync(x => x.UnitId, x => x.RdTotalFen, ct);
        // The applicants as a subquery, never as a list of ids: a parameter per enterprise breaks past SQLite's 32,766
        // variables (and slows PostgreSQL); the database joins instead.
        var applicantIds = enterprises
            .Join(db.RdRecords.AsNoTracking().Where(r => r.Year == prevYear), u => u.Id, r => r.UnitId, (u, r) => u.Id);
        var certificates = (await db.Certifications.AsNoTracking()
                .Where(c => c.Kind == CertificationKinds.HighTech && applicantIds.Contains(c.UnitId))
                .Select(c => new { c.UnitId, c.Issued, c.Relocated })
                .ToListAsync(ct))
            .ToLookup(c => c.UnitId, c => new HteCertificate(c.Issued, c.Relocated ?? false));
        var payments = (await db.Payments.AsNoTracking()
                .Where(p => (p.RuleId == "R1" || (p.RuleId == "R2" && p.Year == request.Year)) && p.UnitId != null && applicantIds.Contains(p.UnitId.Value))
                .Select(p => new { p.UnitId, p.RuleId, p.Year, p.AmountFen, p.PaidOn, p.Source, p.Id })
                .ToListAsync(ct))
            .GroupBy(p => (UnitId: p.UnitId!.Value, p.RuleId))
            .ToDictionary(g => g.Key, g => g.MinBy(p => p.Id)!);
        PriorPayment? Paid(long unitId, string rule) => payments.TryGetValue((unitId, rule), out var p)
            ? new PriorPayment(p.Year, Money.ToYuan(p.AmountFen), p.PaidOn, p.Source)
            : null;
        var divisions = await db.Divisions.AsNoTracking()
            .Select(d => new { d.Code, d.NameZh, d.Level, d.ParentCode })
            .ToDictionaryAsync(d => d.Code, ct);

        (string Code, string Name) LeagueCity(string code)
        {
            // A unit sits in a county; its league/city is the county's parent. Units registered directly at
            // league/city or region level count there.
            if (!divisions.TryGetValue(code, out var d))
            {
                return (code, code);
            }
            if (d.Level == DivisionLevels.County && d.ParentCode is { } parent && divisions.TryGetValue(parent, out var p))
            {
                return (p.Code, p.NameZh);
            }
            return (d.Code, d.NameZh);
        }

        var applicants = rows
            .OrderBy(r => r.CreditCode, StringComparer.Ordinal)
            .Select(r =>
            {
                var (code, name) = LeagueCity(r.DivisionCode);
                return new SubsidyApplicant(r.CreditCode, r.Name, code, name,
                    Money.ToYuan(r.RdTotalFen),
                    Money.ToYuan(r.RevenueFen ?? 0L),
                    prev2.TryGetValue(r.Id, out var p2) ? Money.ToYuan(p2) : null)
                {
                    HteCertificates = certificates[r.Id].ToList(),
                    R1Paid = Paid(r.Id, "R1"),
                    R2Paid = Paid(r.Id, "R2"),
                };
            })
            .ToList();
        var result = SubsidyRound.Compute(request.Year, applicants, plan, request.Budget, NotesZh, NotesEn);
        var platforms = await new PlatformRoundApplicants(db).ReadAsync(request.Year, code => LeagueCity(code), ct);
        return result with { Platforms = PlatformRound.Compute(request.Year, platforms, plan) };
    }

    private static readonly string[] NotesZh =
    [
        "创新平台研发经费后补助（R13，二(四)11）单列一节（platform_post_subsidy）：该年度认定有效且有运行绩效评价的平台，按级别和该年及以前最近一次评价等级计算，不占用本轮预算。",
        "本轮为研发投入后补助（R2），按预算缩减。高新技术企业一次性奖励（R1，二(二)4）每个企业只奖励一次：已领取的企业按奖补发放记录标注（r1_paid_year、r1_paid_amount）；方案期内获得高新技术企业证书且未领取的企业列出 R1 申报额（r1_claim），R1 不占用本轮预算。",
    ];

    private static readonly string[] NotesEn =
    [
        "The R&D post-subsidy of innovation platforms (R13, 二(四)11) is its own section (platform_post_subsidy): every platform recognised through the year with an evaluation, by its level and its latest grade up to the year, outside this round's budget.",
        "This round is the R&D post-subsidy (R2), scaled to the budget. The high-tech reward (R1, 二(二)4) is paid once per enterprise ever: enterprises already paid are flagged from the payment records (r1_paid_year, r1_paid_amount); enterprises certified high-tech within the plan period and never paid show their R1 claim (r1_claim), which is outside this round's budget.",
    ];
}
