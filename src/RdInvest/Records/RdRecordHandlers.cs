using Microsoft.EntityFrameworkCore;
using RdInvest.Approval;
using RdInvest.Auditing;
using RdInvest.Common;
using RdInvest.Data;

namespace RdInvest.Records;

/// <summary>A unit's R&amp;D record for a year as the API shows and takes it; money in yuan.</summary>
public sealed record RdRecordView(string CreditCode, int Year, decimal RdTotal, decimal? GovFunds, decimal? EnterpriseFunds,
    decimal? ForeignFunds, decimal? OtherFunds, decimal? Basic, decimal? Applied, decimal? Experimental,
    decimal? PersonnelCost, decimal? CapitalCost, decimal? OtherCost, decimal? Extramural, int? PersonnelHeadcount,
    decimal? PersonnelFte, decimal? Revenue, bool? HasRdInstitution, int? InventionPatents, string Status, int Revision, DateTime UpdatedAt)
{
    public static RdRecordView Of(string creditCode, UnitRdRecord r) => new(creditCode, r.Year, Money.ToYuan(r.RdTotalFen),
        Money.ToYuan(r.GovFundsFen), Money.ToYuan(r.EnterpriseFundsFen), Money.ToYuan(r.ForeignFundsFen), Money.ToYuan(r.OtherFundsFen),
        Money.ToYuan(r.BasicFen), Money.ToYuan(r.AppliedFen), Money.ToYuan(r.ExperimentalFen), Money.ToYuan(r.PersonnelCostFen),
        Money.ToYuan(r.CapitalCostFen), Money.ToYuan(r.OtherCostFen), Money.ToYuan(r.ExtramuralFen), r.PersonnelHeadcount,
        r.PersonnelFteCenti is { } f ? f / 100m : null, Money.ToYuan(r.RevenueFen), r.HasRdInstitution, r.InventionPatents,
        r.Status, r.Revision, r.UpdatedAt);
}

/// <summary>The fields a client writes; <c>Revision</c> is required to update.</summary>
public sealed record RdRecordInput(int Year, decimal RdTotal, decimal? GovFunds = null, decimal? EnterpriseFunds = null,
    decimal? ForeignFunds = null, decimal? OtherFunds = null, decimal? Basic = null, decimal? Applied = null, decimal? Experimental = null,
    decimal? PersonnelCost = null, decimal? CapitalCost = null, decimal? OtherCost = null, decimal? Extramural = null,
    int? PersonnelHeadcount = null, decimal? PersonnelFte = null, decimal? Revenue = null, bool? HasRdInstitution = null,
    int? InventionPatents = null, int? Revision = null)
{
    internal void Apply(UnitRdRecord r)
    {
        r.RdTotalFen = Money.ToFen(RdTotal);
        r.GovFundsFen = Money.ToFen(GovFunds);
        r.EnterpriseFundsFen = Money.ToFen(EnterpriseFunds);
        r.ForeignFundsFen = Money.ToFen(ForeignFunds);
        r.OtherFundsFen = Money.ToFen(OtherFunds);
        r.BasicFen = Money.ToFen(Basic);
        r.AppliedFen = Money.ToFen(Applied);
        r.ExperimentalFen = Money.ToFen(Experimental);
        r.PersonnelCostFen = Money.ToFen(PersonnelCost);
        r.CapitalCostFen = Money.ToFen(CapitalCost);
        r.OtherCostFen = Money.ToFen(OtherCost);
        r.ExtramuralFen = Money.ToFen(Extramural);
        r.PersonnelHeadcount = PersonnelHeadcount;
        r.PersonnelFteCenti = PersonnelFte is { } f ? (long)decimal.Round(f * 100m) : null;
        r.RevenueFen = Money.ToFen(Revenue);
        r.HasRdInstitution = HasRdInstitution;
        r.InventionPatents = InventionPatents;
    }

    internal void Validate()
    {
        if (Year is < 1901 or > 9999)
        {
            throw new UserError($"年份 {Year} 无效", $"year {Year} is not valid");
        }
        if (RdTotal < 0m)
        {
            throw new UserError("R&D经费内部支出不能为负", "intramural R&D expenditure cannot be negative");
        }
    }
}

/// <summary>Reads R&amp;D records of units within a scope.</summary>
public sealed class RdRecordQueryHandler(RdInvestDb db)
{
    public async Task<IReadOnlyList<RdRecordView>> ListAsync(IQueryable<ReportingUnit> scopedUnits, string creditCode, CancellationToken ct)
    {
        var unit = await scopedUnits.AsNoTracking().Where(u => u.CreditCode == creditCode).Select(u => new { u.Id }).FirstOrDefaultAsync(ct)
            ?? throw UnitQueryHandler.Missing(creditCode);
        var rows = await db.RdRecords.AsNoTracking().Where(r => r.UnitId == unit.Id).OrderBy(r => r.Year).ToListAsync(ct);
        return rows.Select(r => RdRecordView.Of(creditCode, r)).ToList();
    }

    public async Task<RdRecordView> GetAsync(IQueryable<ReportingUnit> scopedUnits, string creditCode, int year, CancellationToken ct)
    {
        var unit = await scopedUnits.AsNoTracking().Where(u => u.CreditCode == creditCode).Select(u => new { u.Id }).FirstOrDefaultAsync(ct)
            ?? throw UnitQueryHandler.Missing(creditCode);
        var r = await db.RdRecords.AsNoTracking().FirstOrDefaultAsync(r => r.UnitId == unit.Id && r.Year == year, ct)
            ?? throw new NotFoundError($"{creditCode} 没有 {year} 年的研发记录", $"{creditCode} has no R&D record for {year}");
        return RdRecordView.Of(creditCode, r);
    }
}

/// <summary>
/// Creates and updates a unit's R&amp;D record. A county-year that is final is locked (409) until a region admin
/// reopens it; a written record takes its county-year's approval status. Every write is audited.
/// </summary>
public sealed class RdRecordWriteHandler(RdInvestDb db, TimeProvider clock)
{
    public async Task<RdRecordView> CreateAsync(string creditCode, RdRecordInput input, Actor actor, CancellationToken ct)
    {
        input.Validate();
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.CreditCode == creditCode, ct) ?? throw UnitQueryHandler.Missing(creditCode);
        var status = await ApprovalStore.WritableStatusAsync(db, unit.DivisionCode, input.Year, ct);
        if (await db.RdRecords.AsNoTracking().FirstOrDefaultAsync(r => r.UnitId == unit.Id && r.Year == input.Year, ct) is { } existing)
        {
            throw new ConflictError($"{creditCode} 的 {input.Year} 年研发记录已存在，请用更新", $"{creditCode} already has a record for {input.Year}; update it instead",
                RdRecordView.Of(creditCode, existing));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var record = new UnitRdRecord { UnitId = unit.Id, Year = input.Year, Status = status, UpdatedAt = now };
        input.Apply(record);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.RdRecords.Add(record);
        AuditLog.Append(db, actor, "rd_record.create", "rd_record", Key(creditCode, input.Year), null, RdRecordView.Of(creditCode, record), now);
        await AuditChain.SealAsync(db, ct);
        await tx.CommitAsync(ct);
        return RdRecordView.Of(creditCode, record);
    }

    public async Task<RdRecordView> UpdateAsync(string creditCode, int year, RdRecordInput input, Actor actor, CancellationToken ct)
    {
        if (input.Year != year)
        {
            throw new UserError("请求体中的年份与地址不符", "the year in the body differs from the one in the address", 2);
        }
        input.Validate();
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.CreditCode == creditCode, ct) ?? throw UnitQueryHandler.Missing(creditCode);
        var record = await db.RdRecords.FirstOrDefaultAsync(r => r.UnitId == unit.Id && r.Year == year, ct)
            ?? throw new NotFoundError($"{creditCode} 没有 {year} 年的研发记录", $"{creditCode} has no R&D record for {year}");
        var old = RdRecordView.Of(creditCode, record);
        var status = await ApprovalStore.WritableStatusAsync(db, unit.DivisionCode, year, ct, old);
        Revisions.Check(input.Revision, record.Revision, old);
        var now = clock.GetUtcNow().UtcDateTime;
        input.Apply(record);
        record.Status = status;
        record.Revision++;
        record.UpdatedAt = now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        AuditLog.Append(db, actor, "rd_record.update", "rd_record", Key(creditCode, year), old, RdRecordView.Of(creditCode, record), now);
        await Revisions.SaveAsync(db, ct, () => old);
        await AuditChain.SealAsync(db, ct);
        await tx.CommitAsync(ct);
        return RdRecordView.Of(creditCode, record);
    }

    private static string Key(string creditCode, int year) => $"{creditCode}/{year}";
}
