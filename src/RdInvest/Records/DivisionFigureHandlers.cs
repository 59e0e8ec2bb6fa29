using Microsoft.EntityFrameworkCore;
using RdInvest.Accounts;
using RdInvest.Approval;
using RdInvest.Auditing;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Importing;

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
    /// <summary>
    /// Holds the input to the division-figures import's column rules (<see cref="WriteValidator"/>): a 422 with every
    /// finding, else the stored values, applied by the returned action.
    /// </summary>
    internal Action<DivisionFigure> Validate(int maxYear)
    {
        var v = new WriteValidator(ImportKinds.DivisionFigures, maxYear);
        v.Year("year", Year);
        var total = v.Amount("rd_total", RdTotal);
        var gov = v.Amount("gov_funds", GovFunds);
        var enterprise = v.Amount("enterprise_funds", EnterpriseFunds);
        var foreign = v.Amount("foreign_funds", ForeignFunds);
        var other = v.Amount("other_funds", OtherFunds);
        var basic = v.Amount("basic", Basic);
        var applied = v.Amount("applied", Applied);
        var experimental = v.Amount("experimental", Experimental);
        var rdEnterprise = v.Amount("rd_enterprise", RdEnterprise);
        var rdInstitute = v.Amount("rd_institute", RdInstitute);
        var rdUniversity = v.Amount("rd_university", RdUniversity);
        var gdp = v.Amount("gdp", Gdp);
        var intensity = v.Amount("rd_intensity", RdIntensity);
        var hte = v.Count("hte_count", HteCount);
        var tsme = v.Count("tsme_count", TsmeCount);
        var st = v.Amount("gov_st_spending", GovStSpending);
        var source = v.Text("source", Source);
        v.ThrowIfInvalid();
        return f =>
        {
            f.RdTotalFen = total;
            f.GovFundsFen = gov;
            f.EnterpriseFundsFen = enterprise;
            f.ForeignFundsFen = foreign;
            f.OtherFundsFen = other;
            f.BasicFen = basic;
            f.AppliedFen = applied;
            f.ExperimentalFen = experimental;
            f.RdEnterpriseFen = rdEnterprise;
            f.RdInstituteFen = rdInstitute;
            f.RdUniversityFen = rdUniversity;
            f.GdpFen = gdp;
            f.RdIntensityBp4 = intensity;
            f.HteCount = hte;
            f.TsmeCount = tsme;
            f.GovStSpendingFen = st;
            f.Source = source;
        };
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

/// <summary>
/// Creates and updates published division figures (公布数) with optimistic concurrency; every write audited. Published
/// figures are the region's to write: the hosts admit region roles only, as the import does.
/// </summary>
public sealed class DivisionFigureWriteHandler(RdInvestDb db, TimeProvider clock)
{
    private int MaxYear => clock.GetUtcNow().UtcDateTime.Year + 1;

    public async Task<DivisionFigureView> CreateAsync(string code, DivisionFigureInput input, Actor actor, CancellationToken ct)
    {
        var apply = input.Validate(MaxYear);
        if (!await db.Divisions.AnyAsync(d => d.Code == code, ct))
        {
            throw new NotFoundError($"没有行政区划 {code}", $"no division {code}");
        }
        if (await db.DivisionFigures.AsNoTracking().FirstOrDefaultAsync(f => f.DivisionCode == code && f.Year == input.Year, ct) is { } existing)
        {
            throw new ConflictError($"{code} 的 {input.Year} 年公布数已存在，请用更新", $"{code} already has figures for {input.Year}; update them instead", DivisionFigureView.Of(existing));
        }
        // A county's figures are part of its data for the year (二(五)16): final means locked.
        await ApprovalPolicy.WritableStatusAsync(db, code, input.Year, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var f = new DivisionFigure { DivisionCode = code, Year = input.Year, UpdatedAt = now };
        apply(f);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.DivisionFigures.Add(f);
        AuditLog.Append(db, actor, "division_figure.create", "division_figure", $"{code}/{input.Year}", null, DivisionFigureView.Of(f), now);
        await AuditChain.SealAsync(db, ct);
        await Analytics.AnalyticsStamps.BumpAsync(db, ct);
        await tx.CommitAsync(ct);
        return DivisionFigureView.Of(f);
    }

    public async Task<DivisionFigureView> UpdateAsync(string code, int year, DivisionFigureInput input, Actor actor, CancellationToken ct)
    {
        if (input.Year != year)
        {
            throw new UserError("请求体中的年份与地址不符", "the year in the body differs from the one in the address", 2);
        }
        var apply = input.Validate(MaxYear);
        var f = await db.DivisionFigures.FirstOrDefaultAsync(x => x.DivisionCode == code && x.Year == year, ct)
            ?? throw new NotFoundError($"{code} 没有 {year} 年的公布数", $"{code} has no published figures for {year}");
        var old = DivisionFigureView.Of(f);
        Revisions.Check(input.Revision, f.Revision, old);
        await ApprovalPolicy.WritableStatusAsync(db, code, year, ct, old);
        var now = clock.GetUtcNow().UtcDateTime;
        apply(f);
        f.Revision++;
        f.UpdatedAt = now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        AuditLog.Append(db, actor, "division_figure.update", "division_figure", $"{code}/{year}", old, DivisionFigureView.Of(f), now);
        await Revisions.SaveAsync(db, ct, async () => await db.DivisionFigures.AsNoTracking().FirstOrDefaultAsync(x => x.Id == f.Id, ct) is { } stored
            ? DivisionFigureView.Of(stored) : null);
        await AuditChain.SealAsync(db, ct);
        await Analytics.AnalyticsStamps.BumpAsync(db, ct);
        await tx.CommitAsync(ct);
        return DivisionFigureView.Of(f);
    }
}
