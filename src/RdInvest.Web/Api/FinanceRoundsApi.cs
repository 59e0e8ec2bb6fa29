using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using RdInvest.Accounts;
using RdInvest.Common;
using RdInvest.Finance;
using RdInvest.Plans;
using RdInvest.Web.Security;

namespace RdInvest.Web.Api;

/// <summary>Compute and save a finance round as a draft (plan: an id loaded in the database or built in; default the first plan).</summary>
public sealed record FinanceRoundCreate(int Year, decimal? Budget = null, string? Plan = null);

/// <summary>
/// The finance round (R10, R11, R14–R16, 二(三)7–9): a preview of a year under a budget, and saved rounds — compute and save,
/// review, approve (records the payments, to units and to lending institutions).
/// </summary>
public static class FinanceRoundsApi
{
    public static RouteGroupBuilder MapFinanceRoundsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/finance-rounds").WithTags("finance-rounds");
        g.MapGet("/preview/{year:int}", Preview).RequireRoles(Roles.SubsidyRunners)
            .WithSummary("金融轮次预览：计算、按预算缩减，不保存 / finance round preview: compute and scale to the budget, nothing saved (?budget=, ?plan=)");
        g.MapPost("/", Create).RequireRoles(Roles.SubsidyApprovers)
            .WithSummary("计算并保存为待批准的金融轮次 / compute and save a draft finance round (finance, region admin)");
        g.MapGet("/", List).RequireRoles(Roles.SubsidyReaders).WithSummary("已保存的金融轮次（?year=）/ saved finance rounds");
        g.MapGet("/{id:long}", Show).RequireRoles(Roles.SubsidyReaders).WithSummary("已保存的金融轮次及其名单 / a saved finance round with its lines");
        g.MapPost("/{id:long}/approve", Approve).RequireRoles(Roles.SubsidyApprovers)
            .WithSummary("批准金融轮次并记录发放；已批准、同年已批准或数据已变化则 409 / approve and record the payments; 409 when approved already, another round of the year is approved, or the data changed");
        return g;
    }

    public static async Task<Results<Ok<FinanceRoundResult>, ProblemHttpResult>> Preview(int year, decimal? budget, string? plan, PlanResolver plans, [AsParameters] ApiServices s)
    {
        try
        {
            var p = await plans.ResolveAsync(plan, s.Api.Ct);
            return TypedResults.Ok(await new FinanceRoundHandler(s.Api.Db).HandleAsync(new FinanceRoundRequest(year, budget), p, s.Api.Ct));
        }
        catch (UserError e) when (ApiProblems.Known(s.Api.Http, e) is { } problem)
        {
            return problem;
        }
    }

    public static async Task<Results<Created<SavedFinanceRound>, ProblemHttpResult>> Create(FinanceRoundCreate request, PlanResolver plans, [AsParameters] ApiServices s)
    {
        try
        {
            var plan = await plans.ResolveAsync(request.Plan, s.Api.Ct);
            var saved = await new SavedFinanceRoundHandler(s.Api.Db, s.Api.Clock, plans)
                .SaveAsync(new FinanceRoundRequest(request.Year, request.Budget), plan, s.Api.Actor, s.Api.Ct);
            return TypedResults.Created($"/api/v1/finance-rounds/{saved.Round.Id.ToString(CultureInfo.InvariantCulture)}", saved);
        }
        catch (UserError e) when (ApiProblems.Known(s.Api.Http, e) is { } problem)
        {
            return problem;
        }
    }

    public static async Task<Ok<IReadOnlyList<SavedFinanceRoundSummary>>> List(int? year, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new SavedFinanceRoundHandler(s.Api.Db, s.Api.Clock).ListAsync(year, s.Api.Ct));

    public static async Task<Ok<SavedFinanceRound>> Show(long id, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new SavedFinanceRoundHandler(s.Api.Db, s.Api.Clock).GetAsync(id, s.Api.Ct));

    public static async Task<Results<Ok<ApprovedFinanceRound>, ProblemHttpResult>> Approve(long id, PlanResolver plans, [AsParameters] ApiServices s)
    {
        try
        {
            return TypedResults.Ok(await new SavedFinanceRoundHandler(s.Api.Db, s.Api.Clock, plans).ApproveAsync(id, s.Api.Actor, s.Api.Ct));
        }
        catch (UserError e) when (ApiProblems.Known(s.Api.Http, e) is { } problem)
        {
            return problem;
        }
    }
}
