using RdInvest.Common;
using RdInvest.Policy.Rules;

namespace RdInvest.Policy;

/// <summary>
/// A post-subsidy round that is written as it is computed. The first pass (here, at creation) computes every claim
/// without its explanation, scales to the budget exactly as <see cref="SubsidyRound.Compute"/> (floor of claim × budget
/// ÷ total claims) and sums what the summary and the league/city totals need; <see cref="Lines"/> then yields the
/// lines one at a time, explained only when asked. Only the inputs and one decimal per applicant are held.
/// </summary>
public sealed class SubsidyRoundStream
{
    private readonly IReadOnlyList<SubsidyApplicant> _applicants;
    private readonly decimal[] _claims;
    private readonly Plans.Plan _plan;

    private SubsidyRoundStream(int year, IReadOnlyList<SubsidyApplicant> applicants, Plans.Plan plan, decimal? budget,
        IReadOnlyList<string> notesZh, IReadOnlyList<string> notesEn)
    {
        Year = year;
        Date = new DateOnly(year, 12, 31);
        Budget = budget;
        NotesZh = notesZh;
        NotesEn = notesEn;
        _applicants = applicants;
        _plan = plan;
        var amounts = new SubsidyRoundAmounts(new RuleContext(plan, Date));
        _claims = new decimal[applicants.Count];
        var total = 0m;
        for (var i = 0; i < applicants.Count; i++)
        {
            var a = applicants[i];
            _claims[i] = amounts.Claim(a.RdPrev, a.RevenuePrev, a.RdPrev2);
            total += _claims[i];
        }
        TotalClaims = total;
        ScaleFactor = budget is { } b && total > b ? b / total : null;
        var cityIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var cities = new List<(string Code, string Name, int Enterprises, int Eligible, decimal Claims, decimal Paid)>();
        var paidTotal = 0m;
        for (var i = 0; i < applicants.Count; i++)
        {
            var a = applicants[i];
            var claim = _claims[i];
            var paid = PaidFor(claim);
            var eligible = claim > 0m ? 1 : 0;
            paidTotal += paid;
            Eligible += eligible;
            R1AlreadyPaid += a.R1Paid is not null ? 1 : 0;
            R2AlreadyPaid += a.R2Paid is not null ? 1 : 0;
            if (a.HteCertificates.Count > 0 && SubsidyRound.HteRewardFor(a, plan, Date).Result is { } r1)
            {
                R1TotalClaims += r1.Amount;
                R1Eligible += r1.Amount > 0m ? 1 : 0;
            }
            if (!cityIndex.TryGetValue(a.LeagueCityCode, out var k))
            {
                cityIndex[a.LeagueCityCode] = k = cities.Count;
                cities.Add((a.LeagueCityCode, a.LeagueCityName, 0, 0, 0m, 0m));
            }
            var c = cities[k];
            cities[k] = (c.Code, c.Name, c.Enterprises + 1, c.Eligible + eligible, c.Claims + claim, c.Paid + paid);
        }
        TotalPaid = paidTotal;
        Remainder = budget - paidTotal;
        ByLeagueCity = cities.OrderBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => new LeagueCityTotal(c.Code, c.Name, c.Enterprises, c.Eligible, c.Claims, c.Paid)).ToList();
    }

    public int Year { get; }

    public DateOnly Date { get; }

    public decimal? Budget { get; }

    public decimal TotalClaims { get; }

    public decimal TotalPaid { get; }

    public decimal? Remainder { get; }

    public decimal? ScaleFactor { get; }

    public int Enterprises => _applicants.Count;

    public int Eligible { get; }

    public IReadOnlyList<LeagueCityTotal> ByLeagueCity { get; }

    public IReadOnlyList<string> NotesZh { get; }

    public IReadOnlyList<string> NotesEn { get; }

    public decimal R1TotalClaims { get; }

    public int R1Eligible { get; }

    public int R1AlreadyPaid { get; }

    public int R2AlreadyPaid { get; }

    /// <summary>The platform section (R13, 二(四)11), outside the R2 budget.</summary>
    public IReadOnlyList<PlatformRoundLine> Platforms { get; private init; } = [];

    public decimal PlatformTotalClaims => Platforms.Sum(p => p.Claim.Amount);

    /// <summary>Computes the round's first pass over <paramref name="applicants"/> (in the order the lines are written).</summary>
    public static SubsidyRoundStream Create(int year, IReadOnlyList<SubsidyApplicant> applicants, Plans.Plan plan, decimal? budget,
        IReadOnlyList<string>? notesZh = null, IReadOnlyList<string>? notesEn = null, IReadOnlyList<PlatformRoundLine>? platforms = null)
    {
        if (budget is < 0m)
        {
            throw new UserError($"预算不能为负数：{RuleFormat.Money(budget.Value)}", $"the budget cannot be negative: {RuleFormat.Money(budget.Value)}", exitCode: 2);
        }
        return new SubsidyRoundStream(year, applicants, plan, budget, notesZh ?? [], notesEn ?? []) { Platforms = platforms ?? [] };
    }

    /// <summary>
    /// The lines in order, each computed when it is asked for. With <paramref name="explain"/> a line's claim is the full
    /// R2 evaluation and its explanation text (as <see cref="SubsidyRound.Compute"/> gives it); without, the claim carries
    /// only its amount and the explanations are empty.
    /// </summary>
    public IEnumerable<SubsidyRoundLine> Lines(bool explain)
    {
        var context = new RuleContext(_plan, Date);
        for (var i = 0; i < _applicants.Count; i++)
        {
            var a = _applicants[i];
            var paid = PaidFor(_claims[i]);
            var (r1, certificate, firstTime) = a.HteCertificates.Count > 0 ? SubsidyRound.HteRewardFor(a, _plan, Date) : (null, null, null);
            if (!explain)
            {
                var claim = new RuleResult(PostSubsidy.Id, PostSubsidy.Slug, Date, _claims[i], EmptyOutputs, [], []);
                yield return new SubsidyRoundLine(a, claim, paid, "", "") { R1 = r1, R1Certificate = certificate, R1FirstTime = firstTime };
                continue;
            }
            var full = PostSubsidy.Evaluate(new PostSubsidy.Input(Year, a.RdPrev, a.RevenuePrev, a.RdPrev2), context);
            var zh = full.ExplanationZh();
            var en = full.ExplanationEn();
            if (ScaleFactor is not null && full.Amount > 0m)
            {
                zh += $"；申报总额 {RuleFormat.Money(TotalClaims)} 元超过预算 {RuleFormat.Money(Budget!.Value)} 元，按比例核减：{RuleFormat.Money(full.Amount)} × {RuleFormat.Money(Budget.Value)} ÷ {RuleFormat.Money(TotalClaims)}，向下取整到元 = {RuleFormat.Money(paid)} 元";
                en += $"; claims of {RuleFormat.Money(TotalClaims)} yuan exceed the budget of {RuleFormat.Money(Budget.Value)}: {RuleFormat.Money(full.Amount)} × {RuleFormat.Money(Budget.Value)} / {RuleFormat.Money(TotalClaims)}, floored to the yuan = {RuleFormat.Money(paid)} yuan";
            }
            yield return new SubsidyRoundLine(a, full, paid, zh, en) { R1 = r1, R1Certificate = certificate, R1FirstTime = firstTime };
        }
    }

    /// <summary>The whole round with every line explained, as <see cref="SubsidyRound.Compute"/> returns it.</summary>
    public SubsidyRoundResult ToResult() =>
        new SubsidyRoundResult(Year, Date, Budget, TotalClaims, TotalPaid, Remainder, ScaleFactor, Lines(explain: true).ToList(), ByLeagueCity, NotesZh, NotesEn)
        {
            Platforms = Platforms,
        };

    private static readonly IReadOnlyDictionary<string, decimal> EmptyOutputs = new Dictionary<string, decimal>();

    /// <summary>As <see cref="SubsidyRound.Allocate"/>: the claim when the claims fit the budget, else floor(claim × budget ÷ total).</summary>
    private decimal PaidFor(decimal claim) => ScaleFactor is null ? claim : decimal.Floor(claim * Budget!.Value / TotalClaims);
}
