using Microsoft.EntityFrameworkCore;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Indicators;
using RdInvest.Plans;
using RdInvest.Targets;

namespace RdInvest.Parks;

public sealed record ParksRequest(int Year, string? Category, string? PlanId = null);

/// <summary>A park for the year: figures in yuan, its intensity against the T12 floor, and its evaluation.</summary>
public sealed record ParkRow(
    string ParkId, string Name, string Category, string CategoryZh, string DivisionCode, string LeagueCity, string LeagueCityName,
    decimal? GdpYuan, decimal? RevenueYuan, decimal? RdTotalYuan, int? RdInstitutions, int? HteCount, int? InventionPatents,
    decimal? Intensity, decimal? Floor, bool? Met, bool IsSynthetic, ParkIndexScore Index);

public sealed record ParksResult(int Year, string Plan, string Normalisation, IReadOnlyDictionary<string, decimal> Weights,
    decimal SensitivityShift, string Clause, IReadOnlyList<ParkRow> Parks);

/// <summary>
/// `rdinvest parks`: every park with its figures, its park R&amp;D intensity against its category floor (T12,
/// clause 二(四)12) and the evaluation index of clause 二(五)17 (<see cref="ParkIndex"/>). The index is computed over
/// all the year's parks; a category filter only narrows what is shown.
/// </summary>
public sealed class ParksHandler(RdInvestDb db, PlanResolver? plans = null)
{

    /// <summary>The scheme used when a plan has no park_index block: equal weights, min-max, ±50 % (二(五)17).</summary>
    public static readonly ParkIndexScheme DefaultScheme = new()
    {
        Clause = "二(五)17",
        Normalisation = Normalisations.MinMax,
        SensitivityShift = 0.5m,
        Weights = new Dictionary<string, decimal> { ["rd_total"] = 0.25m, ["rd_institutions"] = 0.25m, ["hte_count"] = 0.25m, ["invention_patents"] = 0.25m },
    };

    public async Task<ParksResult> HandleAsync(ParksRequest request, CancellationToken ct)
    {
        if (request.Category is { } c && !ParkCategories.All.Contains(c))
        {
            throw new UserError($"没有园区类别 {c}（可选：{string.Join("、", ParkCategories.All)}）",
                $"no park category {c} (one of {string.Join(", ", ParkCategories.All)})", 2);
        }
        var plan = await (plans ?? new PlanResolver(db)).ResolveAsync(request.PlanId, ct);
        var scheme = plan.ParkIndex ?? DefaultScheme;
        var divisions = await db.Divisions.AsNoTracking().ToDictionaryAsync(d => d.Code, StringComparer.Ordinal, ct);
        var floors = await ProgressHandler.ParkFloorsAsync(db, plan, request.Year, divisions, ct);
        // Reported figures, else the sums over the member units (二(五)17).
        var figures = await new ParkFigureRollup(db).LoadAsync(request.Year, ct);
        var parks = await db.Parks.AsNoTracking().ToDictionaryAsync(p => p.Id, StringComparer.Ordinal, ct);

        var inputs = floors.Select(f =>
        {
            var fig = figures.GetValueOrDefault(f.ParkId);
            return new ParkIndexInput(f.ParkId, f.Category, Values(scheme, fig));
        }).ToList();
        var scores = ParkIndex.Evaluate(inputs, scheme).ToDictionary(s => s.ParkId, StringComparer.Ordinal);

        var rows = floors
            .Where(f => request.Category is null || f.Category == request.Category)
            .Select(f =>
            {
                var fig = figures.GetValueOrDefault(f.ParkId);
                var park = parks[f.ParkId];
                return new ParkRow(f.ParkId, f.NameZh, f.Category, ParkCategoryNames.Zh(f.Category), f.DivisionCode, f.LeagueCity,
                    divisions.GetValueOrDefault(f.LeagueCity)?.NameZh ?? f.LeagueCity,
                    Money.ToYuan(fig?.GdpFen), Money.ToYuan(fig?.RevenueFen), Money.ToYuan(fig?.RdTotalFen.Value),
                    (int?)fig?.RdInstitutions.Value, (int?)fig?.HteCount.Value, (int?)fig?.InventionPatents.Value, f.Intensity, f.Floor, f.Met,
                    park.IsSynthetic || fig?.ReportedSynthetic == true, scores[f.ParkId]);
            })
            .OrderBy(r => r.Index.Rank ?? int.MaxValue).ThenBy(r => r.ParkId, StringComparer.Ordinal)
            .ToList();
        return new ParksResult(request.Year, plan.Id, scheme.Normalisation, ParkIndex.Renormalise(scheme.Weights), scheme.SensitivityShift, scheme.Clause, rows);
    }

    /// <summary>The index inputs by the plan's weight keys; an unknown key is a plan error, not a silent zero.</summary>
    private static Dictionary<string, decimal?> Values(ParkIndexScheme scheme, ParkMeasures? f) =>
        scheme.Weights.Keys.ToDictionary(k => k, k => k switch
        {
            "rd_total" => Money.ToYuan(f?.RdTotalFen.Value),
            "rd_institutions" => (decimal?)f?.RdInstitutions.Value,
            "hte_count" => f?.HteCount.Value,
            "invention_patents" => f?.InventionPatents.Value,
            "gdp" => Money.ToYuan(f?.GdpFen),
            "revenue" => Money.ToYuan(f?.RevenueFen),
            "park_rd_intensity" => f?.GdpFen is > 0 && f.RdTotalFen.Value is { } rd ? IndicatorCalculator.RoundPercent(100m * rd / f.GdpFen.Value) : null,
            _ => throw new PlanException($"园区评价指标 {k} 未知（可用 rd_total、rd_institutions、hte_count、invention_patents、gdp、revenue、park_rd_intensity）",
                $"unknown park index indicator {k} (rd_total, rd_institutions, hte_count, invention_patents, gdp, revenue, park_rd_intensity)"),
        }, StringComparer.Ordinal);
}

/// <summary>Chinese names of the six park categories of clause 二(四)12.</summary>
public static class ParkCategoryNames
{
    public static string Zh(string category) => category switch
    {
        ParkCategories.NationalHtz => "国家高新区",
        ParkCategories.AspiringHtz => "争创国家高新区的自治区高新区",
        ParkCategories.RegionHtz => "自治区高新区",
        ParkCategories.NationalAgriDemo => "国家农业高新技术产业示范区",
        ParkCategories.NationalAgriPark => "国家农业科技园区",
        ParkCategories.RegionAgriPark => "自治区农业科技园区",
        _ => category,
    };
}
