using Microsoft.AspNetCore.Http.HttpResults;
using RdInvest.Accounts;
using RdInvest.Records;
using RdInvest.Web.Security;

namespace RdInvest.Web.Api;

/// <summary>Reporting units by credit code, and their R&amp;D records by year.</summary>
public static class UnitsApi
{
    public static RouteGroupBuilder MapUnitsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/units").WithTags("units");
        g.MapGet("/", List).WithSummary("统计单位（按范围）/ reporting units within the user's scope");
        g.MapGet("/{creditCode}", Get).WithSummary("统计单位 / a reporting unit");
        g.MapPost("/", Create).RequireRoles(Roles.DataWriters).ProducesProblem(StatusCodes.Status422UnprocessableEntity).WithSummary("新增统计单位（不符合数据规则 422）/ add a reporting unit (422 when it breaks the data rules)");
        g.MapPut("/{creditCode}", Update).RequireRoles(Roles.DataWriters).ProducesProblem(StatusCodes.Status422UnprocessableEntity).WithSummary("修改统计单位（需当前 revision）/ update a unit (current revision required)");
        g.MapGet("/{creditCode}/records", Records).WithSummary("单位的研发记录 / a unit's R&D records");
        g.MapGet("/{creditCode}/records/{year:int}", Record).WithSummary("单位某年的研发记录 / a unit's R&D record for a year");
        g.MapPost("/{creditCode}/records", CreateRecord).RequireRoles(Roles.DataWriters).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("新增研发记录（已审定的旗县年度锁定 409）/ add an R&D record (409 when the county-year is final)");
        g.MapPut("/{creditCode}/records/{year:int}", UpdateRecord).RequireRoles(Roles.DataWriters).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("修改研发记录（需当前 revision；过期或已审定 409）/ update an R&D record (current revision; stale or final → 409)");
        return g;
    }

    public static async Task<Ok<IReadOnlyList<UnitView>>> List(string? division, int? skip, int? take, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new UnitQueryHandler(s.Api.Db).ListAsync(s.Api.Scope.Units(s.Api.Db.Units), new UnitListRequest(division, skip ?? 0, take ?? 100), s.Api.Ct));

    public static async Task<Ok<UnitView>> Get(string creditCode, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new UnitQueryHandler(s.Api.Db).GetAsync(s.Api.Scope.Units(s.Api.Db.Units), creditCode, s.Api.Ct));

    public static async Task<Created<UnitView>> Create(UnitInput input, [AsParameters] ApiServices s)
    {
        var u = await new UnitWriteHandler(s.Api.Db, s.Api.Clock).CreateAsync(input, s.Api.Actor, s.Api.Ct);
        return TypedResults.Created($"/api/v1/units/{u.CreditCode}", u);
    }

    public static async Task<Ok<UnitView>> Update(string creditCode, UnitInput input, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new UnitWriteHandler(s.Api.Db, s.Api.Clock).UpdateAsync(creditCode, input, s.Api.Actor, s.Api.Ct));

    public static async Task<Ok<IReadOnlyList<RdRecordView>>> Records(string creditCode, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new RdRecordQueryHandler(s.Api.Db).ListAsync(s.Api.Scope.Units(s.Api.Db.Units), creditCode, s.Api.Ct));

    public static async Task<Ok<RdRecordView>> Record(string creditCode, int year, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new RdRecordQueryHandler(s.Api.Db).GetAsync(s.Api.Scope.Units(s.Api.Db.Units), creditCode, year, s.Api.Ct));

    public static async Task<Created<RdRecordView>> CreateRecord(string creditCode, RdRecordInput input, [AsParameters] ApiServices s)
    {
        var r = await new RdRecordWriteHandler(s.Api.Db, s.Api.Clock).CreateAsync(creditCode, input, s.Api.Actor, s.Api.Ct);
        return TypedResults.Created($"/api/v1/units/{creditCode}/records/{r.Year}", r);
    }

    public static async Task<Ok<RdRecordView>> UpdateRecord(string creditCode, int year, RdRecordInput input, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new RdRecordWriteHandler(s.Api.Db, s.Api.Clock).UpdateAsync(creditCode, year, input, s.Api.Actor, s.Api.Ct));
}
