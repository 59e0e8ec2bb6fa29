using RdInvest.Analytics;
using Microsoft.EntityFrameworkCore;
using RdInvest.Approval;
using RdInvest.Auditing;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Importing;

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

/// <summary>The fields a client writes; <c>Revision</c> is required to update. <c>RdTotal</c> is required (null is a 422, never 0).</summary>
public sealed record RdRecordInput(int Year, decimal? RdTotal, decimal? GovFunds = null, decimal? EnterpriseFunds = null,
    decimal? ForeignFunds = null, decimal? OtherFunds = null, decimal? Basic = null, decimal? Applied = null, decimal? Experimental = null,
    decimal? PersonnelCost = null, decimal? CapitalCost = null, decimal? OtherCost = null, decimal? Extramural = null,
    int? PersonnelHeadcount = null, decimal? PersonnelFte = null, decimal? Revenue = null, bool? HasRdInstitution = null,
    int? InventionPatents = null, int? Revision = null)
{
    /// <summary>
    /// Holds the input to the rd import's column rules (<see cref="WriteValidator"/>): a 422 with every finding, else
    /// the stored values, applied by the returned action.
    /// </summary>
    internal Action<UnitRdRecord> Validate(int maxYear)
    {
        var v = new WriteValidator(ImportKinds.Rd, maxYear);
        v.Year("year", Year);
        var total = v.Amount("rd_total", RdTotal);
        var gov = v.Amount("gov_funds", GovFunds);
        var enterprise = v.Amount("enterprise_funds", EnterpriseFunds);
        var foreign = v.Amount("foreign_funds", ForeignFunds);
        var other = v.Amount("other_funds", OtherFunds);
        var basic = v.Amount("basic", Basic);
        var applied = v.Amount("applied", Applied);
        var experimental = v.Amount("experimental", Experimental);
        var personnel = v.Amount("personnel_cost", PersonnelCost);
        var capital = v.Amount("capital_cost", CapitalCost);
        var otherCost = v.Amount("other_cost", OtherCost);
        var extramural = v.Amount("extramural", Extramural);
        var headcount = v.Count("personnel_headcount", PersonnelHeadcount);
        var fte = v.Amount("personnel_fte", PersonnelFte);
        var revenue = v.Amount("revenue", Revenue);
        var patents = v.Count("invention_patents", InventionPatents);
        v.ThrowIfInvalid();
        return r =>
        {
            r.RdTotalFen = total!.Value;
            r.GovFundsFen = gov;
            r.EnterpriseFundsFen = enterprise;
            r.ForeignFundsFen = foreign;
            r.OtherFundsFen = other;
            r.BasicFen = basic;
            r.AppliedFen = applied;
            r.ExperimentalFen = experimental;
            r.PersonnelCostFen = personnel;
            r.CapitalCostFen = capital;
            r.OtherCostFen = otherCost;
            r.ExtramuralFen = extramural;
            r.PersonnelHeadcount = headcount;
            r.PersonnelFteCenti = fte;
            r.RevenueFen = revenue;
            r.HasRdInstitution = HasRdInstitution;
            r.InventionPatents = patents;
        };
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
    private int MaxYear => clock.GetUtcNow().UtcDateTime.Year + 1;

    public async Task<RdRecordView> CreateAsync(string creditCode, RdRecordInput input, Actor actor, CancellationToken ct)
    {
        var apply = input.Validate(MaxYear);
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.CreditCode == creditCode, ct) ?? throw UnitQueryHandler.Missing(creditCode);
        var status = await ApprovalPolicy.WritableStatusAsync(db, unit.DivisionCode, input.Year, ct);
        if (await db.RdRecords.AsNoTracking().FirstOrDefaultAsync(r => r.UnitId == unit.Id && r.Year == input.Year, ct) is { } existing)
        {
            throw new ConflictError($"{creditCode} 的 {input.Year} 年研发记录已存在，请用更新", $"{creditCode} already has a record for {input.Year}; update it instead",
                RdRecordView.Of(creditCode, existing));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var record = new UnitRdRecord { UnitId = unit.Id, Year = input.Year, Status = status, UpdatedAt = now };
        apply(record);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.RdRecords.Add(record);
        AuditLog.Append(db, actor, "rd_record.create", "rd_record", Key(creditCode, input.Year), null, RdRecordView.Of(creditCode, record), now);
        await AuditChain.SealAsync(db, ct);
        await AnalyticsRefresh.AfterWriteAsync(db, AnalyticsTouch.Of(unit.DivisionCode, unit.ParkId, input.Year), ct);
        await tx.CommitAsync(ct);
        return RdRecordView.Of(creditCode, record);
    }

    public async Task<RdRecordView> UpdateAsync(string creditCode, int year, RdRecordInput input, Actor actor, CancellationToken ct)
    {
        if (input.Year != year)
        {
            throw new UserError("请求体中的年份与地址不符", "the year in the body differs from the one in the address", 2);
        }
        var apply = input.Validate(MaxYear);
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.CreditCode == creditCode, ct) ?? throw UnitQueryHandler.Missing(creditCode);
        var record = await db.RdRecords.FirstOrDefaultAsync(r => r.UnitId == unit.Id && r.Year == year, ct)
            ?? throw new NotFoundError($"{creditCode} 没有 {year} 年的研发记录", $"{creditCode} has no R&D record for {year}");
        var old = RdRecordView.Of(creditCode, record);
        var status = await ApprovalPolicy.WritableStatusAsync(db, unit.DivisionCode, year, ct, old, record.Status);
        Revisions.Check(input.Revision, record.Revision, old);
        var now = clock.GetUtcNow().UtcDateTime;
        apply(record);
        record.Status = status;
        record.Revision++;
        record.UpdatedAt = now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        AuditLog.Append(db, actor, "rd_record.update", "rd_record", Key(creditCode, year), old, RdRecordView.Of(creditCode, record), now);
        await Revisions.SaveAsync(db, ct, async () => await db.RdRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Id == record.Id, ct) is { } stored
            ? RdRecordView.Of(creditCode, stored) : null);
        await AuditChain.SealAsync(db, ct);
        await AnalyticsRefresh.AfterWriteAsync(db, AnalyticsTouch.Of(unit.DivisionCode, unit.ParkId, year), ct);
        await tx.CommitAsync(ct);
        return RdRecordView.Of(creditCode, record);
    }

    private static string Key(string creditCode, int year) => $"{creditCode}/{year}";
}
