using RdInvest.Indicators;
using RdInvest.Plans;

namespace RdInvest.Targets;

/// <summary>
/// Progress on one target for one division and year. Money in yuan, rates and shares in percent; null where not
/// computable (then <see cref="Reason"/> says why). <see cref="TargetValue"/> is the plan's figure (for a growth
/// target its rate); <see cref="TargetEndValue"/> is the end-year value it implies for this division.
/// </summary>
public sealed record TargetProgress(
    string Id, string Clause, string TitleZh, string Indicator, string Kind, string Unit,
    int BaseYear, decimal? BaseValue, decimal? TargetValue, decimal? TargetEndValue,
    decimal? Actual, decimal? Expected, decimal? RealisedCagr, decimal? RequiredGrowth, decimal? ProgressRatio,
    string Status, string? Reason);

/// <summary>A park's standing against its category floor (T12), input to the park-scoped targets.</summary>
public sealed record ParkFloor(string ParkId, string NameZh, string Category, string DivisionCode, string LeagueCity, decimal? Intensity, decimal? Floor)
{
    public bool? Met => Intensity is { } i && Floor is { } f ? i >= f : null;
}

/// <summary>The values progress needs, by division, year and indicator key.</summary>
public interface IIndicatorSource
{
    IndicatorValue Get(string division, int year, string key);
}

/// <summary>
/// Evaluates every target of a plan. Pure: indicators come in through
/// <see cref="IIndicatorSource"/>, the at-risk ratio from the plan's dated parameter progress.at_risk_ratio.
/// </summary>
public static class ProgressCalculator
{
    public const string AtRiskParameter = "progress.at_risk_ratio";

    public sealed record Context(
        Plan Plan, int Year, string Division, string Level, string Region,
        IReadOnlyList<(string Code, string NameZh)> LeagueCities, IReadOnlyList<ParkFloor> Parks, IIndicatorSource Source);

    public static IReadOnlyList<TargetProgress> Evaluate(Context c)
    {
        var ratio = c.Plan.Parameters.ContainsKey(AtRiskParameter)
            ? c.Plan.ParameterAt(AtRiskParameter, new DateOnly(c.Year, 12, 31)).AsDecimal()
            : 0.95m;
        var result = new List<TargetProgress>();
        foreach (var t in c.Plan.Targets)
        {
            var p = t.Scope switch
            {
                "park" when c.Level != "county" => Parks(c, t),
                "park" => null,
                "league_city" when t.Basis == "previous_year" && c.Level == "region" => YearOnYearAcrossCities(c, t),
                "league_city" when t.Basis == "previous_year" && c.Level == "league_city" => YearOnYear(c, t, c.Division),
                "league_city" => null,
                _ => Trajectoried(c, t, ratio),
            };
            if (p is not null)
            {
                result.Add(p);
            }
        }
        return result;
    }

    private static TargetProgress Base(Context c, PlanTarget t, string unit) => new(
        t.Id, t.Clause, t.TitleZh, t.Indicator, t.Kind, unit, c.Plan.BaseYear, null, t.Value, null,
        null, null, null, null, null, TargetStatus.NoData, null);

    private static decimal? Pct(decimal? fraction) => fraction is { } f ? IndicatorCalculator.RoundPercent(100m * f) : null;

    private static TargetProgress Trajectoried(Context c, PlanTarget t, decimal atRisk)
    {
        var plan = c.Plan;
        var b = plan.BaseYear;
        var T = plan.EndYear;
        var baseV = c.Source.Get(c.Division, b, t.Indicator);
        var unit = baseV.Unit;
        var p = Base(c, t, unit) with { BaseValue = baseV.Value };
        var actualV = c.Source.Get(c.Division, c.Year, t.Indicator);
        p = p with { Actual = actualV.Value };

        // Latest year with an actual, up to the requested year: the starting point of the required growth.
        int? latestYear = null;
        decimal? latest = null;
        for (var y = c.Year; y > b; y--)
        {
            if (c.Source.Get(c.Division, y, t.Indicator).Value is { } v)
            {
                latestYear = y;
                latest = v;
                break;
            }
        }

        if (t.Kind is TargetKinds.Share or TargetKinds.Count)
        {
            var target = t.Value!.Value;
            p = p with { TargetEndValue = target };
            if (latest is { } l && latestYear is { } ly && t.Kind == TargetKinds.Count)
            {
                p = p with { RequiredGrowth = Pct(Trajectory.RequiredGrowth(target, l, ly, T)) };
            }
            if (actualV.Value is not { } actual)
            {
                return p with { Reason = actualV.Reason ?? "no data" };
            }
            var expected = baseV.Value is { } bv && c.Year > b ? Trajectory.ExpectedLinear(bv, target, b, T, Math.Min(c.Year, T)) : (decimal?)null;
            var status = actual >= target ? TargetStatus.Achieved
                : expected is { } e ? Trajectory.Status(actual, e, atRisk)
                : TargetStatus.Behind;
            return p with
            {
                Expected = expected is { } ex ? decimal.Round(ex, 4) : null,
                ProgressRatio = target == 0 ? null : IndicatorCalculator.RoundPercent(actual / target),
                Status = status,
                Reason = expected is null && status != TargetStatus.Achieved ? "no base-year value; compared with the target only" : null,
            };
        }

        if (baseV.Value is not { } baseValue || baseValue <= 0)
        {
            return p with { Reason = $"no base-year ({b}) value: {baseV.Reason ?? "zero"}" };
        }

        // End value for this division: a growth rate compounds the base; a level target is the plan's value, split to a
        // league/city by its base-year share unless the plan gives the city's own value.
        decimal endValue;
        decimal neededCagr;
        if (t.Kind == TargetKinds.Growth)
        {
            var g = t.Value!.Value / 100m;
            endValue = Trajectory.ExpectedGrowth(baseValue, g, b, T);
            neededCagr = g;
        }
        else
        {
            if (c.Level != "region" && t.ValuesByDivision?.GetValueOrDefault(c.Division) is { } own)
            {
                endValue = own;
            }
            else if (c.Level != "region")
            {
                var regionBase = c.Source.Get(c.Region, b, t.Indicator).Value;
                if (regionBase is not { } rb || rb <= 0)
                {
                    return p with { Reason = "no region base-year value to split the target by" };
                }
                endValue = t.Value!.Value * baseValue / rb;
            }
            else
            {
                endValue = t.Value!.Value;
            }
            neededCagr = Trajectory.Pow(endValue / baseValue, 1m / (T - b)) - 1m;
        }
        p = p with
        {
            TargetEndValue = decimal.Round(endValue, 2),
            RequiredGrowth = latest is { } lv && latestYear is { } lyr ? Pct(Trajectory.RequiredGrowth(endValue, lv, lyr, T)) : null,
        };
        if (actualV.Value is not { } act)
        {
            return p with { Reason = actualV.Reason ?? "no data" };
        }
        var exp = t.Kind == TargetKinds.Growth
            ? Trajectory.ExpectedGrowth(baseValue, neededCagr, b, c.Year)
            : Trajectory.ExpectedLevel(baseValue, endValue, b, T, c.Year);
        var cagr = Trajectory.RealisedCagr(baseValue, act, b, c.Year);
        var achieved = act >= endValue && (t.Kind != TargetKinds.Growth || c.Year >= T || cagr >= neededCagr);
        return p with
        {
            Expected = decimal.Round(exp, 2),
            RealisedCagr = Pct(cagr),
            ProgressRatio = cagr is { } cg && neededCagr != 0 ? decimal.Round(cg / neededCagr, 4) : null,
            Status = achieved ? TargetStatus.Achieved : c.Year <= b ? TargetStatus.OnTrack : Trajectory.Status(act, exp, atRisk),
        };
    }

    /// <summary>T14-style: the indicator above its previous-year value (rigid growth) for one league/city.</summary>
    private static TargetProgress YearOnYear(Context c, PlanTarget t, string division)
    {
        var (cur, prev, used) = YearPair(c, t, division);
        var p = Base(c, t, "%") with { Indicator = used };
        if (cur is null || prev is null)
        {
            return p with { Reason = cur is null ? $"no {used} for {c.Year}" : $"no {used} for {c.Year - 1}" };
        }
        if (prev == 0)
        {
            return p with { Actual = cur, Reason = "zero denominator" };
        }
        var growth = IndicatorCalculator.RoundPercent(100m * (cur.Value / prev.Value - 1m));
        var threshold = t.Value ?? 0m;
        return p with
        {
            Actual = growth,
            Expected = threshold,
            Status = growth > threshold ? TargetStatus.Achieved : TargetStatus.Behind,
        };
    }

    private static (decimal? Cur, decimal? Prev, string Indicator) YearPair(Context c, PlanTarget t, string division)
    {
        var cur = c.Source.Get(division, c.Year, t.Indicator).Value;
        var prev = c.Source.Get(division, c.Year - 1, t.Indicator).Value;
        if ((cur is null || prev is null) && t.FallbackIndicator is { } alt)
        {
            return (c.Source.Get(division, c.Year, alt).Value, c.Source.Get(division, c.Year - 1, alt).Value, alt);
        }
        return (cur, prev, t.Indicator);
    }

    /// <summary>Region view of a per-league/city target: how many of them meet it.</summary>
    private static TargetProgress YearOnYearAcrossCities(Context c, PlanTarget t)
    {
        var per = c.LeagueCities.Select(l => (l.NameZh, P: YearOnYear(c, t, l.Code))).ToList();
        var met = per.Count(x => x.P.Status == TargetStatus.Achieved);
        var withData = per.Count(x => x.P.Status != TargetStatus.NoData);
        var missing = per.Where(x => x.P.Status != TargetStatus.Achieved).Select(x => x.NameZh).ToList();
        var p = Base(c, t, "count") with { TargetValue = per.Count, TargetEndValue = per.Count };
        if (withData == 0)
        {
            return p with { Reason = "no league/city has data for both years" };
        }
        return p with
        {
            Actual = met,
            ProgressRatio = per.Count == 0 ? null : IndicatorCalculator.RoundPercent((decimal)met / per.Count),
            Status = met == per.Count ? TargetStatus.Achieved : TargetStatus.Behind,
            Reason = missing.Count == 0 ? null : "未达到 / not met: " + string.Join("、", missing),
        };
    }

    /// <summary>T12-style: parks at or above their category floor.</summary>
    private static TargetProgress Parks(Context c, PlanTarget t)
    {
        var parks = c.Level == "region" ? c.Parks : c.Parks.Where(x => x.LeagueCity == c.Division).ToList();
        var judged = parks.Where(x => x.Met is not null).ToList();
        var p = Base(c, t, "count") with { TargetValue = parks.Count, TargetEndValue = parks.Count };
        if (judged.Count == 0)
        {
            return p with { Reason = parks.Count == 0 ? "no parks" : "no park figures for the year" };
        }
        var met = judged.Count(x => x.Met == true);
        var below = judged.Where(x => x.Met == false).Select(x => x.NameZh).ToList();
        return p with
        {
            Actual = met,
            ProgressRatio = IndicatorCalculator.RoundPercent((decimal)met / parks.Count),
            Status = met == parks.Count ? TargetStatus.Achieved : TargetStatus.Behind,
            Reason = below.Count == 0 ? null : "低于下限 / below floor: " + string.Join("、", below),
        };
    }
}
