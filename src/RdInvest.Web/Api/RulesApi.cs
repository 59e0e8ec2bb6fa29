using Microsoft.AspNetCore.Http.HttpResults;
using RdInvest.Accounts;
using RdInvest.Calculation;
using RdInvest.Common;
using RdInvest.Policy;
using RdInvest.Web.Security;

namespace RdInvest.Web.Api;

/// <summary>
/// The incentive rules of the plan (rules as code): list, compute one case with its explanation, and batches — all
/// through <see cref="CalcHandler"/>, like <c>rdinvest calc</c>.
/// </summary>
public static class RulesApi
{
    public static RouteGroupBuilder MapRulesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/rules").WithTags("rules");
        g.MapGet("/", List).WithSummary("全部规则（条款、输入、参数）/ every rule with its clause, inputs and parameters");
        g.MapPost("/{rule}/calc", Calc).WithSummary("计算一个案例并给出解释；set 为假设参数；金额或比率超出范围则 422 / compute one case with its explanation; set = what-if parameters; 422 when an amount or rate is out of range");
        // A batch computes for many enterprises at once: region roles and finance, like the subsidy rounds it previews.
        g.MapPost("/{rule}/batch", Batch).DisableAntiforgery().RequireRoles(Roles.SubsidyRunners)
            .WithSummary("批量计算：上传 CSV/XLSX（至多 100,000 行），每行一个案例，逐行返回结果与合计；?set=name=value 为假设参数（可重复），?date=、?plan= 可选；有被拒绝的行则 422；超过行数或结果大小上限则 413 / batch: upload a CSV/XLSX (at most 100,000 rows), one case per row; results streamed, with totals; ?set= what-if (repeatable); 422 with every rejected row; 413 beyond the row or answer-size limit");
        return g;
    }

    public static Ok<IReadOnlyList<RuleDefinition>> List() => TypedResults.Ok(RuleRegistry.All);

    public static async Task<Results<Ok<CalcResult>, ProblemHttpResult>> Calc(string rule, CalcRequest request, CalcHandler calc, [AsParameters] ApiServices s)
    {
        try
        {
            return TypedResults.Ok(await calc.HandleAsync(rule, request, s.Api.Ct));
        }
        catch (UserError e) when (ApiProblems.Known(s.Api.Http, e) is { } problem)
        {
            return problem;
        }
    }

    /// <summary>The same run as <c>rdinvest calc RULE --batch FILE</c>, within <see cref="BatchLimits.Web"/>, streamed.</summary>
    public static async Task<Results<BatchJsonResult, ProblemHttpResult>> Batch(string rule, IFormFile file, string? date, string? plan,
        [Microsoft.AspNetCore.Mvc.FromQuery] string[]? set, CalcHandler calc, [AsParameters] ApiServices s)
    {
        var input = file.OpenReadStream();
        try
        {
            var batch = await calc.BatchAsync(rule, new CalcBatchRequest(date, plan, set ?? []), input, file.FileName, BatchLimits.Web, s.Api.Ct);
            return new BatchJsonResult(batch, input);
        }
        catch (UserError e) when (ApiProblems.Known(s.Api.Http, e) is { } problem)
        {
            await input.DisposeAsync();
            return problem;
        }
        catch
        {
            await input.DisposeAsync();
            throw;
        }
    }
}
