using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RdInvest.Accounts;
using RdInvest.Auditing;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Importing;
using RdInvest.Indicators;

namespace RdInvest.Approval;

public static class ApprovalActions
{
    public const string Submit = "submit";
    public const string Approve = "approve";
    public const string Finalise = "finalise";
    public const string Return = "return";
    public const string Reopen = "reopen";
    public static readonly IReadOnlyList<string> All = [Submit, Approve, Finalise, Return, Reopen];
}

public sealed record ApprovalStep(DateTime At, string Actor, string Action, string From, string To, string? Reason);

/// <summary>A unit whose figures differ from what was last approved.</summary>
public sealed record ApprovalChange(string CreditCode, string Name, string Field, decimal? Approved, decimal? Current);

/// <summary>The effect of the changes on the league/city: unit totals as approved and now, and the indicators now (preliminary).</summary>
public sealed record ApprovalEffect(string LeagueCity, string LeagueCityName, decimal UnitsRdTotalApproved, decimal UnitsRdTotalNow,
    decimal Difference, decimal? RdTotalIndicator, string? RdTotalProvenance, decimal? RdIntensityIndicator);

public sealed record ApprovalView(string County, string CountyName, int Year, string Status, int Revision, int Records,
    IReadOnlyList<ApprovalStep> History, DateTime? LastApprovedAt, IReadOnlyList<ApprovalChange> ChangesSinceApproval, ApprovalEffect? Effect);

public sealed record TransitionRequest(string? Reason);

/// <summary>
/// The three-level approval of 二(五)16 for one county and year: draft → submitted (county officer) → approved
/// (league/city officer) → final (region admin or analyst). A step above can return it to draft with a reason; a
/// region admin reopens final data with a reason. Each transition sets the status of the county-year's unit records
/// (official indicators read only final records) and is audited. Approving keeps a snapshot, so a later approver sees
/// what changed since and its effect on the league/city.
/// </summary>
public sealed class ApprovalHandler(RdInvestDb db, TimeProvider clock)
{
    /// <summary>What approving keeps: when, and each unit's rd_total, gov_funds and revenue in fen (the queue sums it).</summary>
    internal sealed record Snapshot(DateTime At, Dictionary<string, long?[]> Units);

    private static readonly string[] s_fields = ["rd_total", "gov_funds", "revenue"];

    public async Task<IReadOnlyList<ApprovalView>> ListAsync(IQueryable<CountyApproval> scoped, int year, string? leagueCity, CancellationToken ct)
    {
        var q = scoped.AsNoTracking().Where(a => a.Year == year);
        if (leagueCity is not null)
        {
            q = q.Where(a => db.Divisions.Any(d => d.Code == a.CountyCode && d.ParentCode == leagueCity));
        }
        var rows = await q.OrderBy(a => a.CountyCode).ToListAsync(ct);
        var names = await db.Divisions.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.NameZh, ct);
        return rows.Select(a => View(a, names.GetValueOrDefault(a.CountyCode, a.CountyCode), 0, [], null)).ToList();
    }

    public async Task<ApprovalView> GetAsync(string county, int year, CancellationToken ct)
    {
        var division = await CountyAsync(county, year, ct);
        var a = await db.Approvals.AsNoTracking().FirstOrDefaultAsync(x => x.CountyCode == county && x.Year == year, ct)
            ?? new CountyApproval { CountyCode = county, Year = year, Revision = 0, Status = await ApprovalPolicy.StatusAsync(db, county, year, ct) };
        var current = await CurrentAsync(county, year, ct);
        var changes = Changes(a.Snapshot, current);
        var effect = a.Snapshot is null ? null : await EffectAsync(division, year, changes, ct);
        return View(a, division.NameZh, current.Count, changes, effect);
    }

    /// <summary>The longest reason kept in the history (characters).</summary>
    public const int MaxReasonLength = 500;

    public async Task<ApprovalView> TransitionAsync(string county, int year, string action, string? reason, UserScope user, Actor actor, CancellationToken ct)
    {
        reason = CheckReason(reason);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await TransitionCoreAsync(county, year, action, reason, user, actor, ct);
        await AuditChain.SealAsync(db, ct);
        PausePoints.Reach(PausePoints.ApprovalSealed);
        await tx.CommitAsync(ct);
        return await GetAsync(county, year, ct);
    }

    /// <summary>Approves every submitted county of a league/city for the year.</summary>
    public async Task<IReadOnlyList<ApprovalView>> BulkApproveAsync(string leagueCity, int year, UserScope user, Actor actor, CancellationToken ct)
    {
        if (!user.IsIn(Rule(ApprovalActions.Approve, DataStatuses.Submitted).Roles))
        {
            throw new ForbiddenError($"角色 {Roles.Zh(user.Role)} 不能审核", $"role {user.Role} cannot approve");
        }
        RequireYear(year);
        if (!await db.Divisions.AnyAsync(d => d.Code == leagueCity && d.Level == DivisionLevels.LeagueCity, ct))
        {
            throw new NotFoundError($"没有盟市 {leagueCity}", $"no league/city {leagueCity}");
        }
        var counties = await db.Approvals.AsNoTracking()
            .Where(a => a.Year == year && a.Status == DataStatuses.Submitted && db.Divisions.Any(d => d.Code == a.CountyCode && d.ParentCode == leagueCity))
            .OrderBy(a => a.CountyCode).Select(a => a.CountyCode).ToListAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var c in counties)
        {
            await TransitionCoreAsync(c, year, ApprovalActions.Approve, null, user, actor, ct);
        }
        await AuditChain.SealAsync(db, ct);
        await tx.CommitAsync(ct);
        var result = new List<ApprovalView>();
        foreach (var c in counties)
        {
            result.Add(await GetAsync(c, year, ct));
        }
        return result;
    }

    private async Task TransitionCoreAsync(string county, int year, string action, string? reason, UserScope user, Actor actor, CancellationToken ct)
    {
        await CountyAsync(county, year, ct);
        var a = await db.Approvals.FirstOrDefaultAsync(x => x.CountyCode == county && x.Year == year, ct);
        if (a is null)
        {
            // Without a row the county-year's status is the policy's (final when its records were loaded final).
            a = new CountyApproval { CountyCode = county, Year = year, Status = await ApprovalPolicy.StatusAsync(db, county, year, ct) };
            db.Approvals.Add(a);
        }
        var from = a.Status;
        var (to, roles) = Rule(action, from);
        if (!user.IsIn(roles))
        {
            throw new ForbiddenError($"角色 {Roles.Zh(user.Role)} 不能对 {from} 状态的数据执行 {action}",
                $"role {user.Role} cannot {action} data in status {from}");
        }
        if (to is null)
        {
            throw new ConflictError($"{county} 的 {year} 年数据处于 {from} 状态，不能执行 {action}", $"{county}'s {year} data is {from}; cannot {action}",
                new { county, year, status = from });
        }
        if (action is ApprovalActions.Return or ApprovalActions.Reopen && string.IsNullOrWhiteSpace(reason))
        {
            throw new UserError("退回或重新开放需要说明理由", "a return or reopen needs a reason", 2);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var history = JsonSerializer.Deserialize<List<ApprovalStep>>(a.History) ?? [];
        history.Add(new ApprovalStep(now, actor.Name, action, from, to, reason));
        a.History = JsonSerializer.Serialize(history);
        a.Status = to;
        a.Revision++;
        a.UpdatedAt = now;
        if (action is ApprovalActions.Approve or ApprovalActions.Finalise)
        {
            a.Snapshot = JsonSerializer.Serialize(new Snapshot(now, await CurrentAsync(county, year, ct)));
        }
        await db.RdRecords
            .Where(r => r.Year == year && db.Units.Any(u => u.Id == r.UnitId && u.DivisionCode == county))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, to), ct);
        await Analytics.AnalyticsRefresh.AfterWriteAsync(db, Analytics.AnalyticsTouch.Of(county, null, year), ct);
        PausePoints.Reach(PausePoints.ApprovalRecords);
        AuditLog.Append(db, actor, "approval." + action, "approval", $"{county}/{year}", new { status = from }, new { status = to, reason }, now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Whether this user may take the action on a county-year in this status (the same rule the transition applies).</summary>
    public static bool Allows(string action, string from, UserScope user)
    {
        var (to, roles) = Rule(action, from);
        return to is not null && user.IsIn(roles);
    }

    /// <summary>(target status, roles allowed) of an action from a status; target null = not allowed from here.</summary>
    private static (string? To, IReadOnlyList<string> Roles) Rule(string action, string from) => action switch
    {
        ApprovalActions.Submit => (from == DataStatuses.Draft ? DataStatuses.Submitted : null, [Roles.CountyOfficer, Roles.RegionAdmin]),
        ApprovalActions.Approve => (from == DataStatuses.Submitted ? DataStatuses.Approved : null, [Roles.CityOfficer, Roles.RegionAdmin]),
        ApprovalActions.Finalise => (from == DataStatuses.Approved ? DataStatuses.Final : null, [Roles.RegionAdmin, Roles.RegionAnalyst]),
        ApprovalActions.Return => from switch
        {
            DataStatuses.Submitted => (DataStatuses.Draft, [Roles.CityOfficer, Roles.RegionAdmin, Roles.RegionAnalyst]),
            DataStatuses.Approved => (DataStatuses.Draft, [Roles.RegionAdmin, Roles.RegionAnalyst]),
            _ => (null, [Roles.CityOfficer, Roles.RegionAdmin, Roles.RegionAnalyst]),
        },
        ApprovalActions.Reopen => (from == DataStatuses.Final ? DataStatuses.Draft : null, [Roles.RegionAdmin]),
        _ => throw new UserError($"审批操作 {action} 无效，应为 {string.Join("、", ApprovalActions.All)}", $"approval action {action} is not one of {string.Join(", ", ApprovalActions.All)}", 2),
    };

    /// <summary>
    /// A county and a year inside the window, else 404, so no approval row is made for either. A league/city code counts
    /// only when units are registered directly at it (市直): their records follow that code's approval as a county's do.
    /// </summary>
    private async Task<Division> CountyAsync(string county, int year, CancellationToken ct)
    {
        RequireYear(year);
        var d = await db.Divisions.AsNoTracking().FirstOrDefaultAsync(d => d.Code == county && d.Level != DivisionLevels.Region, ct);
        if (d is null || d.Level == DivisionLevels.LeagueCity && !await db.Units.AnyAsync(u => u.DivisionCode == county, ct))
        {
            throw new NotFoundError($"没有旗县（市、区）{county}", $"no county {county}");
        }
        return d;
    }

    /// <summary>A reason is text like any field: trimmed, at most <see cref="MaxReasonLength"/> characters, no control or bidi characters (422).</summary>
    private static string? CheckReason(string? reason)
    {
        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var cut = ValidationFinding.Cut(text);
        if (text.Length > MaxReasonLength)
        {
            throw new ValidationError([new("reason", cut, ImportRules.TextTooLong.Id,
                $"理由超过 {MaxReasonLength} 个字符", $"the reason is longer than {MaxReasonLength} characters")]);
        }
        if (FieldRules.HasForbiddenCharacter(text, out var at))
        {
            throw new ValidationError([new("reason", cut, ImportRules.InvalidCharacter.Id,
                $"理由含有不允许的字符 U+{(int)text[at]:X4}", $"the reason contains the character U+{(int)text[at]:X4}, which is not allowed")]);
        }
        return text;
    }

    private static void RequireYear(int year)
    {
        if (!Bounds.IsYear(year))
        {
            throw new NotFoundError($"年份 {year} 超出范围 {Bounds.MinYear}–{Bounds.MaxYear}", $"year {year} is outside {Bounds.MinYear}–{Bounds.MaxYear}");
        }
    }

    private async Task<Dictionary<string, long?[]>> CurrentAsync(string county, int year, CancellationToken ct) =>
        (await db.RdRecords.AsNoTracking().Where(r => r.Year == year)
            .Join(db.Units.AsNoTracking().Where(u => u.DivisionCode == county), r => r.UnitId, u => u.Id,
                (r, u) => new { u.CreditCode, r.RdTotalFen, r.GovFundsFen, r.RevenueFen })
            .ToListAsync(ct))
        .ToDictionary(x => x.CreditCode, x => new long?[] { x.RdTotalFen, x.GovFundsFen, x.RevenueFen }, StringComparer.Ordinal);

    private List<ApprovalChange> Changes(string? snapshotJson, Dictionary<string, long?[]> current)
    {
        if (snapshotJson is null)
        {
            return [];
        }
        var snap = JsonSerializer.Deserialize<Snapshot>(snapshotJson)!;
        var codes = snap.Units.Keys.Union(current.Keys).Order(StringComparer.Ordinal).ToList();
        var names = db.Units.AsNoTracking().Where(u => codes.Contains(u.CreditCode)).ToDictionary(u => u.CreditCode, u => u.Name);
        var changes = new List<ApprovalChange>();
        foreach (var code in codes)
        {
            var before = snap.Units.GetValueOrDefault(code) ?? new long?[s_fields.Length];
            var now = current.GetValueOrDefault(code) ?? new long?[s_fields.Length];
            for (var i = 0; i < s_fields.Length; i++)
            {
                if (before[i] != now[i])
                {
                    changes.Add(new ApprovalChange(code, names.GetValueOrDefault(code, code), s_fields[i], Money.ToYuan(before[i]), Money.ToYuan(now[i])));
                }
            }
        }
        return changes;
    }

    private async Task<ApprovalEffect?> EffectAsync(Division county, int year, IReadOnlyList<ApprovalChange> changes, CancellationToken ct)
    {
        var leagueCode = county.Level == DivisionLevels.LeagueCity ? county.Code : county.ParentCode;
        if (leagueCode is null)
        {
            return null;
        }
        var league = await db.Divisions.AsNoTracking().FirstAsync(d => d.Code == leagueCode, ct);
        var fen = await db.RdRecords.AsNoTracking().Where(r => r.Year == year)
            .Join(db.Units.AsNoTracking().Where(u => u.DivisionCode == leagueCode || db.Divisions.Any(d => d.Code == u.DivisionCode && d.ParentCode == leagueCode)),
                r => r.UnitId, u => u.Id, (r, u) => r.RdTotalFen)
            .SumAsync(x => (long?)x, ct) ?? 0L;
        var now = Money.ToYuan(fen);
        var delta = changes.Where(c => c.Field == "rd_total").Sum(c => (c.Current ?? 0m) - (c.Approved ?? 0m));
        var indicators = await new IndicatorsHandler(db, preliminary: true).HandleAsync(new IndicatorsRequest(leagueCode, year), ct);
        var total = indicators.Indicators.GetValueOrDefault("rd_total");
        var intensity = indicators.Indicators.GetValueOrDefault("rd_intensity");
        return new ApprovalEffect(leagueCode, league.NameZh, now - delta, now, delta, total?.Value, total?.Provenance, intensity?.Value);
    }

    private static ApprovalView View(CountyApproval a, string name, int records, IReadOnlyList<ApprovalChange> changes, ApprovalEffect? effect)
    {
        var snapAt = a.Snapshot is null ? (DateTime?)null : JsonSerializer.Deserialize<Snapshot>(a.Snapshot)!.At;
        return new ApprovalView(a.CountyCode, name, a.Year, a.Status, a.Revision, records,
            JsonSerializer.Deserialize<List<ApprovalStep>>(a.History) ?? [], snapAt, changes, effect);
    }
}
