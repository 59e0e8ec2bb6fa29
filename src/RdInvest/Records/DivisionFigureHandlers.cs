using Microsoft.EntityFrameworkCore;
using RdInvest.Accounts;
using RdInvest.Approval;
using RdInvest.Auditing;
using RdInvest.Common;
using RdInvest.Data;

namespace RdInvest.Records;

/// <summary>Published figures of a division and year (统计公报); money in yuan, intensity in percent.</summary>
public sealed record DivisionFigureView(string DivisionCode, int Year, decimal? RdTotal, decimal? GovFunds, decimal? EnterpriseFunds,
    decimal? ForeignFunds, decimal? OtherFunds, decimal? Basic, decimal? Applied, decimal? Experimental, decimal? RdEnterprise,
    decimal? RdInstitute, decimal? RdUniversity, decimal? Gdp, decimal? RdIntensity, int? HteCount, int? TsmeCount,
    decimal? GovStSpending, string? Source, string Status, int Revision, DateTime UpdatedAt)
{
    public static DivisionFigureView Of(DivisionFigure f) => new(f.DivisionCode, f.Year, Money.ToYuan(f.RdTotalFen), Money.ToYuan(f.GovFundsFen),
        Money.ToYuan(f.EnterpriseFundsFen), Money.ToYuan(f.ForeignFundsFen), Money.ToYuan(f.OtherFundsFen), Money.ToYuan(f.BasicFen),
        Money.ToYuan(f.AppliedFen), Money.ToYuan(f.ExperimentalFen), Money.ToYuan(f.RdEnterpriseFen), Money.ToYuan(f.RdInstituteFen),
        Money.ToYuan(f.RdUniversityFen), Money.ToYuan(f.GdpFen), f.RdIntensityBp4 is { } b ? b / 10_000m : null, f.HteCount, f.TsmeCount,
        Money.ToYuan(f.GovStSpendingFen), f.Source, f.Status, f.Revision, f.UpdatedAt);
}

public sealed record DivisionFigureInput(int Year, decimal? RdTotal = null, decimal? GovFunds = null, decimal? EnterpriseFunds = null,
    decimal? ForeignFunds = null, decimal? OtherFunds = null, decimal? Basic = null, decimal? Applied = null, decimal? Experimental = null,
    decimal? RdEnterprise = null, decimal? RdInstitute = null, decimal? RdUniversity = null, decimal? Gdp = null, decimal? RdIntensity = null,
    int? HteCount = null, int? TsmeCount = null, decimal? GovStSpending = null, string? Source = null, int? Revision = null)
{
    internal void Apply(DivisionFigure f)
    {
        f.RdTotalFen = Money.ToFen(RdTotal);
        f.GovFundsFen = Money.ToFen(GovFunds);
        f.EnterpriseFundsFen = Money.ToFen(EnterpriseFunds);
        f.ForeignFundsFen = Money.ToFen(ForeignFunds);
        f.OtherFundsFen = Money.ToFen(OtherFunds);
        f.BasicFen = Money.ToFen(Basic);
        f.AppliedFen = Money.ToFen(Applied);
        f.ExperimentalFen = Money.ToFen(Experimental);
        f.RdEnterpriseFen = Money.ToFen(RdEnterprise);
        f.RdInstituteFen = Money.ToFen(RdInstitute);
        f.RdUniversityFen = Money.ToFen(RdUniversity);
        f.GdpFen = Money.ToFen(Gdp);
        f.RdIntensityBp4 = RdIntensity is { } i ? (long)decimal.Round(i * 10_000m) : null;
        f.HteCount = HteCount;
        f.TsmeCount = TsmeCount;
        f.GovStSpendingFen = Money.ToFen(GovStSpending);
        f.Source = Source;
    }
}

public sealed class DivisionFigureQueryHandler(RdInvestDb db)
{
    public async Task<IReadOnlyList<DivisionFigureView>> ListAsync(string code, CancellationToken ct)
    {
        var rows = await db.DivisionFigures.AsNoTracking().Where(f => f.DivisionCode == code).OrderBy(f => f.Year).ToListAsync(ct);
        return rows.Select(DivisionFigureView.Of).ToList();
    }

    public async Task<DivisionFigureView> GetAsync(string code, int year, CancellationToken ct) =>
        await db.DivisionFigures.AsNoTracking().FirstOrDefaultAsync(f => f.DivisionCode == code && f.Year == year, ct) is { } f
            ? DivisionFigureView.Of(f)
            : throw new NotFoundError($"{code} 没有 {year} 年的公布数", $"{code} has no published figures for {year}");
}

/// <summary>Creates and updates published division figures with optimistic concurrency; every write audited.</summary>
public sealed class DivisionFigureWriteHandler(RdInvestDb db, TimeProvider clock)
{
    public async Task<DivisionFigureView> CreateAsync(string code, DivisionFigureInput input, Actor actor, CancellationToken ct)
    {
        if (!await db.Divisions.AnyAsync(d => d.Code == code, ct))
        {
            throw new NotFoundError($"没有行政区划 {code}", $"no division {code}");
        }
        if (await db.DivisionFigures.AsNoTracking().FirstOrDefaultAsync(f => f.DivisionCode == code && f.Year == input.Year, ct) is { } existing)
        {
            throw new ConflictError($"{code} 的 {input.Year} 年公布数已存在，请用更新", $"{code} already has figures for {input.Year}; update them instead", DivisionFigureView.Of(existing));
        }
        // A county's figures are part of its data for the year (二(五)16): final means locked.
        await ApprovalStore.WritableStatusAsync(db, code, input.Year, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var f = new DivisionFigure { DivisionCode = code, Year = input.Year, UpdatedAt = now };
        input.Apply(f);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.DivisionFigures.Add(f);
        AuditLog.Append(db, actor, "division_figure.create", "division_figure", $"{code}/{input.Year}", null, DivisionFigureView.Of(f), now);
        await AuditChain.SealAsync(db, ct);
        await tx.CommitAsync(ct);
        return DivisionFigureView.Of(f);
    }

    public async Task<DivisionFigureView> UpdateAsync(string code, int year, DivisionFigureInput input, Actor actor, CancellationToken ct)
    {
        if (input.Year != year)
        {
            throw new UserError("请求体中的年份与地址不符", "the year in the body differs from the one in the address", 2);
        }
        var f = await db.DivisionFigures.FirstOrDefaultAsync(x => x.DivisionCode == code && x.Year == year, ct)
            ?? throw new NotFoundError($"{code} 没有 {year} 年的公布数", $"{code} has no published figures for {year}");
        var old = DivisionFigureView.Of(f);
        Revisions.Check(input.Revision, f.Revision, old);
        await ApprovalStore.WritableStatusAsync(db, code, year, ct, old);
        var now = clock.GetUtcNow().UtcDateTime;
        input.Apply(f);
        f.Revision++;
        f.UpdatedAt = now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        AuditLog.Append(db, actor, "division_figure.update", "division_figure", $"{code}/{year}", old, DivisionFigureView.Of(f), now);
        await Revisions.SaveAsync(db, ct, () => old);
        await AuditChain.SealAsync(db, ct);
        await tx.CommitAsync(ct);
        return DivisionFigureView.Of(f);
    }
}
