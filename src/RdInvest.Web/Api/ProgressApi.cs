using Microsoft.AspNetCore.Http.HttpResults;
using RdInvest.Plans;
using RdInvest.Targets;

namespace RdInvest.Web.Api;

/// <summary>Progress on every target of a plan for a division and year.</summary>
public static class ProgressApi
{
    public static RouteGroupBuilder MapProgressApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/progress").WithTags("progress");
        g.MapGet("/{code}/{year:int}", Get).WithSummary("目标进度 / progress on the plan's targets (?plan=, ?status=preliminary)");
        return g;
    }

    public static async Task<Ok<ProgressView>> Get(string code, int year, string? plan, string? status, PlanResolver plans, [AsParameters] ApiServices s)
    {
        var result = await new ProgressHandler(s.Api.ReadDb, IndicatorsApi.Preliminary(status), plans)
            .HandleAsync(new ProgressRequest(plan, year, code), s.Api.Ct);
        return TypedResults.Ok(ProgressView.Of(result));
    }
}
