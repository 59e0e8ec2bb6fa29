using System.Text.Json.Nodes;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Plans;

namespace RdInvest.Finance;

/// <param name="Year">The evaluated year.</param>
/// <param name="Out">An .xlsx, .pdf or .html of the evaluation table, or null.</param>
/// <param name="PlanId">The plan whose dated weights and top-N apply; null is the default plan.</param>
public sealed record FinanceEvaluationRequest(int Year, string? Out = null, string? PlanId = null);

/// <summary>The evaluation: its weights and top-N (whether the administering department has set them), and the ranked results.</summary>
public sealed record FinanceEvaluationResult(
    int Year, string Clause, string Plan, IReadOnlyDictionary<string, decimal> Weights, int TopN, bool DefaultParameters,
    IReadOnlyList<EvaluationRow> Results);

/// <summary>
/// `rdinvest finance evaluate` and <c>GET /api/v1/finance/evaluation/{year}</c>: the special evaluation (二(三)10) with the
/// plan's weights and top-N in force at the end of the year; the table also as an XLSX, and as a PDF printed like the notification.
/// </summary>
public sealed class FinanceEvaluationHandler(RdInvestDb db, PlanResolver? plans = null)
{
    public const string Sheet = "专项考评 evaluation";

    public async Task<FinanceEvaluationResult> HandleAsync(FinanceEvaluationRequest request, CancellationToken ct)
    {
        if (!Bounds.IsYear(request.Year))
        {
            throw new UserError($"年份 {request.Year} 应在 {Bounds.MinYear}–{Bounds.MaxYear} 之内",
                $"the year {request.Year} must be within {Bounds.MinYear}–{Bounds.MaxYear}", 2);
        }
        var extension = request.Out is { } o ? Path.GetExtension(o).ToLowerInvariant() : null;
        if (extension is not (null or ".xlsx" or ".pdf" or ".html"))
        {
            throw new UserError($"输出文件应为 .xlsx、.pdf 或 .html：{request.Out}", $"the output file must be .xlsx, .pdf or .html: {request.Out}", 2);
        }
        var plan = await (plans ?? new PlanResolver(db)).ResolveAsync(request.PlanId, ct);
        var day = new DateOnly(request.Year, 12, 31);
        var weightsValue = plan.ParameterAt("finance_evaluation.weights", day);
        var topValue = plan.ParameterAt("finance_evaluation.top_n", day);
        var weights = (weightsValue.Value as JsonObject ?? throw new PlanException(
                "参数 finance_evaluation.weights 应为指标到权重的表", "parameter finance_evaluation.weights must be a table of criterion to weight"))
            .ToDictionary(p => p.Key, p => ParameterValue.ToDecimal(p.Value!), StringComparer.Ordinal);
        var unknown = weights.Keys.Except(FinanceEvaluation.Criteria).ToList();
        if (unknown.Count > 0)
        {
            throw new PlanException($"专项考评没有指标 {string.Join("、", unknown)}", $"the evaluation has no criterion {string.Join(", ", unknown)}");
        }
        var topN = (int)topValue.AsDecimal();
        var data = await FinanceDataLoader.LoadAsync(db, ct);
        var results = FinanceEvaluation.Evaluate(FinanceEvaluation.Inputs(data, request.Year), weights, topN);
        var result = new FinanceEvaluationResult(request.Year, FinanceStats.Clause, plan.Id, weights, topN,
            weightsValue.IsDefault || topValue.IsDefault, results);
        switch (extension)
        {
            case ".xlsx":
                TableWriter.WriteSheets(request.Out!, [(Sheet, result.Results.Select(r => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
                {
                    ["rank"] = r.Rank, ["code"] = r.Code, ["name"] = r.Name, ["score"] = r.Score, ["outstanding"] = r.Outstanding,
                }))]);
                break;
            case ".pdf":
                await File.WriteAllBytesAsync(request.Out!, await Reports.PdfPrinter.PrintAsync(FinanceEvaluationHtml.Render(result), ct), ct);
                break;
            case ".html":
                await File.WriteAllTextAsync(request.Out!, FinanceEvaluationHtml.Render(result), ct);
                break;
        }
        return result;
    }
}
