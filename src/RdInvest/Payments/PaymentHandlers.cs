using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RdInvest.Auditing;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Policy;

namespace RdInvest.Payments;

/// <summary>A payment to record: the unit by credit code, the rule (R1, hte-reward …), the year and the amount in yuan.</summary>
public sealed record PaymentInput(string CreditCode, string Rule, int Year, decimal Amount, DateOnly? PaidOn = null, string? Source = null, string? Note = null);

public sealed record PaymentView(long Id, string CreditCode, string Name, string Rule, int Year, decimal Amount, DateOnly PaidOn,
    string Source, long? RoundId, string? Note);

/// <summary>Filters of the payment register; <paramref name="LeagueCity"/> is a league/city code (its counties' units included).</summary>
public sealed record PaymentQuery(string? CreditCode = null, string? Rule = null, int? Year = null, string? LeagueCity = null);

/// <summary>The once-only rules of the plan, as the payments table enforces them.</summary>
public static class PaymentRules
{
    public const string Once = "once";
    public const string ManualSource = "manual";

    /// <summary>
    /// The period a payment occupies: R1 (二(二)4) once per enterprise ever; R2 (二(二)6) once per enterprise per
    /// round-year; other rules are not limited (null).
    /// </summary>
    public static string? Period(string ruleId, int year) => ruleId switch
    {
        "R1" => Once,
        "R2" => year.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    public static string RoundSource(long roundId) => "subsidy-round:" + roundId.ToString(CultureInfo.InvariantCulture);

    internal static ConflictError AlreadyPaid(string creditCode, string ruleId, PaymentView existing) => ruleId == "R1"
        ? new ConflictError(
            $"{creditCode} 已于 {RuleFormat.Date(existing.PaidOn)} 领取高新技术企业一次性奖励（R1，{existing.Year.ToString(CultureInfo.InvariantCulture)} 年，{RuleFormat.Money(existing.Amount)} 元，来源 {existing.Source}）；R1 每个企业只奖励一次",
            $"{creditCode} was already paid the high-tech reward (R1) on {RuleFormat.Date(existing.PaidOn)} ({existing.Year.ToString(CultureInfo.InvariantCulture)}, {RuleFormat.Money(existing.Amount)} yuan, source {existing.Source}); R1 is paid once per enterprise ever",
            existing)
        : new ConflictError(
            $"{creditCode} 已有 {existing.Year.ToString(CultureInfo.InvariantCulture)} 年的 {ruleId} 发放记录（{RuleFormat.Money(existing.Amount)} 元，{RuleFormat.Date(existing.PaidOn)}，来源 {existing.Source}）；每个企业每年只发放一次",
            $"{creditCode} already has a {ruleId} payment for {existing.Year.ToString(CultureInfo.InvariantCulture)} ({RuleFormat.Money(existing.Amount)} yuan on {RuleFormat.Date(existing.PaidOn)}, source {existing.Source}); it is paid once per enterprise per year",
            existing);
}

/// <summary>
/// Records and lists incentive payments (奖补发放记录). A once-only rule paid twice is refused with the earlier payment
/// named; the unique index on (unit, rule, period) backs the check against concurrent writers. Every write is audited.
/// </summary>
public sealed class PaymentHandler(RdInvestDb db, TimeProvider clock)
{
    /// <summary>The longest note and source the payments table keeps.</summary>
    public const int MaxNote = 500;
    public const int MaxSource = 200;

    public async Task<PaymentView> RecordAsync(PaymentInput input, Actor actor, CancellationToken ct)
    {
        RuleDefinition rule;
        try
        {
            rule = RuleRegistry.Find(input.Rule ?? "");
        }
        catch (UserError e)
        {
            throw new PaymentFieldError("rule", e.MessageZh, e.MessageEn);
        }
        if (input.Year is < 1901 or > 9999)
        {
            throw new PaymentFieldError("year", $"年度 {input.Year.ToString(CultureInfo.InvariantCulture)} 不在有效范围", $"year {input.Year.ToString(CultureInfo.InvariantCulture)} is out of range");
        }
        if (input.Amount <= 0m)
        {
            throw new PaymentFieldError("amount", $"金额必须为正数：{RuleFormat.Money(input.Amount)}", $"the amount must be positive: {RuleFormat.Money(input.Amount)}");
        }
        if (input.Amount > Bounds.MaxUnitMoney)
        {
            throw new InputOutOfRangeError("amount",
                $"金额 {RuleFormat.Money(input.Amount)} 元超出上限 {RuleFormat.Money(Bounds.MaxUnitMoney)} 元",
                $"the amount {RuleFormat.Money(input.Amount)} yuan exceeds the ceiling of {RuleFormat.Money(Bounds.MaxUnitMoney)} yuan");
        }
        if (input.Note is { Length: > MaxNote })
        {
            throw new PaymentFieldError("note", $"备注超过 {MaxNote} 个字符", $"the note is longer than {MaxNote} characters");
        }
        if (input.Source is { Length: > MaxSource })
        {
            throw new PaymentFieldError("source", $"来源超过 {MaxSource} 个字符", $"the source is longer than {MaxSource} characters");
        }
        var unit = await db.Units.AsNoTracking().Where(u => u.CreditCode == input.CreditCode).Select(u => new { u.Id, u.Name }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundError($"没有统计单位 {input.CreditCode}", $"no reporting unit {input.CreditCode}");
        var now = clock.GetUtcNow().UtcDateTime;
        var payment = new IncentivePayment
        {
            UnitId = unit.Id,
            RuleId = rule.Id,
            Year = input.Year,
            AmountFen = Money.ToFen(input.Amount),
            PaidOn = input.PaidOn ?? DateOnly.FromDateTime(now),
            Source = string.IsNullOrWhiteSpace(input.Source) ? PaymentRules.ManualSource : input.Source.Trim(),
            Note = input.Note,
            Period = PaymentRules.Period(rule.Id, input.Year),
            CreatedAt = now,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AddAsync(payment, input.CreditCode, unit.Name, actor, ct);
        await AuditChain.SealAsync(db, ct);
        await tx.CommitAsync(ct);
        return View(payment, input.CreditCode, unit.Name);
    }

    /// <summary>Adds one payment and its audit entry to the caller's transaction, refusing a once-only rule paid before.</summary>
    internal async Task AddAsync(IncentivePayment payment, string creditCode, string name, Actor actor, CancellationToken ct)
    {
        if (payment.Period is { } period
            && await db.Payments.AsNoTracking().Where(p => p.UnitId == payment.UnitId && p.RuleId == payment.RuleId && p.Period == period)
                .FirstOrDefaultAsync(ct) is { } existing)
        {
            throw PaymentRules.AlreadyPaid(creditCode, payment.RuleId, View(existing, creditCode, name));
        }
        db.Payments.Add(payment);
        AuditLog.Append(db, actor, "payment.record", "payment", $"{creditCode}/{payment.RuleId}/{payment.Year.ToString(CultureInfo.InvariantCulture)}",
            null, View(payment, creditCode, name), payment.CreatedAt);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another writer recorded the same once-only payment between the check and the insert.
            throw new ConflictError($"{creditCode} 的 {payment.RuleId} 发放记录已存在（并发写入）", $"{creditCode} already has this {payment.RuleId} payment (concurrent write)");
        }
    }

    /// <summary>
    /// Adds many payments and their audit entries to the caller's transaction with one save: for a caller that has
    /// already found no earlier once-only payment (an approved round recomputes its flags); the unique index still refuses
    /// a duplicate.
    /// </summary>
    internal async Task AddRangeAsync(IReadOnlyList<(IncentivePayment Payment, string CreditCode, string Name)> payments, Actor actor, CancellationToken ct)
    {
        foreach (var (payment, creditCode, name) in payments)
        {
            db.Payments.Add(payment);
            AuditLog.Append(db, actor, "payment.record", "payment", $"{creditCode}/{payment.RuleId}/{payment.Year.ToString(CultureInfo.InvariantCulture)}",
                null, View(payment, creditCode, name), payment.CreatedAt);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictError("发放记录与已有记录重复（R1 每个企业只奖励一次，R2 每个企业每年一次）", "a payment duplicates an existing one (R1 once per enterprise ever, R2 once per enterprise per year)");
        }
    }

    /// <summary>The register's payments as <c>payments list</c> prints them (<see cref="PaymentRegisterHandler"/>).</summary>
    public async Task<IReadOnlyList<PaymentView>> ListAsync(PaymentQuery query, CancellationToken ct) =>
        (await new PaymentRegisterHandler(db).ListAsync(query, ct)).Select(r => r.View).ToList();

    internal static PaymentView View(IncentivePayment p, string creditCode, string name) =>
        new(p.Id, creditCode, name, p.RuleId, p.Year, Money.ToYuan(p.AmountFen), p.PaidOn, p.Source, p.RoundId, p.Note);
}
