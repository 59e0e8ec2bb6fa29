using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Indicators;
using RdInvest.Plans;

namespace RdInvest.Assessment;

public sealed record AssessRequest(int Year, string? PlanId = null);

public sealed record AssessResult(int Year, string Plan, string Clause, IReadOnlyList<AssessmentCriterion> Criteria, IReadOnlyList<AssessmentRow> Results);

/// <summary>
/// `rdinvest assess`: every league/city scored on the plan's assessment scheme for the year (三(三)), from the
/// indicators (reported figures win over derived sums). Scoring is <see cref="AssessmentScorer"/>.
/// </summary>
public sealed class AssessHandler(RdInvestDb db, PlanResolver? plans = null)
{

    public async Task<AssessResult> HandleAsync(AssessRequest request, CancellationToken ct)
    {
        var plan = await (plans ?? new PlanResolver(db)).ResolveAsync(request.PlanId, ct);
        var scheme = plan.Assessment ?? throw new UserError($"方案 {plan.Id} 没有考核方案（assessment）", $"plan {plan.Id} has no assessment scheme");
        var indicators = new IndicatorsHandler(db);
        await indicators.PrepareAsync([request.Year - 1, request.Year], ct);
        var leagues = indicators.Divisions.Values.Where(d => d.Level == DivisionLevels.LeagueCity).OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
        var inputs = leagues.Select(l => new AssessedDivision(l.Code, l.NameZh, scheme.Criteria.ToDictionary(c => c.Id, c =>
        {
            var v = indicators.Get(l.Code, request.Year, c.Indicator);
            return new CriterionInput(v.Value, v.Provenance, v.Value is null ? $"{v.ReasonZh ?? "无数据"} / {v.Reason ?? "no data"}" : null);
        }))).ToList();
        // Reporting quality is shown beside the score, not scored (the scheme has no criterion for it).
        var quality = (await new ReportingQualityHandler(db).HandleAsync(request.Year, ct)).ToDictionary(q => q.Division);
        var results = AssessmentScorer.Score(scheme, inputs)
            .Select(r => quality.GetValueOrDefault(r.Division) is { } q
                ? r with { ReportingQuality = q.ReportingRate, ImportErrorRate = q.ErrorRate, ImportWarningRate = q.WarningRate }
                : r)
            .OrderBy(r => r.Rank).ThenBy(r => r.Division, StringComparer.Ordinal).ToList();
        return new AssessResult(request.Year, plan.Id, scheme.Clause, scheme.Criteria, results);
    }
}
