using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using RdInvest.Accounts;
using RdInvest.Common;
using RdInvest.Plans;
using RdInvest.Subsidies;
using RdInvest.Web.Security;

namespace RdInvest.Web.Api;

/// <summary>Compute and save a round as a draft (plan: an id loaded in the database or built in; default the first plan).</summary>
public sealed record SubsidyRoundCreate(int Year, decimal? Budget = null, string? Plan = null);

/// <summary>
/// The R2 post-subsidy round: a preview of a year under a budget, and saved rounds — compute and save, review,
/// approve (records the payments), download the payment list.
/// </summary>
public static class SubsidyRoundsApi
{
    public static RouteGroupBuilder MapSubsidyRoundsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/subsidy-rounds").WithTags("subsidy-rounds");
        g.MapGet("/preview/{year:int}", Get).RequireRoles(Roles.SubsidyRunners)
            .WithSummary("研发投入后补助轮次预览：计算、按预算缩减，不保存 / R&D post-subsidy round preview: compute and scale to the budget, nothing saved (?budget=, ?plan=)");
        g.MapPost("/", Create).RequireRoles(Roles.SubsidyApprovers)
            .WithSummary("计算并保存为待批准的轮次 / compute and save a draft round (finance, region admin)");
        g.MapGet("/", List).RequireRoles(Roles.SubsidyReaders).WithSummary("已保存的轮次（?year=）/ saved rounds");
        g.MapGet("/{id:long}", Show).RequireRoles(Roles.SubsidyReaders).WithSummary("已保存的轮次及其名单 / a saved round with its lines");
        g.MapPost("/{id:long}/approve", Approve).RequireRoles(Roles.SubsidyApprovers)
            .WithSummary("批准轮次并记录 R2 与 R1 发放；已批准、同年已发放或数据已变化则 409 / approve and record the R2 and R1 payments; 409 when approved already, paid already for the year, or the data changed");
        g.MapGet("/{id:long}/payments", Payments).RequireRoles(Roles.SubsidyReaders)
            .WithSummary("下载拨付名单（.xlsx，或 ?format=csv）/ download the payment list");
        return g;
    }

    public static async Task<Results<Ok<SubsidyRoundView>, ProblemHttpResult>> Get(int year, decimal? budget, string? plan, PlanResolver plans, [AsParameters] ApiServices s)
    {
        try
        {
            var p = await plans.ResolveAsync(plan, s.Api.Ct);
            var result = await new SubsidyRoundHandler(s.Api.Db).HandleAsync(new SubsidyRoundRequest(year, budget), p, s.Api.Ct);
            return TypedResults.Ok(SubsidyRoundFiles.ToJson(result));
        }
        catch (UserError e) when (ApiProblems.Known(s.Api.Http, e) is { } problem)
        {
            return problem;
        }
    }

    public static async Task<Results<Created<SavedRound>, ProblemHttpResult>> Create(SubsidyRoundCreate request, PlanResolver plans, [AsParameters] ApiServices s)
    {
        try
        {
            var plan = await plans.ResolveAsync(request.Plan, s.Api.Ct);
            var saved = await new SavedRoundHandler(s.Api.Db, s.Api.Clock, plans)
                .SaveAsync(new SubsidyRoundRequest(request.Year, request.Budget), plan, s.Api.Actor, s.Api.Ct);
            return TypedResults.Created($"/api/v1/subsidy-rounds/{saved.Round.Id.ToString(CultureInfo.InvariantCulture)}", saved);
        }
        catch (UserError e) when (ApiProblems.Known(s.Api.Http, e) is { } problem)
        {
            return problem;
        }
    }

    public static async Task<Ok<IReadOnlyList<SavedRoundSummary>>> List(int? year, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new SavedRoundHandler(s.Api.Db, s.Api.Clock).ListAsync(year, s.Api.Ct));

    public static async Task<Ok<SavedRound>> Show(long id, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new SavedRoundHandler(s.Api.Db, s.Api.Clock).GetAsync(id, s.Api.Ct));

    public static async Task<Results<Ok<ApprovedRound>, ProblemHttpResult>> Approve(long id, PlanResolver plans, [AsParameters] ApiServices s)
    {
        try
        {
            return TypedResults.Ok(await new SavedRoundHandler(s.Api.Db, s.Api.Clock, plans).ApproveAsync(id, s.Api.Actor, s.Api.Ct));
        }
        catch (UserError e) when (ApiProblems.Known(s.Api.Http, e) is { } problem)
        {
            return problem;
        }
    }

    public static async Task<FileContentHttpResult> Payments(long id, string? format, [AsParameters] ApiServices s)
    {
        var saved = await new SavedRoundHandler(s.Api.Db, s.Api.Clock).GetAsync(id, s.Api.Ct);
        var ext = format == "csv" ? ".csv" : ".xlsx";
        var dir = Directory.CreateTempSubdirectory("rdinvest-payments-");
        try
        {
            var name = $"subsidy-round-{id.ToString(CultureInfo.InvariantCulture)}-payments{ext}";
            var path = Path.Combine(dir.FullName, name);
            SubsidyRoundFiles.WritePayments(path, saved);
            var bytes = await File.ReadAllBytesAsync(path, s.Api.Ct);
            return TypedResults.File(bytes, ext == ".csv" ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
