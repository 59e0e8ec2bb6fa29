using RdInvest.Common;
using RdInvest.Plans;
using RdInvest.Policy.Rules;

namespace RdInvest.Policy;

/// <summary>One enterprise's figures for a post-subsidy round, as read from its R&amp;D records (yuan).</summary>
public sealed record SubsidyApplicant(
    string CreditCode,
    string Name,
    string LeagueCityCode,
    string LeagueCityName,
    decimal RdPrev,
    decimal RevenuePrev,
    decimal? RdPrev2)
{
    /// <summary>The enterprise's high-tech certificates (kind hte), for R1.</summary>
    public IReadOnlyList<HteCertificate> HteCertificates { get; init; } = [];

    /// <summary>The R1 payment already recorded for the enterprise, if any (R1 is paid once per enterprise ever).</summary>
    public PriorPayment? R1Paid { get; init; }

    /// <summary>The R2 payment already recorded for the enterprise for the round's year, if any.</summary>
    public PriorPayment? R2Paid { get; init; }
}

/// <summary>A payment found in the payments table (yuan).</summary>
public sealed record PriorPayment(int Year, decimal Amount, DateOnly PaidOn, string Source);

/// <summary>A high-tech enterprise certificate: its issue date and whether the enterprise relocated into the region with it.</summary>
public sealed record HteCertificate(DateOnly Issued, bool Relocated);

/// <summary>An applicant's line: its R2 claim, the amount paid after scaling to the budget, and why.</summary>
public sealed record SubsidyRoundLine(SubsidyApplicant Applicant, RuleResult Claim, decimal Paid, string ExplanationZh, string ExplanationEn)
{
    /// <summary>
    /// R1 (二(二)4) for an enterprise holding a high-tech certificate issued by the round's date: its claim, 0 with the
    /// reason when already paid or not eligible; null when the enterprise has no such certificate.
    /// </summary>
    public RuleResult? R1 { get; init; }

    /// <summary>The certificate R1 was evaluated for.</summary>
    public HteCertificate? R1Certificate { get; init; }

    /// <summary>R1's first_time input: no earlier high-tech certificate of the enterprise.</summary>
    public bool? R1FirstTime { get; init; }
}

public sealed record LeagueCityTotal(string Code, string Name, int Enterprises, int Eligible, decimal Claims, decimal Paid);

/// <summary>
/// A post-subsidy round (clause 二(二)6). <see cref="ScaleFactor"/> is budget / claims when the claims
/// exceed the budget (each amount then floored to the yuan), else null; <see cref="Remainder"/> is the budget left
/// undistributed.
/// </summary>
public sealed record SubsidyRoundResult(
    int Year,
    DateOnly Date,
    decimal? Budget,
    decimal TotalClaims,
    decimal TotalPaid,
    decimal? Remainder,
    decimal? ScaleFactor,
    IReadOnlyList<SubsidyRoundLine> Lines,
    IReadOnlyList<LeagueCityTotal> ByLeagueCity,
    IReadOnlyList<string> NotesZh,
    IReadOnlyList<string> NotesEn)
{
    /// <summary>R1 claims of the round (paid from the reward fund, not the R2 budget).</summary>
    public decimal R1TotalClaims => Lines.Sum(l => l.R1?.Amount ?? 0m);

    /// <summary>The platform section (R13, 二(四)11), outside the R2 budget; see <see cref="PlatformRound"/>.</summary>
    public IReadOnlyList<PlatformRoundLine> Platforms { get; init; } = [];

    public decimal PlatformTotalClaims => Platforms.Sum(p => p.Claim.Amount);
}

/// <summary>
/// The pure part of a post-subsidy round: R2 for every applicant with the parameters in force on 31 December of
/// the round's year, then, when the claims exceed the budget, each claim × budget / total claims, floored to the
/// yuan, so the total paid never exceeds the budget and no amount exceeds its claim (hence the R2 cap).
/// </summary>
public static class SubsidyRound
{
    public static SubsidyRoundResult Compute(int year, IEnumerable<SubsidyApplicant> applicants, Plan plan, decimal? budget,
        IReadOnlyList<string>? notesZh = null, IReadOnlyList<string>? notesEn = null)
    {
        if (budget is < 0m)
        {
            throw new UserError($"预算不能为负数：{RuleFormat.Money(budget.Value)}", $"the budget cannot be negative: {RuleFormat.Money(budget.Value)}", exitCode: 2);
        }
        var date = new DateOnly(year, 12, 31);
        var context = new RuleContext(plan, date);
        var claims = applicants
            .Select(a => (Applicant: a, Claim: PostSubsidy.Evaluate(new PostSubsidy.Input(year, a.RdPrev, a.RevenuePrev, a.RdPrev2), context)))
            .ToList();
        var paid = Allocate(claims.Select(c => c.Claim.Amount).ToList(), budget, out var total, out var factor);
        var lines = new List<SubsidyRoundLine>(claims.Count);
        for (var i = 0; i < claims.Count; i++)
        {
            var (a, claim) = claims[i];
            var zh = claim.ExplanationZh();
            var en = claim.ExplanationEn();
            if (factor is not null && claim.Amount > 0m)
            {
                zh += $"；申报总额 {RuleFormat.Money(total)} 元超过预算 {RuleFormat.Money(budget!.Value)} 元，按比例核减：{RuleFormat.Money(claim.Amount)} × {RuleFormat.Money(budget.Value)} ÷ {RuleFormat.Money(total)}，向下取整到元 = {RuleFormat.Money(paid[i])} 元";
                en += $"; claims of {RuleFormat.Money(total)} yuan exceed the budget of {RuleFormat.Money(budget.Value)}: {RuleFormat.Money(claim.Amount)} × {RuleFormat.Money(budget.Value)} / {RuleFormat.Money(total)}, floored to the yuan = {RuleFormat.Money(paid[i])} yuan";
            }
            var (r1, certificate, firstTime) = HteRewardFor(a, plan, date);
            lines.Add(new SubsidyRoundLine(a, claim, paid[i], zh, en) { R1 = r1, R1Certificate = certificate, R1FirstTime = firstTime });
        }
        var totalPaid = paid.Sum();
        var byCity = lines
            .GroupBy(l => (l.Applicant.LeagueCityCode, l.Applicant.LeagueCityName))
            .OrderBy(g => g.Key.LeagueCityCode, StringComparer.Ordinal)
            .Select(g => new LeagueCityTotal(g.Key.LeagueCityCode, g.Key.LeagueCityName, g.Count(), g.Count(l => l.Claim.Amount > 0m),
                g.Sum(l => l.Claim.Amount), g.Sum(l => l.Paid)))
            .ToList();
        return new SubsidyRoundResult(year, date, budget, total, totalPaid, budget - totalPaid, factor, lines, byCity,
            notesZh ?? [], notesEn ?? []);
    }

    /// <summary>
    /// R1 for an enterprise with a high-tech certificate issued by <paramref name="roundDate"/>: the first certificate
    /// issued within the plan period (else the latest), first_time when no certificate of the enterprise is earlier,
    /// relocated from the certificate, rewarded_before when the payments table holds an R1 payment. Evaluated with the
    /// parameters in force on the certificate's date.
    /// </summary>
    public static (RuleResult? Result, HteCertificate? Certificate, bool? FirstTime) HteRewardFor(SubsidyApplicant a, Plan plan, DateOnly roundDate)
    {
        var certificates = a.HteCertificates.Where(c => c.Issued <= roundDate).OrderBy(c => c.Issued).ToList();
        if (certificates.Count == 0)
        {
            return (null, null, null);
        }
        var chosen = certificates.FirstOrDefault(c => c.Issued >= plan.PeriodStart) ?? certificates[^1];
        var firstTime = !certificates.Exists(c => c.Issued < chosen.Issued);
        var result = HteReward.Evaluate(new HteReward.Input(chosen.Issued, firstTime, chosen.Relocated, a.R1Paid is not null),
            new RuleContext(plan, chosen.Issued));
        return (result, chosen, firstTime);
    }

    /// <summary>
    /// Pays every claim when they fit the budget (or there is none); otherwise floor(claim × budget / total) each.
    /// Multiplying before dividing keeps the quotient exact to decimal's 28 digits, and flooring each share makes
    /// the sum at most the budget.
    /// </summary>
    public static IReadOnlyList<decimal> Allocate(IReadOnlyList<decimal> claims, decimal? budget, out decimal total, out decimal? factor)
    {
        total = claims.Sum();
        if (budget is not { } b || total <= b)
        {
            factor = null;
            return claims;
        }
        factor = b / total;
        var t = total;
        return claims.Select(c => decimal.Floor(c * b / t)).ToList();
    }
}
