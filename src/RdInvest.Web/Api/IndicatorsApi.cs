using Microsoft.AspNetCore.Http.HttpResults;
using RdInvest.Indicators;

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

    public static async Task<Ok<IndicatorView>> Get(string code, int year, string? status, [AsParameters] ApiServices s)
    {
        var handler = new IndicatorsHandler(s.Api.ReadDb, Preliminary(status));
        var result = await handler.HandleAsync(new IndicatorsRequest(code, year), s.Api.Ct);
        return TypedResults.Ok(IndicatorView.Of(result, handler.DataStatus));
    }
}
