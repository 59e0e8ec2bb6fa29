using Microsoft.EntityFrameworkCore;
using RdInvest.Accounts;
using RdInvest.Auditing;
using RdInvest.Common;
using RdInvest.Data;

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

/// <summary>Creates and updates reporting units, each write audited.</summary>
public sealed class UnitWriteHandler(RdInvestDb db, TimeProvider clock)
{
    public async Task<UnitView> CreateAsync(UnitInput input, Actor actor, CancellationToken ct)
    {
        await ValidateAsync(input, ct);
        if (await db.Units.AnyAsync(u => u.CreditCode == input.CreditCode, ct))
        {
            throw new ConflictError($"统计单位 {input.CreditCode} 已存在", $"reporting unit {input.CreditCode} already exists");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var unit = new ReportingUnit
        {
            CreditCode = input.CreditCode, Name = input.Name, Sector = input.Sector, DivisionCode = input.DivisionCode,
            IndustryCode = input.IndustryCode, AboveScale = input.AboveScale, StateOwned = input.StateOwned, ParkId = input.ParkId, UpdatedAt = now,
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
        if (input.CreditCode != creditCode)
        {
            throw new UserError("请求体中的信用代码与地址不符", "the credit code in the body differs from the one in the address", 2);
        }
        await ValidateAsync(input, ct);
        var unit = await db.Units.FirstOrDefaultAsync(u => u.CreditCode == creditCode, ct) ?? throw UnitQueryHandler.Missing(creditCode);
        Revisions.Check(input.Revision, unit.Revision, UnitView.Of(unit));
        var old = UnitView.Of(unit);
        var now = clock.GetUtcNow().UtcDateTime;
        unit.Name = input.Name;
        unit.Sector = input.Sector;
        unit.DivisionCode = input.DivisionCode;
        unit.IndustryCode = input.IndustryCode;
        unit.AboveScale = input.AboveScale;
        unit.StateOwned = input.StateOwned;
        unit.ParkId = input.ParkId;
        unit.Revision++;
        unit.UpdatedAt = now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        AuditLog.Append(db, actor, "unit.update", "unit", creditCode, old, UnitView.Of(unit), now);
        await Revisions.SaveAsync(db, ct, () => UnitView.Of(unit));
        await AuditChain.SealAsync(db, ct);
        await tx.CommitAsync(ct);
        return UnitView.Of(unit);
    }

    private async Task ValidateAsync(UnitInput input, CancellationToken ct)
    {
        if (!CreditCode.IsValid(input.CreditCode))
        {
            throw new UserError($"统一社会信用代码 {input.CreditCode} 无效", $"unified social credit code {input.CreditCode} is not valid");
        }
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            throw new UserError("名称不能为空", "the name is empty");
        }
        if (!Sectors.All.Contains(input.Sector))
        {
            throw new UserError($"执行部门 {input.Sector} 无效，应为 {string.Join("、", Sectors.All)}", $"sector {input.Sector} is not one of {string.Join(", ", Sectors.All)}");
        }
        if (!await db.Divisions.AnyAsync(d => d.Code == input.DivisionCode, ct))
        {
            throw new UserError($"没有行政区划 {input.DivisionCode}", $"no division {input.DivisionCode}");
        }
        if (input.ParkId is { } p && !await db.Parks.AnyAsync(x => x.Id == p, ct))
        {
            throw new UserError($"没有园区 {p}", $"no park {p}");
        }
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
            throw new ConflictError($"数据已被他人修改（当前版本 {stored}，提交版本 {given}），请基于当前值重新修改",
                $"the data was changed by someone else (current revision {stored}, yours {given}); edit the current values again", current);
        }
    }

    public static async Task SaveAsync(RdInvestDb db, CancellationToken ct, Func<object> current)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictError("数据已被他人同时修改，请重新读取后再改", "the data was changed concurrently; read it again and retry", current());
        }
    }
}
