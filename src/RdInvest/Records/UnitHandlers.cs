using RdInvest.Analytics;
using Microsoft.EntityFrameworkCore;
using RdInvest.Accounts;
using RdInvest.Approval;
using RdInvest.Auditing;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Importing;

namespace RdInvest.Records;

public sealed record UnitView(string CreditCode, string Name, string Sector, string DivisionCode, string? IndustryCode,
    bool AboveScale, bool StateOwned, string? ParkId, int Revision, DateTime UpdatedAt)
{
    public static UnitView Of(ReportingUnit u) => new(u.CreditCode, u.Name, u.Sector, u.DivisionCode, u.IndustryCode, u.AboveScale, u.StateOwned, u.ParkId, u.Revision, u.UpdatedAt);
}

/// <summary>A reporting unit as a client sends it. <c>Revision</c> is required to update (optimistic concurrency).</summary>
public sealed record UnitInput(string CreditCode, string Name, string Sector, string DivisionCode, string? IndustryCode = null,
    bool AboveScale = false, bool StateOwned = false, string? ParkId = null, int? Revision = null) : IScopedRequest
{
    public string ScopeDivision => DivisionCode;
}

public sealed record UnitListRequest(string? Division, int Skip = 0, int Take = 100);

/// <summary>Reads units within a scope (the caller passes the scope's query filter).</summary>
public sealed class UnitQueryHandler(RdInvestDb db)
{
    public async Task<IReadOnlyList<UnitView>> ListAsync(IQueryable<ReportingUnit> scoped, UnitListRequest r, CancellationToken ct)
    {
        var q = scoped.AsNoTracking();
        if (r.Division is { } d)
        {
            q = q.Where(u => u.DivisionCode == d || db.Divisions.Any(x => x.Code == u.DivisionCode && x.ParentCode == d));
        }
        var rows = await q.OrderBy(u => u.CreditCode).Skip(Math.Max(0, r.Skip)).Take(Math.Clamp(r.Take, 1, 1000)).ToListAsync(ct);
        return rows.Select(UnitView.Of).ToList();
    }

    public async Task<UnitView> GetAsync(IQueryable<ReportingUnit> scoped, string creditCode, CancellationToken ct) =>
        await scoped.AsNoTracking().FirstOrDefaultAsync(u => u.CreditCode == creditCode, ct) is { } u
            ? UnitView.Of(u)
            : throw Missing(creditCode);

    internal static NotFoundError Missing(string creditCode) => new($"没有统计单位 {creditCode}", $"no reporting unit {creditCode}");
}

/// <summary>
/// Creates and updates reporting units, each write audited, held to the units import's column rules (422). An update
/// is atomic on the revision (<c>UPDATE … WHERE Revision = @r</c>): of two writes with one revision exactly one wins.
/// A unit moves to another division only while no county-year of its records, before or after the move, is final.
/// </summary>
public sealed class UnitWriteHandler(RdInvestDb db, TimeProvider clock)
{
    public async Task<UnitView> CreateAsync(UnitInput input, Actor actor, CancellationToken ct)
    {
        var valid = await ValidateAsync(input, ct);
        if (await db.Units.AnyAsync(u => u.CreditCode == valid.CreditCode, ct))
        {
            throw new ConflictError($"统计单位 {valid.CreditCode} 已存在", $"reporting unit {valid.CreditCode} already exists");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var unit = new ReportingUnit
        {
            CreditCode = valid.CreditCode, Name = valid.Name, Sector = valid.Sector, DivisionCode = valid.DivisionCode,
            IndustryCode = valid.IndustryCode, AboveScale = valid.AboveScale, StateOwned = valid.StateOwned, ParkId = valid.ParkId, UpdatedAt = now,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Units.Add(unit);
        AuditLog.Append(db, actor, "unit.create", "unit", unit.CreditCode, null, UnitView.Of(unit), now);
        await AuditChain.SealAsync(db, ct);
        await tx.CommitAsync(ct);
        return UnitView.Of(unit);
    }

    public async Task<UnitView> UpdateAsync(string creditCode, UnitInput input, Actor actor, CancellationToken ct)
    {
        if (!string.Equals(input.CreditCode?.Trim(), creditCode, StringComparison.OrdinalIgnoreCase))
        {
            throw new UserError("请求体中的信用代码与地址不符", "the credit code in the body differs from the one in the address", 2);
        }
        var v = await ValidateAsync(input, ct);
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.CreditCode == creditCode, ct) ?? throw UnitQueryHandler.Missing(creditCode);
        var old = UnitView.Of(unit);
        Revisions.Check(input.Revision, unit.Revision, old);
        if (v.DivisionCode != unit.DivisionCode)
        {
            await RequireMovableAsync(unit, v.DivisionCode, old, ct);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.Units.Where(u => u.Id == unit.Id && u.Revision == unit.Revision).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.Name, v.Name).SetProperty(u => u.Sector, v.Sector).SetProperty(u => u.DivisionCode, v.DivisionCode)
            .SetProperty(u => u.IndustryCode, v.IndustryCode).SetProperty(u => u.AboveScale, v.AboveScale)
            .SetProperty(u => u.StateOwned, v.StateOwned).SetProperty(u => u.ParkId, v.ParkId)
            .SetProperty(u => u.Revision, u => u.Revision + 1).SetProperty(u => u.UpdatedAt, now), ct);
        if (changed == 0)
        {
            await tx.RollbackAsync(ct);
            var current = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unit.Id, ct);
            throw Revisions.Stale(unit.Revision, current is null ? null : UnitView.Of(current));
        }
        var updated = UnitView.Of(await db.Units.AsNoTracking().FirstAsync(u => u.Id == unit.Id, ct));
        AuditLog.Append(db, actor, "unit.update", "unit", creditCode, old, updated, now);
        await AuditChain.SealAsync(db, ct);
        // A move, a park change or a new sector, industry or scale changes what both places sum, in every year.
        await AnalyticsRefresh.AfterWriteAsync(db, AnalyticsTouch.Of(unit.DivisionCode, unit.ParkId, null)
            .Union(AnalyticsTouch.Of(v.DivisionCode, v.ParkId, null)), ct);
        await tx.CommitAsync(ct);
        return updated;
    }

    /// <summary>Moving a unit changes the records of both county-years of each of its years: neither may be final.</summary>
    private async Task RequireMovableAsync(ReportingUnit unit, string to, UnitView current, CancellationToken ct)
    {
        var records = await db.RdRecords.AsNoTracking().Where(r => r.UnitId == unit.Id).Select(r => new { r.Year, r.Status }).ToListAsync(ct);
        foreach (var r in records.OrderBy(r => r.Year))
        {
            if (ApprovalPolicy.IsLocked(r.Status) || ApprovalPolicy.IsLocked(await ApprovalPolicy.StatusAsync(db, unit.DivisionCode, r.Year, ct)))
            {
                throw ApprovalPolicy.Locked(unit.DivisionCode, r.Year, current);
            }
            if (ApprovalPolicy.IsLocked(await ApprovalPolicy.StatusAsync(db, to, r.Year, ct)))
            {
                throw ApprovalPolicy.Locked(to, r.Year, current);
            }
        }
    }

    /// <summary>The units import's column rules, then whether the division and park exist; all findings at once (422).</summary>
    private async Task<UnitInput> ValidateAsync(UnitInput input, CancellationToken ct)
    {
        var v = new WriteValidator(ImportKinds.Units, Bounds.MaxYear);
        var code = v.Text("credit_code", input.CreditCode);
        var name = v.Text("name", input.Name);
        var sector = v.Text("sector", input.Sector);
        var division = v.Text("division_code", input.DivisionCode);
        var industry = v.Text("industry_code", input.IndustryCode);
        var park = v.Text("park_id", input.ParkId);
        if (division is not null && !await db.Divisions.AnyAsync(d => d.Code == division, ct))
        {
            v.Add(ImportRules.UnknownDivision, "division_code", division);
        }
        if (park is not null && !await db.Parks.AnyAsync(x => x.Id == park, ct))
        {
            v.Add(ImportRules.UnknownPark, "park_id", park);
        }
        v.ThrowIfInvalid();
        return input with { CreditCode = code!, Name = name!, Sector = sector!, DivisionCode = division!, IndustryCode = industry, ParkId = park };
    }
}

/// <summary>Optimistic concurrency on the Revision column: a stale or missing revision is a 409 with the stored values.</summary>
public static class Revisions
{
    public static void Check(int? given, int stored, object current)
    {
        if (given is null)
        {
            throw new ConflictError("更新需要提供当前版本号 revision", "an update needs the current revision", current);
        }
        if (given != stored)
        {
            throw Stale(given.Value, current);
        }
    }

    public static ConflictError Stale(int given, object? current) =>
        new($"数据已被他人修改（提交版本 {given} 已过期），请基于当前值重新修改",
            $"the data was changed by someone else (your revision {given} is stale); edit the current values again", current);

    /// <summary>Saves; when the row's revision moved meanwhile (the concurrency token), a 409 with the values stored now.</summary>
    public static async Task SaveAsync(RdInvestDb db, CancellationToken ct, Func<Task<object?>> current)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new ConflictError("数据已被他人同时修改，请重新读取后再改", "the data was changed concurrently; read it again and retry", await current());
        }
    }
}
