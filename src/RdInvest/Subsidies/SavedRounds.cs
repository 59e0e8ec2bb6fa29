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
using RdInvest.Policy;

namespace RdInvest.Subsidies;

/// <summary>A saved round as lists show it (money in yuan, times UTC).</summary>
public sealed record SavedRoundSummary(long Id, int Year, string PlanId, decimal? Budget, string Status, int Enterprises,
    decimal TotalClaims, decimal TotalPaid, decimal R1TotalClaims, string Fingerprint, DateTime CreatedAt, string CreatedBy,
    DateTime? ApprovedAt, string? ApprovedBy);

/// <summary>A saved round with its computed lines (the keys of <c>subsidy-round --json</c>).</summary>
public sealed record SavedRound(SavedRoundSummary Round, JsonNode Result)
{
    /// <summary>The computation itself, when the round was just saved (not read back).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public SubsidyRoundResult? Computed { get; init; }
}

/// <summary>What approving a round recorded.</summary>
public sealed record ApprovedRound(SavedRoundSummary Round, int R2Payments, decimal R2Total, int R1Payments, decimal R1Total);

/// <summary>
/// Saved post-subsidy rounds (compute, scale to the budget, review, approve, export the payment list). A round
/// is saved as a draft with a fingerprint of its inputs and results; approving it recomputes the round, refuses when
/// anything changed, when the year's R2 was already paid or another round of the year is approved, and otherwise
/// records every R2 payment and every R1 claim of the round in the payments table, audited, in one transaction.
/// </summary>
public sealed class SavedRoundHandler(RdInvestDb db, TimeProvider clock, PlanResolver? plans = null)
{
    private static JsonSerializerOptions Json => JsonDefaults.Compact;

    /// <summary>The round's canonical JSON and its SHA-256: the inputs (figures, certificates, payments found), the parameters' results and the budget.</summary>
    public static (string Json, string Fingerprint) Canonical(SubsidyRoundResult result, string planId)
    {
        var node = JsonSerializer.SerializeToNode(SubsidyRoundFiles.ToJson(result), Json)!.AsObject();
        node["plan"] = planId;
        var json = node.ToJsonString(Json);
        return (json, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json))));
    }

    public async Task<SavedRound> SaveAsync(SubsidyRoundRequest request, Plan plan, Actor actor, CancellationToken ct)
    {
        var result = await new SubsidyRoundHandler(db).HandleAsync(request, plan, ct);
        if (await ApprovedForYearAsync(request.Year, ct) is { } approved)
        {
            throw new ConflictError(
                $"{Y(request.Year)} 年已有批准的补助轮次 {I(approved)}，不能再保存同一年度的轮次",
                $"round {I(approved)} for {Y(request.Year)} is already approved; no other round of that year can be saved");
        }
        var (json, fingerprint) = Canonical(result, plan.Id);
        var now = clock.GetUtcNow().UtcDateTime;
        var row = new SubsidyRoundRecord
        {
            Year = request.Year,
            PlanId = plan.Id,
            BudgetFen = Money.ToFen(request.Budget),
            Enterprises = result.Lines.Count,
            TotalClaimsFen = Money.ToFen(result.TotalClaims),
            TotalPaidFen = Money.ToFen(result.TotalPaid),
            R1TotalFen = Money.ToFen(result.R1TotalClaims),
            Fingerprint = fingerprint,
            Result = json,
            CreatedAt = now,
            CreatedBy = actor.Name,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.SubsidyRounds.Add(row);
        await db.SaveChangesAsync(ct);
        AuditLog.Append(db, actor, "subsidy_round.save", "subsidy_round", I(row.Id), null, Summary(row), now);
        await AuditChain.SealAsync(db, ct);
        await tx.CommitAsync(ct);
        RdMetrics.Round("save");
        return new SavedRound(Summary(row), JsonNode.Parse(json)!) { Computed = result };
    }

    public async Task<IReadOnlyList<SavedRoundSummary>> ListAsync(int? year, CancellationToken ct)
    {
        var q = db.SubsidyRounds.AsNoTracking();
        if (year is { } y)
        {
            q = q.Where(r => r.Year == y);
        }
        var rows = await q.OrderBy(r => r.Id).ToListAsync(ct);
        return rows.Select(Summary).ToList();
    }

    public async Task<SavedRound> GetAsync(long id, CancellationToken ct)
    {
        var row = await FindAsync(id, ct);
        return new SavedRound(Summary(row), JsonNode.Parse(row.Result)!);
    }

    /// <summary>Approves a draft round under the plan it was computed with.</summary>
    public async Task<ApprovedRound> ApproveAsync(long id, Actor actor, CancellationToken ct)
    {
        var planId = await db.SubsidyRounds.AsNoTracking().Where(r => r.Id == id).Select(r => r.PlanId).FirstOrDefaultAsync(ct);
        var plan = await (plans ?? new PlanResolver(db)).ResolveAsync(planId ?? (await FindAsync(id, ct)).PlanId, ct);
        return await ApproveAsync(id, plan, actor, ct);
    }

    /// <summary>
    /// Approves a draft round: recomputes it with <paramref name="plan"/> (the round's plan) and records its payments.
    /// </summary>
    public async Task<ApprovedRound> ApproveAsync(long id, Plan plan, Actor actor, CancellationToken ct)
    {
        var row = await FindAsync(id, ct, tracked: true);
        if (row.Status == SubsidyRoundStatuses.Approved)
        {
            throw new ConflictError(
                $"补助轮次 {I(id)} 已于 {Utc(row.ApprovedAt!.Value)} 由 {row.ApprovedBy} 批准，不能重复批准",
                $"round {I(id)} was already approved on {Utc(row.ApprovedAt!.Value)} by {row.ApprovedBy}; it cannot be approved twice");
        }
        if (plan.Id != row.PlanId)
        {
            throw new UserError($"补助轮次 {I(id)} 按方案 {row.PlanId} 计算，不能按方案 {plan.Id} 批准", $"round {I(id)} was computed under plan {row.PlanId}, not {plan.Id}", exitCode: 2);
        }
        if (await ApprovedForYearAsync(row.Year, ct) is { } other)
        {
            throw new ConflictError(
                $"{Y(row.Year)} 年已有批准的补助轮次 {I(other)}；同一年度只能批准一个轮次",
                $"round {I(other)} for {Y(row.Year)} is already approved; only one round per year can be approved");
        }
        var result = await new SubsidyRoundHandler(db).HandleAsync(new SubsidyRoundRequest(row.Year, Money.ToYuan(row.BudgetFen)), plan, ct);
        var paidBefore = result.Lines.Where(l => l.Applicant.R2Paid is not null).Select(l => l.Applicant.CreditCode).ToList();
        if (paidBefore.Count > 0)
        {
            throw new ConflictError(
                $"以下企业已有 {Y(row.Year)} 年的研发投入后补助（R2）发放记录，不能再次批准：{Names(paidBefore)}",
                $"these enterprises were already paid the {Y(row.Year)} post-subsidy (R2); the round cannot be approved: {Names(paidBefore)}",
                paidBefore);
        }
        var (_, fingerprint) = Canonical(result, plan.Id);
        if (fingerprint != row.Fingerprint)
        {
            throw new ConflictError(
                $"补助轮次 {I(id)} 计算后数据已变化（研发记录、证书、发放记录或参数），请重新计算并保存后再批准",
                $"the data of round {I(id)} changed since it was computed (R&D records, certificates, payments or parameters); compute and save it again before approving",
                new { saved = row.Fingerprint, now = fingerprint });
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var paidOn = DateOnly.FromDateTime(now);
        var units = await db.Units.AsNoTracking().Where(u => u.Sector == Sectors.Enterprise)
            .Select(u => new { u.Id, u.CreditCode }).ToDictionaryAsync(u => u.CreditCode, u => u.Id, StringComparer.Ordinal, ct);
        var payments = new PaymentHandler(db, clock);
        var source = PaymentRules.RoundSource(id);
        var batch = new List<(IncentivePayment, string, string)>();
        foreach (var l in result.Lines)
        {
            var a = l.Applicant;
            var unitId = units[a.CreditCode];
            if (l.Paid > 0m)
            {
                batch.Add((Payment(unitId, "R2", row.Year, l.Paid, paidOn, source, id, now), a.CreditCode, a.Name));
            }
            if (l.R1 is { Amount: > 0m } r1)
            {
                batch.Add((Payment(unitId, "R1", row.Year, r1.Amount, paidOn, source, id, now), a.CreditCode, a.Name));
            }
        }
        var r2Count = batch.Count(b => b.Item1.RuleId == "R2");
        var r1Count = batch.Count(b => b.Item1.RuleId == "R1");
        var r2Total = result.TotalPaid;
        var r1Total = result.R1TotalClaims;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The status is the round's concurrency token: the draft becomes approved in one conditional UPDATE, so of two
        // approvals at once exactly one changes the row and the other finds it approved (409), before any payment.
        var year = row.Year;
        var changed = await db.SubsidyRounds
            .Where(r => r.Id == id && r.Status == SubsidyRoundStatuses.Draft
                && !db.SubsidyRounds.Any(o => o.Year == year && o.Status == SubsidyRoundStatuses.Approved))
            .ExecuteUpdateAsync(u => u
                .SetProperty(r => r.Status, SubsidyRoundStatuses.Approved)
                .SetProperty(r => r.ApprovedAt, now)
                .SetProperty(r => r.ApprovedBy, actor.Name), ct);
        if (changed == 0)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var current = await FindAsync(id, ct);
            throw new ConflictError(
                $"补助轮次 {I(id)} 已被批准，或同一年度已有批准的轮次，不能重复批准",
                $"round {I(id)} was approved meanwhile, or another round of {Y(year)} is approved; it cannot be approved twice",
                Summary(current));
        }
        PausePoints.Reach(PausePoints.RoundStatus);
        await payments.AddRangeAsync(batch, actor, ct);
        var old = Summary(row);
        row.Status = SubsidyRoundStatuses.Approved;
        row.ApprovedAt = now;
        row.ApprovedBy = actor.Name;
        // Written by the UPDATE above; the tracked copy only mirrors it.
        db.Entry(row).State = EntityState.Unchanged;
        AuditLog.Append(db, actor, "subsidy_round.approve", "subsidy_round", I(id), old,
            new { round = Summary(row), r2_payments = r2Count, r2_total = r2Total, r1_payments = r1Count, r1_total = r1Total }, now);
        await AuditChain.SealAsync(db, ct);
        PausePoints.Reach(PausePoints.RoundSealed);
        await tx.CommitAsync(ct);
        RdMetrics.Round("approve");
        return new ApprovedRound(Summary(row), r2Count, r2Total, r1Count, r1Total);
    }

    private static IncentivePayment Payment(long unitId, string rule, int year, decimal amount, DateOnly paidOn, string source, long roundId, DateTime now) => new()
    {
        UnitId = unitId,
        RuleId = rule,
        Year = year,
        AmountFen = Money.ToFen(amount),
        PaidOn = paidOn,
        Source = source,
        RoundId = roundId,
        Period = PaymentRules.Period(rule, year),
        CreatedAt = now,
    };

    private async Task<long?> ApprovedForYearAsync(int year, CancellationToken ct) =>
        await db.SubsidyRounds.AsNoTracking().Where(r => r.Year == year && r.Status == SubsidyRoundStatuses.Approved)
            .Select(r => (long?)r.Id).FirstOrDefaultAsync(ct);

    private async Task<SubsidyRoundRecord> FindAsync(long id, CancellationToken ct, bool tracked = false) =>
        await (tracked ? db.SubsidyRounds : db.SubsidyRounds.AsNoTracking()).FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new NotFoundError($"没有补助轮次 {I(id)}（rdinvest subsidy-round list 列出已保存的轮次）", $"no subsidy round {I(id)} (rdinvest subsidy-round list shows the saved rounds)");

    internal static SavedRoundSummary Summary(SubsidyRoundRecord r) => new(r.Id, r.Year, r.PlanId, Money.ToYuan(r.BudgetFen), r.Status,
        r.Enterprises, Money.ToYuan(r.TotalClaimsFen), Money.ToYuan(r.TotalPaidFen), Money.ToYuan(r.R1TotalFen), r.Fingerprint,
        DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc), r.CreatedBy,
        r.ApprovedAt is { } a ? DateTime.SpecifyKind(a, DateTimeKind.Utc) : null, r.ApprovedBy);

    private static string Names(IReadOnlyList<string> codes) =>
        string.Join(", ", codes.Take(20)) + (codes.Count > 20 ? $" … ({I(codes.Count)})" : "");

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Y(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Utc(DateTime t) => t.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
