using Microsoft.AspNetCore.Http.HttpResults;
using RdInvest.Accounts;
using RdInvest.Indicators;
using RdInvest.Plans;
using RdInvest.Targets;
using RdInvest.Web.Security;

namespace RdInvest.Web.Api;

/// <summary>Indicators of a division and year; official (final data) unless <c>?status=preliminary</c>.</summary>
public static class IndicatorsApi
{
    public static RouteGroupBuilder MapIndicatorsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/indicators").WithTags("indicators");
        g.MapGet("/{code}/{year:int}", Get).WithSummary("区划某年的指标（默认仅用审定数据；?status=preliminary 含全部）/ indicators of a division and year (final data; ?status=preliminary for all)");
        return g;
    }

    internal static bool Preliminary(string? status) => status switch
    {
        null or "" or "final" => false,
        "preliminary" => true,
        _ => throw new Common.UserError($"status 应为 final 或 preliminary，而不是 {status}", $"status must be final or preliminary, not {status}", 2),
    };

    public static async Task<Ok<object>> Get(string code, int year, string? status, [AsParameters] ApiServices s)
    {
        var handler = new IndicatorsHandler(s.Api.Db, Preliminary(status));
        var result = await handler.HandleAsync(new IndicatorsRequest(code, year), s.Api.Ct);
        return TypedResults.Ok(IndicatorView.Of(result, handler.DataStatus));
    }
}

/// <summary>Progress on every target of a plan for a division and year.</summary>
public static class ProgressApi
{
    public static RouteGroupBuilder MapProgressApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/progress").WithTags("progress");
        g.MapGet("/{code}/{year:int}", Get).WithSummary("目标进度 / progress on the plan's targets (?plan=, ?status=preliminary)");
        return g;
    }

    public static async Task<Ok<object>> Get(string code, int year, string? plan, string? status, PlanResolver plans, [AsParameters] ApiServices s)
    {
        var result = await new ProgressHandler(s.Api.Db, IndicatorsApi.Preliminary(status), plans)
            .HandleAsync(new ProgressRequest(plan, year, code), s.Api.Ct);
        return TypedResults.Ok(ProgressView.Of(result));
    }
}

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
        TypedResults.Ok(ReconcileView.Of(await new ReconcileHandler(s.Api.Db, plans).HandleAsync(year, plan, s.Api.Ct)));
}

public sealed record ReportingQualityItemView(string Division, string Name, int RegisteredUnits, int ReportedUnits, decimal? ReportingRate,
    int FinalRecords, decimal? FinalRate, int ImportRows, int ErrorRows, int WarningRows, decimal? ErrorRate, decimal? WarningRate);

public sealed record ReportingQualityView(int Year, IReadOnlyList<ReportingQualityItemView> Results, UnattributedImports Unattributed);

/// <summary>Reporting quality per league/city (issue 4): the same figures and keys as `rdinvest reporting-quality --json`.</summary>
public static class ReportingQualityApi
{
    public static RouteGroupBuilder MapReportingQualityApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/reporting-quality").WithTags("reporting-quality");
        g.MapGet("/{year:int}", Get).RequireRoles(Roles.RegionReaders)
            .WithSummary("各盟市填报质量（填报率、审定率、导入错误率与警告率）/ reporting quality per league/city (reporting, final, import error and warning rates)");
        return g;
    }

    public static async Task<Ok<ReportingQualityView>> Get(int year, [AsParameters] ApiServices s)
    {
        var r = await new ReportingQualityHandler(s.Api.Db).ReportAsync(year, s.Api.Ct);
        return TypedResults.Ok(new ReportingQualityView(r.Year, r.Results.Select(q => new ReportingQualityItemView(q.Division, q.NameZh,
            q.RegisteredUnits, q.ReportedUnits, q.ReportingRate, q.FinalRecords, q.FinalRate, q.ImportRows, q.ErrorRows, q.WarningRows,
            q.ErrorRate, q.WarningRate)).ToList(), r.Unattributed));
    }
}
