using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RdInvest.Accounts;
using RdInvest.Common;
using RdInvest.Data;

namespace RdInvest.Approval;

/// <summary>A county-year's unit figures summed (yuan): records, R&amp;D expenditure, government funds, revenue.</summary>
public sealed record ApprovalFigures(int Records, decimal RdTotal, decimal GovFunds, decimal Revenue);

/// <summary>What the queue compares a county-year's figures with.</summary>
public static class ApprovalBaselines
{
    /// <summary>The figures kept when the county-year was last approved or finalised.</summary>
    public const string LastApproved = "last-approved";

    /// <summary>No approval kept figures: the county's approved or final records of the year before.</summary>
    public const string PreviousYear = "previous-year";
}

/// <summary>
/// One county-year of the queue: its status, its figures now, the baseline they are compared with (and which baseline
/// it is), the actions this user may take, and whether it waits for this user.
/// </summary>
public sealed record ApprovalQueueItem(
    string County, string CountyNameZh, string CountyNameEn, string? LeagueCity, string LeagueCityNameZh, string LeagueCityNameEn,
    int Year, string Status, ApprovalFigures Current, ApprovalFigures? Baseline, string BaselineKind, DateTime? BaselineAt,
    IReadOnlyList<string> Actions, bool WaitsForMe)
{
    public bool Locked => ApprovalPolicy.IsLocked(Status);
    public decimal? RdTotalChange => Baseline is null ? null : Current.RdTotal - Baseline.RdTotal;
}

/// <summary>
/// The approval queue of 二(五)16 for one year within the user's scope: every county-year with records or an approval
/// row, what waits for the user (a county officer's drafts to submit, the counties submitted to a league/city officer,
/// the approved counties the region finalises), their figures and the change since the last approval — or, when no
/// approval kept figures, since the previous year's approved figures (labelled so).
/// </summary>
public sealed class ApprovalQueueHandler(RdInvestDb db)
{
    public async Task<IReadOnlyList<ApprovalQueueItem>> HandleAsync(ScopeService scope, int year, CancellationToken ct)
    {
        var user = scope.User;
        var rows = await scope.Approvals(db.Approvals).AsNoTracking().Where(a => a.Year == year)
            .Select(a => new { a.CountyCode, a.Status, a.Snapshot }).ToListAsync(ct);
        var current = await FiguresAsync(scope, year, [DataStatuses.Draft, DataStatuses.Submitted, DataStatuses.Approved, DataStatuses.Final], ct);
        var previous = await FiguresAsync(scope, year - 1, [DataStatuses.Approved, DataStatuses.Final], ct);
        var divisions = await db.Divisions.AsNoTracking().ToDictionaryAsync(d => d.Code, StringComparer.Ordinal, ct);
        var codes = rows.Select(r => r.CountyCode).Union(current.Keys).Where(divisions.ContainsKey).Order(StringComparer.Ordinal);
        var items = new List<ApprovalQueueItem>();
        foreach (var code in codes)
        {
            var row = rows.FirstOrDefault(r => r.CountyCode == code);
            var status = row?.Status ?? await ApprovalPolicy.StatusAsync(db, code, year, ct);
            var d = divisions[code];
            var league = d.Level == DivisionLevels.LeagueCity ? d : d.ParentCode is { } p ? divisions.GetValueOrDefault(p) : null;
            var now = current.GetValueOrDefault(code) ?? new ApprovalFigures(0, 0m, 0m, 0m);
            var (baseline, kind, at) = row?.Snapshot is { } snap ? FromSnapshot(snap) : (previous.GetValueOrDefault(code), ApprovalBaselines.PreviousYear, (DateTime?)null);
            var actions = ApprovalActions.All.Where(a => ApprovalHandler.Allows(a, status, user)).ToList();
            items.Add(new ApprovalQueueItem(code, d.NameZh, d.NameEn, league?.Code, league?.NameZh ?? "", league?.NameEn ?? "", year, status,
                now, baseline, kind, at, actions, WaitsFor(user, status, now)));
        }
        return items;
    }

    /// <summary>A county officer's draft with records, a league/city officer's submitted counties, the region's approved ones.</summary>
    private static bool WaitsFor(UserScope user, string status, ApprovalFigures figures) => user.Role switch
    {
        Roles.CountyOfficer => status == DataStatuses.Draft && figures.Records > 0,
        Roles.CityOfficer => status == DataStatuses.Submitted,
        Roles.RegionAdmin or Roles.RegionAnalyst => status == DataStatuses.Approved,
        _ => false,
    };

    private static (ApprovalFigures?, string, DateTime?) FromSnapshot(string json)
    {
        var snap = JsonSerializer.Deserialize<ApprovalHandler.Snapshot>(json)!;
        long rd = 0, gov = 0, revenue = 0;
        foreach (var v in snap.Units.Values)
        {
            rd += v.ElementAtOrDefault(0) ?? 0;
            gov += v.ElementAtOrDefault(1) ?? 0;
            revenue += v.ElementAtOrDefault(2) ?? 0;
        }
        return (new ApprovalFigures(snap.Units.Count, Money.ToYuan(rd), Money.ToYuan(gov), Money.ToYuan(revenue)), ApprovalBaselines.LastApproved, snap.At);
    }

    /// <summary>The unit figures of the year by the units' division, records of the given statuses only.</summary>
    private async Task<Dictionary<string, ApprovalFigures>> FiguresAsync(ScopeService scope, int year, string[] statuses, CancellationToken ct)
    {
        var sums = await scope.RdRecords(db.RdRecords).AsNoTracking().Where(r => r.Year == year && statuses.Contains(r.Status))
            .Join(db.Units.AsNoTracking(), r => r.UnitId, u => u.Id, (r, u) => new { u.DivisionCode, r.RdTotalFen, r.GovFundsFen, r.RevenueFen })
            .GroupBy(x => x.DivisionCode)
            .Select(g => new
            {
                g.Key, Records = g.Count(), Rd = g.Sum(x => (long?)x.RdTotalFen), Gov = g.Sum(x => x.GovFundsFen), Revenue = g.Sum(x => x.RevenueFen),
            })
            .ToListAsync(ct);
        return sums.ToDictionary(s => s.Key, s => new ApprovalFigures(s.Records, Money.ToYuan(s.Rd ?? 0), Money.ToYuan(s.Gov ?? 0), Money.ToYuan(s.Revenue ?? 0)),
            StringComparer.Ordinal);
    }
}
