using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using RdInvest.Accounts;
using RdInvest.Common;
using RdInvest.Plans;
using RdInvest.Policy;
using RdInvest.Subsidies;
using RdInvest.Web.Security;

namespace RdInvest.Web.Api;

/// <summary>One case of a rule: inputs as name → text (as on the command line), an optional date, plan and what-if parameters.</summary>
public sealed record CalcRequest(Dictionary<string, string>? Inputs, string? Date = null, string? Plan = null, Dictionary<string, string>? Set = null);

public sealed record CalcResponse(RuleResult Plan, RuleResult? Whatif, decimal? Difference);

/// <summary>The incentive rules of the plan (rules as code, SPEC §6): list and compute one case with its explanation.</summary>
public static class RulesApi
{
    public const string DefaultPlan = "im-rd-2021-2025";

    public static RouteGroupBuilder MapRulesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/rules").WithTags("rules");
        g.MapGet("/", List).WithSummary("全部规则（条款、输入、参数）/ every rule with its clause, inputs and parameters");
        g.MapPost("/{rule}/calc", Calc).WithSummary("计算一个案例并给出解释；set 为假设参数 / compute one case with its explanation; set = what-if parameters");
        return g;
    }

    public static Ok<IReadOnlyList<RuleDefinition>> List() => TypedResults.Ok(RuleRegistry.All);

    public static async Task<Ok<CalcResponse>> Calc(string rule, CalcRequest request, [AsParameters] ApiServices s)
    {
        var definition = RuleRegistry.Find(rule);
        var plan = await new PlanStore(s.Api.Db, s.Api.Clock).GetAsync(request.Plan ?? DefaultPlan, s.Api.Ct);
        DateOnly? date = request.Date is null ? null
            : DateOnly.TryParseExact(request.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : throw new UserError($"date 的值 {request.Date} 应为 YYYY-MM-DD", $"date: {request.Date} is not YYYY-MM-DD", 2);
        var today = DateOnly.FromDateTime(s.Api.Clock.GetUtcNow().UtcDateTime);
        var overrides = request.Set is { Count: > 0 } set ? RuleBatch.ParseOverrides(definition, set.Select(kv => $"{kv.Key}={kv.Value}").ToArray()) : null;
        var values = (request.Inputs ?? []).ToList();
        var result = definition.Evaluate(values, plan, date, today);
        var whatIf = overrides is null ? null : definition.Evaluate(values, plan, date, today, overrides);
        return TypedResults.Ok(new CalcResponse(result, whatIf, whatIf is null ? null : whatIf.Amount - result.Amount));
    }
}

/// <summary>The R2 post-subsidy round of a year under a budget.</summary>
public static class SubsidyRoundsApi
{
    public static RouteGroupBuilder MapSubsidyRoundsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/subsidy-rounds").WithTags("subsidy-rounds");
        g.MapGet("/{year:int}", Get).RequireRoles(Roles.SubsidyRunners)
            .WithSummary("研发投入后补助轮次：计算、按预算缩减 / R&D post-subsidy round: compute and scale to the budget (?budget=, ?plan=)");
        return g;
    }

    public static async Task<Ok<object>> Get(int year, decimal? budget, string? plan, [AsParameters] ApiServices s)
    {
        var p = await new PlanStore(s.Api.Db, s.Api.Clock).GetAsync(plan ?? RulesApi.DefaultPlan, s.Api.Ct);
        var result = await new SubsidyRoundHandler(s.Api.Db).HandleAsync(new SubsidyRoundRequest(year, budget), p, s.Api.Ct);
        return TypedResults.Ok(SubsidyRoundFiles.ToJson(result));
    }
}
