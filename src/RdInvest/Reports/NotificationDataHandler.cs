using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RdInvest.Assessment;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Indicators;
using RdInvest.Parks;
using RdInvest.Plans;
using RdInvest.Targets;

namespace RdInvest.Reports;

public sealed record NotificationDataRequest(int Year, string PlanId);

/// <summary>
/// Gathers the annual notification of target completion (年度目标完成情况通报, 三(三)) from the same handlers as
/// `rdinvest progress`, `assess` and `parks`, so the report and those commands cannot disagree.
/// </summary>
public sealed class NotificationDataHandler(RdInvestDb db)
{
    public async Task<NotificationData> HandleAsync(NotificationDataRequest request, CancellationToken ct)
    {
        var year = request.Year;
        var plan = await new PlanResolver(db).ResolveAsync(request.PlanId, ct);
        var planRow = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == plan.Id, ct);
        var region = await new ProgressHandler(db).HandleAsync(new ProgressRequest(plan.Id, year, null), ct);
        var assessment = await new AssessHandler(db).HandleAsync(new AssessRequest(year, plan.Id), ct);
        var parks = await new ParksHandler(db).HandleAsync(new ParksRequest(year, null, plan.Id), ct);

        var indicators = new IndicatorsHandler(db);
        var first = Math.Min(plan.BaseYear - 1, year - 1);
        await indicators.PrepareAsync(Enumerable.Range(first, year - first + 1), ct);
        var divisions = indicators.Divisions;
        var leagueDivs = divisions.Values.Where(d => d.Level == DivisionLevels.LeagueCity).OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
        var leaguePairs = leagueDivs.Select(d => (d.Code, d.NameZh)).ToList();
        var parkFloors = await ProgressHandler.ParkFloorsAsync(db, plan, year, divisions, ct);
        var levelTarget = plan.Targets.FirstOrDefault(t => t.Kind == TargetKinds.Level && t.Indicator == "rd_total" && t.Scope == "region");

        var reported = 0;
        var derived = 0;
        var leagues = new List<LeagueLine>();
        foreach (var d in leagueDivs)
        {
            var rd = indicators.Get(d.Code, year, "rd_total");
            var growth = indicators.Get(d.Code, year, "rd_growth");
            var intensity = indicators.Get(d.Code, year, "rd_intensity");
            foreach (var v in new[] { rd, growth, intensity }.Where(v => v.Value is not null))
            {
                if (v.Provenance == "reported")
                {
                    reported++;
                }
                else
                {
                    derived++;
                }
            }
            TargetProgress? t2 = null;
            if (levelTarget is not null)
            {
                // Same calculator as `rdinvest progress --division CODE`: T2 split by the base-year share.
                t2 = ProgressCalculator.Evaluate(new ProgressCalculator.Context(
                    plan, year, d.Code, d.Level, region.Division, leaguePairs, parkFloors, indicators)).FirstOrDefault(p => p.Id == levelTarget.Id);
            }
            var a = assessment.Results.FirstOrDefault(r => r.Division == d.Code);
            leagues.Add(new LeagueLine(d.Code, d.NameZh, rd.Value, rd.Provenance, growth.Value, intensity.Value, intensity.Provenance,
                t2?.TargetEndValue, rd.Value is { } act && t2?.TargetEndValue is > 0 ? IndicatorCalculator.RoundPercent(100m * act / t2.TargetEndValue.Value) : null,
                t2?.RequiredGrowth, a?.Total, a?.Rank, a?.Grade));
        }

        var trajectories = Trajectories(plan, year, region.Division, indicators);

        var notes = await NotesAsync(year, plan, planRow.Source, reported, derived, region, leagues, assessment, parks, ct);
        return new NotificationData(year, plan.Id, plan.TitleZh, plan.DocumentNumber, plan.BaseYear, plan.EndYear,
            region, leagues, assessment, parks, trajectories, notes);
    }

    /// <summary>T1/T2 on rd_total and T3/T4 on rd_gov_funds: the actual from the base year, and each target's path to the end year.</summary>
    private static List<TrajectorySeries> Trajectories(Plan plan, int year, string region, IndicatorsHandler indicators)
    {
        var b = plan.BaseYear;
        var years = Enumerable.Range(b, plan.EndYear - b + 1).ToList();
        var result = new List<TrajectorySeries>();
        foreach (var group in plan.Targets.Where(t => t.Scope == "region" && t.Kind is TargetKinds.Growth or TargetKinds.Level && t.Value is not null)
                     .GroupBy(t => t.Indicator))
        {
            var baseValue = indicators.Get(region, b, group.Key).Value;
            var actual = years.Select(y => y <= year ? indicators.Get(region, y, group.Key).Value : null).ToList();
            var paths = new List<(string, IReadOnlyList<decimal?>)>();
            foreach (var t in group)
            {
                var values = years.Select(y => baseValue is not { } bv || bv <= 0 ? (decimal?)null
                    : t.Kind == TargetKinds.Growth
                        ? decimal.Round(Trajectory.ExpectedGrowth(bv, t.Value!.Value / 100m, b, y), 2)
                        : decimal.Round(Trajectory.ExpectedLevel(bv, t.Value!.Value, b, plan.EndYear, y), 2)).ToList();
                paths.Add(($"{t.Id} {t.TitleZh}", values));
            }
            var title = group.Key switch
            {
                "rd_total" => "全社会R&D经费 / total R&D expenditure",
                "rd_gov_funds" => "R&D经费中政府资金 / government funds within R&D",
                "hei_rd" => "高校和科研院所R&D经费 / R&D of universities and institutes",
                _ => group.Key,
            };
            result.Add(new TrajectorySeries($"{title}（{string.Join("、", group.Select(t => t.Id))}）", group.Key, years, actual, paths));
        }
        return result;
    }

    private async Task<DataNotes> NotesAsync(int year, Plan plan, string planText, int reported, int derived,
        ProgressResult region, List<LeagueLine> leagues, AssessResult assessment, ParksResult parks, CancellationToken ct)
    {
        var from = Math.Min(plan.BaseYear - 1, year - 1);
        var syntheticRecords = await db.RdRecords.CountAsync(r => r.Year >= from && r.Year <= year && r.IsSynthetic, ct);
        var syntheticParks = await db.Parks.CountAsync(p => p.IsSynthetic, ct);
        var syntheticFigures = await db.DivisionFigures.CountAsync(f => f.Year >= from && f.Year <= year && f.IsSynthetic, ct);
        var asOf = new[]
        {
            await db.RdRecords.Where(r => r.Year >= from && r.Year <= year).MaxAsync(r => (DateTime?)r.UpdatedAt, ct),
            await db.DivisionFigures.Where(r => r.Year >= from && r.Year <= year).MaxAsync(r => (DateTime?)r.UpdatedAt, ct),
            await db.ParkFigures.Where(r => r.Year == year).MaxAsync(r => (DateTime?)r.UpdatedAt, ct),
            await db.Certifications.MaxAsync(r => (DateTime?)r.UpdatedAt, ct),
        }.Max();
        var sources = await db.DivisionFigures.Where(f => f.Year >= from && f.Year <= year && f.Source != null)
            .Select(f => f.Source!).Distinct().OrderBy(s => s).ToListAsync(ct);

        // The fingerprint covers the plan text, the parameters of this report and every figure it shows, in a canonical
        // invariant JSON; the creation time is not in it, so the same data gives the same fingerprint.
        var canonical = JsonSerializer.Serialize(new
        {
            parameters = new { year, plan = plan.Id, report = "notification-v1" },
            progress = ProgressView.Of(region),
            leagues,
            assessment = AssessView.Of(assessment),
            parks = ParksView.Of(parks),
            as_of = asOf?.ToString("O", CultureInfo.InvariantCulture),
        });
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(planText + "\n" + canonical)));
        return new DataNotes(asOf is { } a ? DateTime.SpecifyKind(a, DateTimeKind.Utc) : null, reported, derived, syntheticRecords, syntheticParks, syntheticFigures,
            fingerprint, sources);
    }
}
