using Microsoft.EntityFrameworkCore;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Plans;
using RdInvest.Policy;

namespace RdInvest.Finance;

public sealed record FinanceRoundRequest(int Year, decimal? Budget);

/// <summary>
/// `rdinvest finance-round`, <c>GET /api/v1/finance-rounds/preview/{year}</c> and the <c>/finance-rounds</c> page: reads the
/// finance records, the certificates and the finance rules' earlier payments, then hands them to the pure <see cref="FinanceRound"/>.
/// </summary>
public sealed class FinanceRoundHandler(RdInvestDb db)
{
    public async Task<FinanceRoundResult> HandleAsync(FinanceRoundRequest request, Plan plan, CancellationToken ct = default)
    {
        if (!Bounds.IsYear(request.Year))
        {
            throw new InputOutOfRangeError("year",
                $"年度 {request.Year} 不在有效范围（{Bounds.MinYear}–{Bounds.MaxYear}）", $"year {request.Year} is out of range ({Bounds.MinYear}–{Bounds.MaxYear})");
        }
        if (request.Budget is { } budget && (budget < 0m || budget > Bounds.MaxUnitMoney))
        {
            throw new InputOutOfRangeError("budget",
                $"预算 {RuleFormat.Money(budget)} 元超出范围（0 至 {RuleFormat.Money(Bounds.MaxUnitMoney)} 元）",
                $"the budget {RuleFormat.Money(budget)} yuan is out of range (0 to {RuleFormat.Money(Bounds.MaxUnitMoney)} yuan)");
        }
        var data = await FinanceDataLoader.LoadAsync(db, ct);
        return FinanceRound.Compute(request.Year, data, plan, request.Budget, await PaidBeforeAsync(ct));
    }

    /// <summary>The finance rules' once-only payments of the payments table, by payee, rule and period.</summary>
    private async Task<IReadOnlyDictionary<string, FinancePriorPayment>> PaidBeforeAsync(CancellationToken ct)
    {
        var rules = FinanceRound.Rules.ToList();
        var rows = await (from p in db.Payments.AsNoTracking()
                          where rules.Contains(p.RuleId) && p.Period != null
                          join u in db.Units.AsNoTracking() on p.UnitId equals u.Id into us
                          from u in us.DefaultIfEmpty()
                          select new { p.Id, p.RuleId, p.Period, p.Year, p.AmountFen, p.PaidOn, p.Source, p.InstitutionCode, CreditCode = u == null ? null : u.CreditCode })
            .ToListAsync(ct);
        var result = new Dictionary<string, FinancePriorPayment>(StringComparer.Ordinal);
        foreach (var p in rows.OrderBy(p => p.Id))
        {
            var key = p.InstitutionCode is { } code
                ? FinanceRoundLine.Key(FinanceRoundLine.InstitutionPayee, code, p.RuleId, p.Period!)
                : FinanceRoundLine.Key(FinanceRoundLine.UnitPayee, p.CreditCode ?? "", p.RuleId, p.Period!);
            result.TryAdd(key, new FinancePriorPayment(p.Year, Money.ToYuan(p.AmountFen), p.PaidOn, p.Source));
        }
        return result;
    }
}
