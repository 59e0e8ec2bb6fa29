using Microsoft.AspNetCore.Http.HttpResults;
using RdInvest.Accounts;
using RdInvest.Divisions;
using RdInvest.Records;
using RdInvest.Web.Security;

namespace RdInvest.Web.Api;

/// <summary>Divisions (GB/T 2260 reference data) and their published figures, addressed by division code.</summary>
public static class DivisionsApi
{
    /// <summary>Published figures (公布数) are the region's: county and city officers read them but write none, as in imports.</summary>
    public static readonly IReadOnlyList<string> FigureWriters = [Roles.RegionAdmin, Roles.RegionAnalyst];

    public static RouteGroupBuilder MapDivisionsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/divisions").WithTags("divisions");
        g.MapGet("/", List).WithSummary("行政区划（参考数据）/ administrative divisions (reference data)");
        g.MapGet("/{code}/figures", Figures).WithSummary("区划的公布数（各年）/ published figures of a division, every year");
        g.MapGet("/{code}/figures/{year:int}", Figure).WithSummary("区划某年的公布数 / published figures of a division and year");
        g.MapPost("/{code}/figures", CreateFigure).RequireRoles(FigureWriters).ProducesProblem(StatusCodes.Status422UnprocessableEntity).WithSummary("新增公布数（自治区角色）/ add published figures (region roles)");
        g.MapPut("/{code}/figures/{year:int}", UpdateFigure).RequireRoles(FigureWriters).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("修改公布数（自治区角色；需当前 revision，过期 409 并返回当前值）/ update published figures (region roles; current revision required; stale → 409 with the current values)");
        return g;
    }

    public static async Task<Ok<IReadOnlyList<DivisionItem>>> List(string? level, string? parent, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new DivisionQueryHandler(s.Api.Db).HandleAsync(new DivisionQuery(level, parent), s.Api.Ct));

    public static async Task<Ok<IReadOnlyList<DivisionFigureView>>> Figures(string code, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new DivisionFigureQueryHandler(s.Api.Db).ListAsync(code, s.Api.Ct));

    public static async Task<Ok<DivisionFigureView>> Figure(string code, int year, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new DivisionFigureQueryHandler(s.Api.Db).GetAsync(code, year, s.Api.Ct));

    public static async Task<Created<DivisionFigureView>> CreateFigure(string code, DivisionFigureInput input, [AsParameters] ApiServices s)
    {
        var f = await new DivisionFigureWriteHandler(s.Api.Db, s.Api.Clock).CreateAsync(code, input, s.Api.Actor, s.Api.Ct);
        return TypedResults.Created($"/api/v1/divisions/{code}/figures/{f.Year}", f);
    }

    public static async Task<Ok<DivisionFigureView>> UpdateFigure(string code, int year, DivisionFigureInput input, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new DivisionFigureWriteHandler(s.Api.Db, s.Api.Clock).UpdateAsync(code, year, input, s.Api.Actor, s.Api.Ct));
}
