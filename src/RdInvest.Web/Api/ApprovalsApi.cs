using Microsoft.AspNetCore.Http.HttpResults;
using RdInvest.Accounts;
using RdInvest.Approval;
using RdInvest.Web.Security;

namespace RdInvest.Web.Api;

/// <summary>
/// The three-level approval of 二(五)16 per county and year: submit (county), approve (league/city, also in bulk),
/// finalise (region), return with a reason, reopen final data (region admin, with a reason).
/// </summary>
public static class ApprovalsApi
{
    public static RouteGroupBuilder MapApprovalsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/approvals").WithTags("approvals").RequireRoles(Roles.Approvers);
        g.MapGet("/", List).WithSummary("审批队列（按范围）/ approval queue within the user's scope (?year=, ?league_city=)");
        g.MapGet("/{county}/{year:int}", Get)
            .WithSummary("旗县年度审批状态、历史、上次审核以来的变化及其对盟市指标的影响 / status, history, changes since the last approval and their effect on the league/city");
        g.MapPost("/{county}/{year:int}/submit", Submit).WithSummary("报送（旗县）/ submit (county officer)");
        g.MapPost("/{county}/{year:int}/approve", Approve).WithSummary("审核（盟市）/ approve (league/city officer)");
        g.MapPost("/{county}/{year:int}/finalise", Finalise).WithSummary("审定（自治区），审定后锁定 / finalise (region); final data is locked");
        g.MapPost("/{county}/{year:int}/return", Return).WithSummary("退回至草稿，需理由 / return to draft with a reason");
        g.MapPost("/{county}/{year:int}/reopen", Reopen).RequireRoles(Roles.Admins).WithSummary("重新开放已审定数据，需理由 / reopen final data with a reason (region admin)");
        g.MapPost("/league-cities/{code}/{year:int}/approve", BulkApprove).WithSummary("批量审核盟市内已报送的旗县 / approve every submitted county of a league/city");
        return g;
    }

    public static async Task<Ok<IReadOnlyList<ApprovalView>>> List(int year, string? leagueCity, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new ApprovalHandler(s.Api.Db, s.Api.Clock).ListAsync(s.Api.Scope.Approvals(s.Api.Db.Approvals), year, leagueCity, s.Api.Ct));

    public static async Task<Ok<ApprovalView>> Get(string county, int year, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new ApprovalHandler(s.Api.Db, s.Api.Clock).GetAsync(county, year, s.Api.Ct));

    public static Task<Ok<ApprovalView>> Submit(string county, int year, [AsParameters] ApiServices s, TransitionRequest? body) => Do(county, year, ApprovalActions.Submit, body, s);

    public static Task<Ok<ApprovalView>> Approve(string county, int year, [AsParameters] ApiServices s, TransitionRequest? body) => Do(county, year, ApprovalActions.Approve, body, s);

    public static Task<Ok<ApprovalView>> Finalise(string county, int year, [AsParameters] ApiServices s, TransitionRequest? body) => Do(county, year, ApprovalActions.Finalise, body, s);

    public static Task<Ok<ApprovalView>> Return(string county, int year, [AsParameters] ApiServices s, TransitionRequest? body) => Do(county, year, ApprovalActions.Return, body, s);

    public static Task<Ok<ApprovalView>> Reopen(string county, int year, [AsParameters] ApiServices s, TransitionRequest? body) => Do(county, year, ApprovalActions.Reopen, body, s);

    public static async Task<Ok<IReadOnlyList<ApprovalView>>> BulkApprove(string code, int year, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new ApprovalHandler(s.Api.Db, s.Api.Clock).BulkApproveAsync(code, year, s.Api.User, s.Api.Actor, s.Api.Ct));

    private static async Task<Ok<ApprovalView>> Do(string county, int year, string action, TransitionRequest? body, ApiServices s) =>
        TypedResults.Ok(await new ApprovalHandler(s.Api.Db, s.Api.Clock).TransitionAsync(county, year, action, body?.Reason, s.Api.User, s.Api.Actor, s.Api.Ct));
}
