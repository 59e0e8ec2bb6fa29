using Microsoft.EntityFrameworkCore;
using RdInvest.Data;
using RdInvest.Indicators;
using RdInvest.Plans;

namespace RdInvest.Targets;

/// <summary>The divisions to evaluate, in order; null: the region and every league/city.</summary>
public sealed record TargetsOverviewRequest(int Year, string PlanId, bool Preliminary, IReadOnlyList<string>? Divisions = null);

/// <summary>A target as the plan states it: its clause, its title in both languages, its indicator, kind and value.</summary>
public sealed record TargetDefinition(string Id, string Clause, string TitleZh, string? TitleEn, string Indicator, string Scope, string Kind,
    decimal? Value, string Unit);

/// <summary>The progress of one division on every target that applies to it.</summary>
public sealed record DivisionTargets(string Code, string NameZh, string NameEn, string Level, IReadOnlyList<TargetProgress> Targets);

public sealed record TargetsOverview(string PlanId, string PlanTitleZh, string? PlanTitleEn, string DocumentNumber, int Year, int BaseYear, int EndYear,
    IReadOnlyList<TargetDefinition> Definitions, IReadOnlyList<DivisionTargets> Divisions, bool Synthetic);

/// <summary>
/// Progress on every target of a plan (T1–T14) for several divisions at once — the region and each league/city —
/// with the plan's own wording of each target. The same evaluation as `rdinvest progress`
/// (<see cref="ProgressCalculator"/>), with the measures of each year read once for all divisions.
/// </summary>
public sealed class TargetsOverviewHandler(RdInvestDb db)
{
    public async Task<TargetsOverview> HandleAsync(TargetsOverviewRequest request, CancellationToken ct)
    {
        var plan = await new PlanStore(db, TimeProvider.System).GetAsync(request.PlanId, ct);
        var indicators = new IndicatorsHandler(db, request.Preliminary, plan);
        var divisions = new List<DivisionTargets>();
        var codes = request.Divisions ?? [.. await db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevels.Region).Select(d => d.Code).ToListAsync(ct),
            .. (await db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevels.LeagueCity).Select(d => d.Code).ToListAsync(ct)).Order(StringComparer.Ordinal)];
        foreach (var code in codes)
        {
            if (await EvaluateAsync(db, plan, request.Year, code, indicators, ct) is { } d)
            {
                divisions.Add(d);
            }
        }
        var definitions = plan.Targets.Select(t => new TargetDefinition(t.Id, t.Clause, t.TitleZh, t.TitleEn, t.Indicator, t.Scope, t.Kind, t.Value, t.Unit)).ToList();
        var synthetic = await SyntheticData.InYearAsync(db, request.Year, ct);
        return new TargetsOverview(plan.Id, plan.TitleZh, plan.TitleEn, plan.DocumentNumber, request.Year, plan.BaseYear, plan.EndYear, definitions, divisions, synthetic);
    }

    /// <summary>
    /// One division's progress through an indicator source that may already hold the years (prepared once, shared
    /// by the callers); null when the division does not exist.
    /// </summary>
    public static async Task<DivisionTargets?> EvaluateAsync(RdInvestDb db, Plan plan, int year, string division, IndicatorsHandler indicators, CancellationToken ct)
    {
        await indicators.PrepareAsync(Enumerable.Range(plan.BaseYear - 1, Math.Max(year, plan.BaseYear) - plan.BaseYear + 2), ct);
        var all = indicators.Divisions;
        if (all.GetValueOrDefault(division) is not { } d || all.Values.FirstOrDefault(x => x.Level == DivisionLevels.Region) is not { } region)
        {
            return null;
        }
        var leagues = all.Values.Where(x => x.Level == DivisionLevels.LeagueCity).OrderBy(x => x.Code, StringComparer.Ordinal).Select(x => (x.Code, x.NameZh)).ToList();
        var parks = await ProgressHandler.ParkFloorsAsync(db, plan, year, all, ct);
        var targets = ProgressCalculator.Evaluate(new ProgressCalculator.Context(plan, year, d.Code, d.Level, region.Code, leagues, parks, indicators));
        return new DivisionTargets(d.Code, d.NameZh, d.NameEn, d.Level, targets);
    }
}
