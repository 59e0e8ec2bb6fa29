using RdInvest.Data;
using RdInvest.Indicators;
using RdInvest.Plans;

namespace RdInvest.Targets;

public sealed record DashboardRequest(string Division, int Year, string PlanId, bool Preliminary, string MapIndicator = "rd_total");

/// <summary>
/// A headline figure: its value and provenance, the change on the year before (percent, or percentage points for a
/// rate), and the status of the target on the same indicator (no_data when no target or no value).
/// </summary>
public sealed record DashboardCard(string Indicator, IndicatorValue Value, decimal? Change, bool ChangeInPoints, string Status, string? TargetId);

/// <summary>One target's path to the end year (values in the indicator's unit, by <see cref="DashboardTrajectory.Years"/>).</summary>
public sealed record TrajectoryPath(string TargetId, string TitleZh, IReadOnlyList<decimal?> Values, decimal? EndValue, decimal? RequiredGrowth, string Status);

/// <summary>The actual values from the base year to the shown year against each target's path (T1–T4, T13).</summary>
public sealed record DashboardTrajectory(string Indicator, string Unit, IReadOnlyList<int> Years, IReadOnlyList<decimal?> Actual, IReadOnlyList<TrajectoryPath> Paths);

/// <summary>A league/city or county line: the map's indicator and the table's figures, null outside the reader's scope.</summary>
public sealed record DashboardArea(string Code, string NameZh, string NameEn, string Level, bool Visible,
    IndicatorValue MapValue, IndicatorValue RdTotal, IndicatorValue RdGrowth, IndicatorValue Intensity, IndicatorValue GovFunds);

/// <summary>Everything the dashboard (and the public portal, on final data) shows for one division and year.</summary>
public sealed record Dashboard(string Division, string NameZh, string NameEn, string Level, int Year, int BaseYear, int EndYear, bool Preliminary,
    IReadOnlyList<DashboardCard> Cards, IReadOnlyList<DashboardTrajectory> Trajectories, string MapIndicator,
    IReadOnlyList<DashboardArea> Leagues, IReadOnlyList<DashboardArea> Children, DashboardArea Self);

/// <summary>
/// The dashboard of a division and year: headline cards (R&amp;D, intensity, government funds, high-tech enterprises,
/// tech SMEs) with year-on-year change and the target status, the trajectories of T1–T4 and T13, and every
/// league/city and child division with the map's indicator. The same handlers as `rdinvest indicators` and
/// `rdinvest progress`; the visible set (null: all) hides the figures of divisions outside the reader's scope.
/// </summary>
public sealed class DashboardHandler(RdInvestDb db)
{
    public static readonly IReadOnlyList<string> CardIndicators = ["rd_total", "rd_intensity", "rd_gov_funds", "hte_count", "tsme_count"];

    public static readonly IReadOnlyList<string> TrajectoryTargets = ["T1", "T2", "T3", "T4", "T13"];

    /// <summary>Indicators the map may be coloured by.</summary>
    public static readonly IReadOnlyList<string> MapIndicators = ["rd_total", "rd_intensity", "rd_growth", "rd_gov_funds", "hte_count", "tsme_count"];

    public async Task<Dashboard> HandleAsync(DashboardRequest request, IReadOnlySet<string>? visible, CancellationToken ct)
    {
        var plan = await new PlanResolver(db).ResolveAsync(request.PlanId, ct);
        var year = request.Year;
        var indicators = new IndicatorsHandler(db, request.Preliminary, plan);
        var progress = await new ProgressHandler(db, request.Preliminary).HandleAsync(new ProgressRequest(plan.Id, year, request.Division), plan, indicators, ct);
        var first = Math.Min(plan.BaseYear, year - 1);
        await indicators.PrepareAsync(Enumerable.Range(first, year - first + 1), ct);
        var divisions = indicators.Divisions;
        var self = divisions[request.Division];
        var mapIndicator = MapIndicators.Contains(request.MapIndicator) ? request.MapIndicator : MapIndicators[0];

        var cards = CardIndicators.Select(key =>
        {
            var v = indicators.Get(self.Code, year, key);
            var prev = indicators.Get(self.Code, year - 1, key).Value;
            var points = v.Unit == IndicatorUnits.Percent;
            decimal? change = v.Value is { } cur && prev is { } p
                ? points ? cur - p : p == 0 ? null : decimal.Round(100m * (cur / p - 1m), 2)
                : null;
            var target = progress.Targets.FirstOrDefault(t => t.Indicator == key && t.Actual is not null);
            return new DashboardCard(key, v, change, points, target?.Status ?? TargetStatus.NoData, target?.Id);
        }).ToList();

        var years = Enumerable.Range(plan.BaseYear, plan.EndYear - plan.BaseYear + 1).ToList();
        var trajectories = progress.Targets.Where(t => TrajectoryTargets.Contains(t.Id)).GroupBy(t => t.Indicator).Select(g =>
        {
            var actual = years.Select(y => y <= year ? indicators.Get(self.Code, y, g.Key).Value : null).ToList();
            var paths = g.Select(t => new TrajectoryPath(t.Id, t.TitleZh, years.Select(y => Path(t, y, plan.EndYear)).ToList(),
                t.TargetEndValue, t.RequiredGrowth, t.Status)).ToList();
            return new DashboardTrajectory(g.Key, g.First().Unit, years, actual, paths);
        }).ToList();

        DashboardArea Area(Division d)
        {
            var shown = visible is null || visible.Contains(d.Code);
            IndicatorValue V(string key) => shown ? indicators.Get(d.Code, year, key) : IndicatorValue.Missing(IndicatorUnits.Yuan, Reason.NoData);
            return new DashboardArea(d.Code, d.NameZh, d.NameEn, d.Level, shown, V(mapIndicator), V("rd_total"), V("rd_growth"), V("rd_intensity"), V("rd_gov_funds"));
        }
        var leagues = divisions.Values.Where(d => d.Level == DivisionLevels.LeagueCity).OrderBy(d => d.Code, StringComparer.Ordinal).Select(Area).ToList();
        var children = divisions.Values.Where(d => d.ParentCode == self.Code).OrderBy(d => d.Code, StringComparer.Ordinal).Select(Area).ToList();
        return new Dashboard(self.Code, self.NameZh, self.NameEn, self.Level, year, plan.BaseYear, plan.EndYear, request.Preliminary,
            cards, trajectories, mapIndicator, leagues, children, Area(self));
    }

    /// <summary>The value a target's path expects in a year: compound growth, or the geometric path to the level.</summary>
    private static decimal? Path(TargetProgress t, int year, int endYear)
    {
        if (t.BaseValue is not { } b || b <= 0)
        {
            return null;
        }
        return t.Kind switch
        {
            TargetKinds.Growth when t.TargetValue is { } rate => decimal.Round(Trajectory.ExpectedGrowth(b, rate / 100m, t.BaseYear, year), 2),
            TargetKinds.Level when t.TargetEndValue is { } end && end > 0 => decimal.Round(Trajectory.ExpectedLevel(b, end, t.BaseYear, endYear, year), 2),
            _ => null,
        };
    }
}
