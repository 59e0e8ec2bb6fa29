using Microsoft.AspNetCore.Http.HttpResults;
using RdInvest.Accounts;
using RdInvest.Finance;
using RdInvest.Web.Security;

namespace RdInvest.Web.Api;

/// <summary>Finance for innovation (二(三)7–10): the special statistics and the special evaluation of financial institutions.</summary>
public static class FinanceApi
{
    public static RouteGroupBuilder MapFinanceApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/finance").WithTags("finance");
        g.MapGet("/stats/{year:int}", Stats).RequireRoles(Roles.RegionReaders)
            .WithSummary("金融支持科技创新专项统计（机构、盟市）/ special statistics per institution and league/city");
        g.MapGet("/evaluation/{year:int}", Evaluation).RequireRoles(Roles.RegionReaders)
            .WithSummary("金融机构支持科技创新专项考评（得分、名次、贡献突出）/ special evaluation of financial institutions");
        return g;
    }

    public static async Task<Ok<FinanceEvaluationResult>> Evaluation(int year, string? plan, Plans.PlanResolver plans, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new FinanceEvaluationHandler(s.Api.Db, plans).HandleAsync(new FinanceEvaluationRequest(year, null, plan), s.Api.Ct));

    public static async Task<Ok<FinanceStatsResult>> Stats(int year, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new FinanceStatsHandler(s.Api.Db).HandleAsync(new FinanceStatsRequest(year), s.Api.Ct));
}
