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
        g.MapPost("/{rule}/batch", Batch).DisableAntiforgery()
            .WithSummary("批量计算：上传 CSV/XLSX，每行一个案例，返回每个结果与合计；?set=name=value 为假设参数（可重复），?date=、?plan= 可选；有被拒绝的行则 422 / batch: upload a CSV/XLSX, one case per row; results and totals; ?set= what-if (repeatable); 422 with every rejected row");
        return g;
    }

    /// <summary>The same run as <c>rdinvest calc RULE --batch FILE</c>: the file's rows through <see cref="RuleBatch"/>.</summary>
    public static async Task<Results<Ok<object>, UnprocessableEntity<object>>> Batch(string rule, IFormFile file, string? date, string? plan, [Microsoft.AspNetCore.Mvc.FromQuery] string[]? set,
        [AsParameters] ApiServices s)
    {
        var definition = RuleRegistry.Find(rule);
        var ext = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (ext is not (".csv" or ".xlsx"))
        {
            throw new UserError($"不支持的文件类型 {ext}（应为 .csv 或 .xlsx）", $"unsupported file type {ext} (use .csv or .xlsx)");
        }
        var thePlan = await PlanResolver.ResolveAsync(s.Api.Db, plan, s.Api.Ct);
        DateOnly? on = date is null ? null
            : DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : throw new UserError($"date 的值 {date} 应为 YYYY-MM-DD", $"date: {date} is not YYYY-MM-DD", 2);
        var overrides = RuleBatch.ParseOverrides(definition, set ?? []);
        var today = DateOnly.FromDateTime(s.Api.Clock.GetUtcNow().UtcDateTime);
        var dir = Directory.CreateTempSubdirectory("rdinvest-batch-");
        try
        {
            var path = Path.Combine(dir.FullName, "batch" + ext);
            await using (var f = File.Create(path))
            {
                await file.CopyToAsync(f, s.Api.Ct);
            }
            var (header, rows) = RuleBatchFiles.Read(path);
            RuleBatch.CheckHeader(definition, header);
            var run = RuleBatch.Run(definition, rows, thePlan, on, today, overrides);
            var body = RuleBatchFiles.ToJson(run);
            // Like the CLI, a batch with a rejected row is not a result: 422 with every rejected row.
            return run.Errors.Count > 0 ? TypedResults.UnprocessableEntity(body) : TypedResults.Ok(body);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
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

/// <summary>Compute and save a round as a draft (plan: an id loaded in the database or built in; default the first plan).</summary>
public sealed record SubsidyRoundCreate(int Year, decimal? Budget = null, string? Plan = null);

/// <summary>
/// The R2 post-subsidy round (SPEC §5): a preview of a year under a budget, and saved rounds — compute and save, review,
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

    public static async Task<Ok<object>> Get(int year, decimal? budget, string? plan, [AsParameters] ApiServices s)
    {
        var p = await PlanResolver.ResolveAsync(s.Api.Db, plan ?? RulesApi.DefaultPlan, s.Api.Ct);
        var result = await new SubsidyRoundHandler(s.Api.Db).HandleAsync(new SubsidyRoundRequest(year, budget), p, s.Api.Ct);
        return TypedResults.Ok(SubsidyRoundFiles.ToJson(result));
    }

    public static async Task<Created<SavedRound>> Create(SubsidyRoundCreate request, [AsParameters] ApiServices s)
    {
        var plan = await PlanResolver.ResolveAsync(s.Api.Db, request.Plan ?? RulesApi.DefaultPlan, s.Api.Ct);
        var saved = await new SavedRoundHandler(s.Api.Db, s.Api.Clock)
            .SaveAsync(new SubsidyRoundRequest(request.Year, request.Budget), plan, s.Api.Actor, s.Api.Ct);
        return TypedResults.Created($"/api/v1/subsidy-rounds/{saved.Round.Id.ToString(CultureInfo.InvariantCulture)}", saved);
    }

    public static async Task<Ok<IReadOnlyList<SavedRoundSummary>>> List(int? year, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new SavedRoundHandler(s.Api.Db, s.Api.Clock).ListAsync(year, s.Api.Ct));

    public static async Task<Ok<SavedRound>> Show(long id, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new SavedRoundHandler(s.Api.Db, s.Api.Clock).GetAsync(id, s.Api.Ct));

    public static async Task<Ok<ApprovedRound>> Approve(long id, [AsParameters] ApiServices s)
    {
        var handler = new SavedRoundHandler(s.Api.Db, s.Api.Clock);
        var saved = await handler.GetAsync(id, s.Api.Ct);
        var plan = await PlanResolver.ResolveAsync(s.Api.Db, saved.Round.PlanId, s.Api.Ct);
        return TypedResults.Ok(await handler.ApproveAsync(id, plan, s.Api.Actor, s.Api.Ct));
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
