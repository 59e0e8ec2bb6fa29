using Microsoft.AspNetCore.Http.HttpResults;
using RdInvest.Accounts;
using RdInvest.Indicators;
using RdInvest.Parks;
using RdInvest.Plans;
using RdInvest.Web.Security;

namespace RdInvest.Web.Api;

/// <summary>Park evaluation (二(五)17) for the region, and one park's indicators by park id (scoped).</summary>
public static class ParksApi
{
    public static RouteGroupBuilder MapParksApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/parks").WithTags("parks");
        g.MapGet("/evaluation/{year:int}", Evaluation).RequireRoles(Roles.RegionReaders)
            .WithSummary("园区综合评价与排名（?category=）/ park evaluation and ranking within each category");
        g.MapGet("/{parkId}/indicators/{year:int}", Indicators).WithSummary("园区指标 / a park's indicators");
        return g;
    }

    public static async Task<Ok<ParksView>> Evaluation(int year, string? category, string? plan, PlanResolver plans, [AsParameters] ApiServices s) =>
        TypedResults.Ok(ParksView.Of(await new ParksHandler(s.Api.ReadDb, plans).HandleAsync(new ParksRequest(year, category, plan), s.Api.Ct)));

    public static async Task<Ok<ParkIndicators>> Indicators(string parkId, int year, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new ParkIndicatorsHandler(s.Api.ReadDb).HandleAsync(parkId, year, s.Api.Ct));
}
