using Microsoft.EntityFrameworkCore;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Indicators;
using RdInvest.Plans;

namespace RdInvest.Targets;

public sealed record ProgressRequest(string? PlanId, int Year, string? Division);

public sealed record ProgressResult(string Plan, int Year, string Division, string DivisionName, IReadOnlyList<TargetProgress> Targets)
{
    /// <summary>One line per pair of the plan's targets whose paths disagree (<see cref="PlanConsistency"/>), Chinese and English.</summary>
    public IReadOnlyList<(string Zh, string En)> Notes { get; init; } = [];
}

/// <summary>`rdinvest progress`: every target of a plan for a division (default the region) and year.</summary>
public sealed class ProgressHandler(RdInvestDb db, bool preliminary = false, PlanResolver? plans = null)
{
    public async Task<ProgressResult> HandleAsync(ProgressRequest request, CancellationToken ct)
    {
        var plan = await (plans ?? new PlanResolver(db)).ResolveAsync(request.PlanId, ct);
        return await HandleAsync(request, plan, new IndicatorsHandler(db, preliminary, plan), ct);
    }

    /// <summary>The same, on a plan already loaded and an indicator source the caller goes on using (the dashboard).</summary>
    public async Task<ProgressResult> HandleAsync(ProgressRequest request, Plan plan, IndicatorsHandler indicators, CancellationToken ct)
    {
        var years = Enumerable.Range(plan.BaseYear - 1, Math.Max(request.Year, plan.BaseYear) - plan.BaseYear + 2);
        await indicators.PrepareAsync(years, ct);
        var divisions = indicators.Divisions;
        var region = divisions.Values.FirstOrDefault(d => d.Level == DivisionLevels.Region)
            ?? throw new UserError("数据库中没有自治区级区划，请先运行 rdinvest db init", "no region division; run rdinvest db init");
        var code = request.Division ?? region.Code;
        var division = divisions.GetValueOrDefault(code) ?? throw new UserError($"没有行政区划 {code}", $"no division {code}");
        var leagues = divisions.Values.Where(d => d.Level == DivisionLevels.LeagueCity).OrderBy(d => d.Code, StringComparer.Ordinal)
            .Select(d => (d.Code, d.NameZh)).ToList();
        var parks = await ParkFloorsAsync(db, plan, request.Year, divisions, ct);
        var targets = ProgressCalculator.Evaluate(new ProgressCalculator.Context(
            plan, request.Year, division.Code, division.Level, region.Code, leagues, parks, indicators));
        var check = await PlanCheckHandler.CheckAsync(plan, indicators, ct);
        return new ProgressResult(plan.Id, request.Year, division.Code, division.NameZh, targets)
        {
            Notes = check.Conflicts.Select(c => (c.NoteZh, c.NoteEn)).ToList(),
        };
    }

    /// <summary>Each park's R&amp;D intensity for the year against its category's floor in the plan's threshold target.</summary>
    public static async Task<IReadOnlyList<ParkFloor>> ParkFloorsAsync(RdInvestDb db, Plan plan, int year,
        IReadOnlyDictionary<string, Division> divisions, CancellationToken ct)
    {
        var floors = plan.Targets.FirstOrDefault(t => t.Scope == "park" && t.ValuesByCategory is not null)?.ValuesByCategory;
        // R&D as reported, else summed over the park's units (二(五)17); GDP only as reported.
        var measures = await new Parks.ParkFigureRollup(db).LoadAsync(year, ct);
        var rows = (await db.Parks.AsNoTracking().Select(p => new { p.Id, p.Name, p.Category, p.DivisionCode }).ToListAsync(ct))
            .Select(p => new { p.Id, p.Name, p.Category, p.DivisionCode, Gdp = measures[p.Id].GdpFen, Rd = measures[p.Id].RdTotalFen.Value })
            .ToList();
        return rows.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => new ParkFloor(
            r.Id, r.Name, r.Category, r.DivisionCode, LeagueCityOf(r.DivisionCode, divisions),
            r.Gdp is > 0 && r.Rd is { } rd ? IndicatorCalculator.RoundPercent(100m * rd / r.Gdp.Value) : null,
            floors?.GetValueOrDefault(r.Category))).ToList();
    }

    public static string LeagueCityOf(string code, IReadOnlyDictionary<string, Division> divisions)
    {
        var d = divisions.GetValueOrDefault(code);
        while (d is not null && d.Level == DivisionLevels.County && d.ParentCode is { } parent)
        {
            d = divisions.GetValueOrDefault(parent);
        }
        return d?.Code ?? code;
    }
}
