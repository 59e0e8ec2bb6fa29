using Microsoft.AspNetCore.Http.HttpResults;
using RdInvest.Accounts;
using RdInvest.Indicators;
using RdInvest.Plans;
using RdInvest.Web.Security;

namespace RdInvest.Web.Api;

/// <summary>Reported versus derived figures for the whole region (二(五)16 quality check).</summary>
public static class ReconcileApi
{
    public static RouteGroupBuilder MapReconcileApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/reconcile").WithTags("reconcile");
        g.MapGet("/{year:int}", Get).RequireRoles(Roles.RegionReaders).WithSummary("公布数与汇总数核对 / reported vs derived figures");
        return g;
    }

    public static async Task<Ok<ReconcileView>> Get(int year, string? plan, PlanResolver plans, [AsParameters] ApiServices s) =>
        TypedResults.Ok(ReconcileView.Of(await new ReconcileHandler(s.Api.ReadDb, plans).HandleAsync(year, plan, s.Api.Ct)));
}
