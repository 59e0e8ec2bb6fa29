using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RdInvest.Auditing;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Payments;
using RdInvest.Plans;

namespace RdInvest.Finance;

/// <summary>A saved finance round as lists show it (money in yuan, times UTC).</summary>
public sealed record SavedFinanceRoundSummary(long Id, int Year, string PlanId, decimal? Budget, string Status, int Eligible,
    decimal TotalClaims, decimal TotalPaid, string Fingerprint, DateTime CreatedAt, string CreatedBy, DateTime? ApprovedAt, string? ApprovedBy);

/// <summary>A saved finance round with its lines (the keys of <c>finance-round --json</c>).</summary>
public sealed record SavedFinanceRound(SavedFinanceRoundSummary Round, JsonNode Result)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public FinanceRoundResult? Computed { get; init; }
}

/// <summary>What approving a finance round recorded: payments to units and to institutions.</summary>
public sealed record ApprovedFinanceRound(SavedFinanceRoundSummary Round, int Payments, decimal Total, int InstitutionPayments, decimal InstitutionTotal);

/// <summary>
/// Saved finance rounds, the workflow of the post-subsidy rounds: saved as a draft with a fingerprint; approving recomputes the
/// round, refuses when it is approved already, when another round of the year is approved or when anything changed, and
/// otherwise records every paid line in the payments table (once-only keys in <see cref="IncentivePayment.Period"/>), audited,
/// in one transaction.
/// </summary>
public sealed class SavedFinanceRoundHandler(RdInvestDb db, TimeProvider clock, PlanResolver? plans = null)
{
    public const string SourcePrefix = "finance-round:";

    public static (string Json, string Fingerprint) Canonical(FinanceRoundResult result, string planId)
    {
        var node = JsonSerializer.SerializeToNode(result, JsonDefaults.Compact)!.AsObject();
        node["plan"] = planId;
        var json = node.ToJsonString(JsonDefaults.Compact);
        return (json, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json))));
    }

    public async Task<SavedFinanceRound> SaveAsync(FinanceRoundRequest request, Plan plan, Actor actor, CancellationToken ct)
    {
        var result = await new FinanceRoundHandler(db).HandleAsync(request, plan, ct);
        if (await ApprovedForYearAsync(request.Year, ct) is { } approved)
        {
            throw new ConflictError($"{Y(request.Year)} 年已有批准的金融轮次 {I(approved)}，不能再保存同一年度的轮次",
                $"finance round {I(approved)} for {Y(request.Year)} is already approved; no other round of that year can be saved");
        }
        var (json, fingerprint) = Canonical(result, plan.Id);
        var now = clock.GetUtcNow().UtcDateTime;
        var row = new FinanceRoundRecord
        {
            Year = request.Year, PlanId = plan.Id, BudgetFen = Money.ToFen(request.Budget), Eligible = result.Eligible,
            TotalClaimsFen = Money.ToFen(result.TotalClaims), TotalPaidFen = Money.ToFen(result.TotalPaid),
            Fingerprint = fingerprint, Result = json, CreatedAt = now, CreatedBy = actor.Name,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.FinanceRounds.Add(row);
        await db.SaveChangesAsync(ct);
        AuditLog.Append(db, actor, "finance_round.save", "finance_round", I(row.Id), null, Summary(row), now);
        await AuditChain.SealAsync(db, ct);
        await tx.CommitAsync(ct);
        return new SavedFinanceRound(Summary(row), JsonNode.Parse(json)!) { Computed = result };
    }

    public async Task<IReadOnlyList<SavedFinanceRoundSummary>> ListAsync(int? year, CancellationToken ct)
    {
        var q = db.FinanceRounds.AsNoTracking();
        if (year is { } y)
        {
            q = q.Where(r => r.Year == y);
        }
        return (await q.OrderBy(r => r.Id).ToListAsync(ct)).Select(Summary).ToList();
    }

    public async Task<SavedFinanceRound> GetAsync(long id, CancellationToken ct)
    {
        var row = await FindAsync(id, ct);
        return new SavedFinanceRound(Summary(row), JsonNode.Parse(row.Result)!);
    }

    /// <summary>Approves a draft round under the plan it was computed with and records its payments.</summary>
    public async Task<ApprovedFinanceRound> ApproveAsync(long id, Actor actor, CancellationToken ct)
    {
        var row = await FindAsync(id, ct, tracked: true);
        if (row.Status == SubsidyRoundStatuses.Approved)
        {
            throw new ConflictError($"金融轮次 {I(id)} 已于 {Utc(row.ApprovedAt!.Value)} 由 {row.ApprovedBy} 批准，不能重复批准",
                $"finance round {I(id)} was already approved on {Utc(row.ApprovedAt!.Value)} by {row.ApprovedBy}; it cannot be approved twice");
        }
        if (await ApprovedForYearAsync(row.Year, ct) is { } other)
        {
            throw new ConflictError($"{Y(row.Year)} 年已有批准的金融轮次 {I(other)}；同一年度只能批准一个轮次",
                $"finance round {I(other)} for {Y(row.Year)} is already approved; only one round per year can be approved");
        }
        var plan = await (plans ?? new PlanResolver(db)).ResolveAsync(row.PlanId, ct);
        var result = await new FinanceRoundHandler(db).HandleAsync(new FinanceRoundRequest(row.Year, Money.ToYuan(row.BudgetFen)), plan, ct);
        if (Canonical(result, plan.Id).Fingerprint != row.Fingerprint)
        {
            throw new ConflictError(
                $"金融轮次 {I(id)} 计算后数据已变化（贷款、融资事件、证书、发放记录或参数），请重新计算并保存后再批准",
                $"the data of finance round {I(id)} changed since it was computed (loans, financing events, certificates, payments or parameters); compute and save it again before approving");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var batch = result.Lines.Where(l => l.Paid > 0m).Select(l => (new IncentivePayment
        {
            UnitId = l.UnitId,
            InstitutionCode = l.PayeeKind == FinanceRoundLine.InstitutionPayee ? l.PayeeCode : null,
            RuleId = l.Rule, Year = row.Year, AmountFen = Money.ToFen(l.Paid), PaidOn = DateOnly.FromDateTime(now),
            Source = SourcePrefix + I(id), FinanceRoundId = id, Period = l.Period, Note = l.Record, CreatedAt = now,
        }, l.PayeeCode, l.PayeeName)).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var year = row.Year;
        // The status is the round's concurrency token: of two approvals at once exactly one changes the row.
        var changed = await db.FinanceRounds
            .Where(r => r.Id == id && r.Status == SubsidyRoundStatuses.Draft
                && !db.FinanceRounds.Any(o => o.Year == year && o.Status == SubsidyRoundStatuses.Approved))
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, SubsidyRoundStatuses.Approved)
                .SetProperty(r => r.ApprovedAt, now).SetProperty(r => r.ApprovedBy, actor.Name), ct);
        if (changed == 0)
        {
            await tx.RollbackAsync(ct);
            throw new ConflictError($"金融轮次 {I(id)} 已被批准，或同一年度已有批准的轮次，不能重复批准",
                $"finance round {I(id)} was approved meanwhile, or another round of {Y(year)} is approved; it cannot be approved twice");
        }
        await new PaymentHandler(db, clock).AddRangeAsync(batch, actor, ct);
        var old = Summary(row);
        row.Status = SubsidyRoundStatuses.Approved;
        row.ApprovedAt = now;
        row.ApprovedBy = actor.Name;
        db.Entry(row).State = EntityState.Unchanged;
        var institutions = batch.Where(b => b.Item1.InstitutionCode is not null).ToList();
        var approved = new ApprovedFinanceRound(Summary(row), batch.Count, result.TotalPaid, institutions.Count,
            institutions.Sum(b => Money.ToYuan(b.Item1.AmountFen)));
        AuditLog.Append(db, actor, "finance_round.approve", "finance_round", I(id), old, approved, now);
        await AuditChain.SealAsync(db, ct);
        await tx.CommitAsync(ct);
        return approved;
    }

    private async Task<long?> ApprovedForYearAsync(int year, CancellationToken ct) =>
        await db.FinanceRounds.AsNoTracking().Where(r => r.Year == year && r.Status == SubsidyRoundStatuses.Approved)
            .Select(r => (long?)r.Id).FirstOrDefaultAsync(ct);

    private async Task<FinanceRoundRecord> FindAsync(long id, CancellationToken ct, bool tracked = false) =>
        await (tracked ? db.FinanceRounds : db.FinanceRounds.AsNoTracking()).FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new NotFoundError($"没有金融轮次 {I(id)}（rdinvest finance-round list 列出已保存的轮次）",
                $"no finance round {I(id)} (rdinvest finance-round list shows the saved rounds)");

    internal static SavedFinanceRoundSummary Summary(FinanceRoundRecord r) => new(r.Id, r.Year, r.PlanId, Money.ToYuan(r.BudgetFen), r.Status,
        r.Eligible, Money.ToYuan(r.TotalClaimsFen), Money.ToYuan(r.TotalPaidFen), r.Fingerprint,
        DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc), r.CreatedBy,
        r.ApprovedAt is { } a ? DateTime.SpecifyKind(a, DateTimeKind.Utc) : null, r.ApprovedBy);

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Y(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Utc(DateTime t) => t.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
