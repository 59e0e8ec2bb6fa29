using System.Globalization;
using RdInvest.Plans;
using RdInvest.Policy;
using RdInvest.Policy.Rules;

namespace RdInvest.Finance;

/// <summary>
/// The pure part of a finance round (二(三)7–9) over the records of a year, with the parameters in force on 31 December:
/// <list type="bullet">
/// <item>R10 loan-interest for every loan that ran within the year (to the borrower; once per loan per year);</item>
/// <item>R11 listing-reward for every STAR Market or regional S&amp;T board listing dated in the year (to the unit; once per
/// enterprise per board);</item>
/// <item>R14 direct-financing-reward for every other financing event dated in the year (to the unit; once per enterprise per
/// event kind);</item>
/// <item>R15 pledge-compensation for every IP-pledge loan with a loss that matured in the year (to the lending institution;
/// once per loan);</item>
/// <item>R16 guarantee-fee-subsidy for every guaranteed loan with a fee granted in the year (to the borrower; once per loan).</item>
/// </list>
/// A claim whose once-only key is in the payments table (or already taken by an earlier line of the round) is 0 and says so.
/// When the claims exceed the budget each is scaled like the post-subsidy round (<see cref="SubsidyRound.Allocate"/>).
/// </summary>
public static class FinanceRound
{
    public static readonly IReadOnlyList<string> Rules = [LoanInterest.Id, ListingReward.Id, DirectFinancingReward.Id, PledgeCompensation.Id, GuaranteeFeeSubsidy.Id];

    private sealed record Candidate(string Rule, string Slug, string PayeeKind, string PayeeCode, string PayeeName, long? UnitId,
        string? League, string Record, string Period, RuleResult Result);

    public static FinanceRoundResult Compute(int year, FinanceData data, Plan plan, decimal? budget,
        IReadOnlyDictionary<string, FinancePriorPayment> paidBefore)
    {
        var date = new DateOnly(year, 12, 31);
        var context = new RuleContext(plan, date);
        var y = year.ToString(CultureInfo.InvariantCulture);
        var institutions = data.Institutions.ToDictionary(i => i.Code, StringComparer.Ordinal);
        var candidates = new List<Candidate>();

        Candidate ToUnit(RuleResult r, long unitId, string record, string period)
        {
            var u = data.Units.GetValueOrDefault(unitId);
            return new(r.Rule, r.Slug, FinanceRoundLine.UnitPayee, u?.CreditCode ?? unitId.ToString(CultureInfo.InvariantCulture),
                u?.Name ?? "", unitId, u?.LeagueCity, record, period, r);
        }

        var loans = data.Loans.OrderBy(l => l.LenderCode, StringComparer.Ordinal).ThenBy(l => l.LoanId, StringComparer.Ordinal).ToList();
        foreach (var l in loans)
        {
            var days = FinanceRuleInputs.DaysWithin(l, year);
            if (days > 0)
            {
                var r = LoanInterest.Evaluate(new LoanInterest.Input(l.Amount, l.AnnualRate, days, data.IsStLoan(l)), context);
                candidates.Add(ToUnit(r, l.BorrowerId, Ref(l), $"{y}:{Ref(l)}"));
            }
        }
        var events = data.Financing.Where(e => e.Date.Year == year).OrderBy(e => e.Date).ThenBy(e => e.EventId, StringComparer.Ordinal).ToList();
        foreach (var e in events)
        {
            var st = data.IsStEnterprise(e.UnitId, e.Date);
            var r = ListingReward.Boards.Contains(e.Kind)
                ? ListingReward.Evaluate(new ListingReward.Input(e.Kind, st), context)
                : DirectFinancingReward.Evaluate(new DirectFinancingReward.Input(e.Kind, e.AmountRaised, st), context);
            candidates.Add(ToUnit(r, e.UnitId, e.EventId, e.Kind));
        }
        foreach (var l in loans.Where(l => l.Kind == LoanKinds.IpPledge && l.LossAmount > 0m && l.MaturesOn.Year == year))
        {
            var r = PledgeCompensation.Evaluate(new PledgeCompensation.Input(l.Kind, l.LossAmount!.Value, data.IsStLoan(l)), context);
            var lender = institutions.GetValueOrDefault(l.LenderCode);
            var league = lender is null ? null : LeagueOf(lender.DivisionCode, data);
            candidates.Add(new(r.Rule, r.Slug, FinanceRoundLine.InstitutionPayee, l.LenderCode, lender?.Name ?? "", null, league, Ref(l), Ref(l), r));
        }
        foreach (var l in loans.Where(l => l.Kind == LoanKinds.Guaranteed && l.GuaranteeFee > 0m && l.GrantedOn.Year == year))
        {
            var eligible = data.IsStEnterprise(l.BorrowerId, l.GrantedOn) || data.IsHighTech(l.BorrowerId, l.GrantedOn);
            var r = GuaranteeFeeSubsidy.Evaluate(new GuaranteeFeeSubsidy.Input(l.Kind, l.GuaranteeFee!.Value, eligible), context);
            candidates.Add(ToUnit(r, l.BorrowerId, Ref(l), Ref(l)));
        }

        var taken = new Dictionary<string, string>(StringComparer.Ordinal);
        var claims = new List<(Candidate C, decimal Claim, FinancePriorPayment? Before, string? Duplicate)>();
        foreach (var c in candidates.OrderBy(c => Rules.ToList().IndexOf(c.Rule)))
        {
            var key = FinanceRoundLine.Key(c.PayeeKind, c.PayeeCode, c.Rule, c.Period);
            if (c.Result.Amount <= 0m)
            {
                claims.Add((c, 0m, null, null));
            }
            else if (paidBefore.TryGetValue(key, out var before))
            {
                claims.Add((c, 0m, before, null));
            }
            else if (taken.TryGetValue(key, out var first))
            {
                claims.Add((c, 0m, null, first));
            }
            else
            {
                taken[key] = c.Record;
                claims.Add((c, c.Result.Amount, null, null));
            }
        }
        var paid = SubsidyRound.Allocate(claims.Select(c => c.Claim).ToList(), budget, out var total, out var factor);
        var lines = claims.Select((x, i) => Line(x.C, x.Claim, paid[i], x.Before, x.Duplicate, factor is null ? null : (total, budget!.Value), data)).ToList();
        var byRule = Rules.Select(rule =>
        {
            var mine = lines.Where(l => l.Rule == rule).ToList();
            return new FinanceRoundRuleTotal(rule, RuleRegistry.Find(rule).Slug, mine.Count, mine.Count(l => l.Claim > 0m), mine.Sum(l => l.Claim), mine.Sum(l => l.Paid));
        }).ToList();
        var totalPaid = paid.Sum();
        return new FinanceRoundResult(year, date, budget, total, totalPaid, budget - totalPaid,
            factor is { } f ? decimal.Round(f, 10) : null, lines.Count(l => l.Claim > 0m),
            lines.Count(l => l.PaidBefore is not null), byRule, lines, NotesZh, NotesEn);
    }

    private static FinanceRoundLine Line(Candidate c, decimal claim, decimal paid, FinancePriorPayment? before, string? duplicate,
        (decimal Total, decimal Budget)? scaled, FinanceData data)
    {
        var zh = c.Result.ExplanationZh();
        var en = c.Result.ExplanationEn();
        if (before is not null)
        {
            zh += $"；已于 {RuleFormat.Date(before.PaidOn)} 发放（{before.Year.ToString(CultureInfo.InvariantCulture)} 年，{RuleFormat.Money(before.Amount)} 元，来源 {before.Source}），不再发放";
            en += $"; already paid on {RuleFormat.Date(before.PaidOn)} ({before.Year.ToString(CultureInfo.InvariantCulture)}, {RuleFormat.Money(before.Amount)} yuan, source {before.Source}), not paid again";
        }
        else if (duplicate is not null)
        {
            zh += $"；本轮已按 {duplicate} 奖励（每个企业每类只奖励一次），不再发放";
            en += $"; already rewarded in this round for {duplicate} (once per enterprise per kind), not paid again";
        }
        else if (scaled is { } s && claim > 0m)
        {
            zh += $"；申报总额 {RuleFormat.Money(s.Total)} 元超过预算 {RuleFormat.Money(s.Budget)} 元，按比例核减：{RuleFormat.Money(claim)} × {RuleFormat.Money(s.Budget)} ÷ {RuleFormat.Money(s.Total)}，向下取整到元 = {RuleFormat.Money(paid)} 元";
            en += $"; claims of {RuleFormat.Money(s.Total)} yuan exceed the budget of {RuleFormat.Money(s.Budget)}: {RuleFormat.Money(claim)} × {RuleFormat.Money(s.Budget)} / {RuleFormat.Money(s.Total)}, floored to the yuan = {RuleFormat.Money(paid)} yuan";
        }
        var league = c.League is { } code ? data.LeagueCityNames.GetValueOrDefault(code, code) : "未归属 / unattributed";
        return new FinanceRoundLine(c.Rule, c.Slug, c.PayeeKind, c.PayeeCode, c.PayeeName, c.League, league, c.Record, c.Period,
            claim, paid, zh, en, before, duplicate) { UnitId = c.UnitId };
    }

    private static string Ref(LoanInfo l) => $"{l.LenderCode}:{l.LoanId}";

    /// <summary>An institution's league/city: its division when that is one, else the league/city of its county (the code's first four digits).</summary>
    private static string? LeagueOf(string division, FinanceData data) =>
        data.LeagueCityNames.ContainsKey(division) ? division
        : division.Length == 6 && data.LeagueCityNames.ContainsKey(division[..4] + "00") ? division[..4] + "00" : null;

    private static readonly string[] NotesZh =
    [
        "金融轮次（二(三)7–9）：贷款贴息（R10，按该年度计息天数，每笔贷款每年一次）、上市奖补（R11，每个企业每个板块一次）、直接融资奖励（R14，每个企业每类一次）付给企业；知识产权质押融资风险补偿（R15，每笔贷款一次）付给贷款机构；担保费补贴（R16，每笔贷款一次）付给借款企业。",
        "已有发放记录的一次性项目记为 0 并注明；申报总额超过预算时按比例核减，向下取整到元。",
    ];

    private static readonly string[] NotesEn =
    [
        "Finance round (二(三)7–9): the loan interest subsidy (R10, the days within the year, once per loan per year), the listing reward (R11, once per enterprise per board) and the direct financing reward (R14, once per enterprise per kind) go to the enterprise; the IP-pledge compensation (R15, once per loan) to the lending institution; the guarantee fee subsidy (R16, once per loan) to the borrower.",
        "A once-only claim already in the payments table is 0 and says so; when the claims exceed the budget each is scaled pro rata and floored to the yuan.",
    ];
}
