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
        g.MapGet("/loans", Loans).RequireRoles(Roles.FinanceRecordReaders)
            .WithSummary("贷款（?lender=&borrower=&kind=&year=）；金融机构只见本机构及其分支机构的贷款 / loans; a financial institution sees its own and its branches'");
        g.MapGet("/loans/{lender}/{loanId}", Loan).RequireRoles(Roles.FinanceRecordReaders)
            .WithSummary("一笔贷款；范围外为 404 / one loan; 404 outside the caller's scope");
        g.MapGet("/financing", Financing).RequireRoles(Roles.FinanceRecordReaders)
            .WithSummary("直接融资事件（?unit=&kind=&year=）；金融机构只见其保荐或承销的事件 / financing events; a financial institution sees those it sponsored");
        g.MapGet("/financing/{id}", FinancingEvent).RequireRoles(Roles.FinanceRecordReaders)
            .WithSummary("一个融资事件；范围外为 404 / one financing event; 404 outside the caller's scope");
        return g;
    }

    public static async Task<Ok<IReadOnlyList<LoanRow>>> Loans(string? lender, string? borrower, string? kind, int? year, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new LoanReadHandler(s.Api.Db).ListAsync(new LoanQuery(lender, borrower, kind, year), s.Api.Scope.InstitutionCode, s.Api.Ct));

    public static async Task<Ok<LoanRow>> Loan(string lender, string loanId, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new LoanReadHandler(s.Api.Db).GetAsync(lender, loanId, s.Api.Scope.InstitutionCode, s.Api.Ct));

    public static async Task<Ok<IReadOnlyList<FinancingRow>>> Financing(string? unit, string? kind, int? year, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new FinancingReadHandler(s.Api.Db).ListAsync(new FinancingQuery(unit, kind, year), s.Api.Scope.InstitutionCode, s.Api.Ct));

    public static async Task<Ok<FinancingRow>> FinancingEvent(string id, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new FinancingReadHandler(s.Api.Db).GetAsync(id, s.Api.Scope.InstitutionCode, s.Api.Ct));

    public static async Task<Ok<FinanceEvaluationResult>> Evaluation(int year, string? plan, Plans.PlanResolver plans, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new FinanceEvaluationHandler(s.Api.Db, plans).HandleAsync(new FinanceEvaluationRequest(year, null, plan), s.Api.Ct));

    public static async Task<Ok<FinanceStatsResult>> Stats(int year, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new FinanceStatsHandler(s.Api.Db).HandleAsync(new FinanceStatsRequest(year), s.Api.Ct));
}
