using Microsoft.AspNetCore.Http.HttpResults;
using RdInvest.Accounts;
using RdInvest.Assessment;
using RdInvest.Plans;
using RdInvest.Web.Security;

namespace RdInvest.Web.Api;

/// <summary>Assessment of the league/city governments (三(三)).</summary>
public static class AssessmentApi
{
    public static RouteGroupBuilder MapAssessmentApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/assessment").WithTags("assessment");
        g.MapGet("/{year:int}", Get).RequireRoles(Roles.RegionReaders).WithSummary("盟市考核评分、排名与等级 / league/city scores, ranks and grades");
        return g;
    }

    public static async Task<Ok<AssessView>> Get(int year, string? plan, PlanResolver plans, [AsParameters] ApiServices s) =>
        TypedResults.Ok(AssessView.Of(await new AssessHandler(s.Api.ReadDb, plans).HandleAsync(new AssessRequest(year, plan), s.Api.Ct)));
}
