using RdInvest.Accounts;
using RdInvest.Common;

namespace RdInvest.Web.Security;

/// <summary>
/// The single scope layer of the HTTP API, applied to the whole /api/v1 group. Addressed ids are recognised by their
/// route names — <c>code</c>/<c>county</c> (division), <c>creditCode</c> (unit), <c>parkId</c> (park) — and request
/// bodies that name a division implement <see cref="IScopedRequest"/>. Out of scope: a read answers 404 (no
/// existence leak), a write 403. Lists are filtered by <see cref="ScopeService"/>'s query filters.
/// </summary>
public sealed class ScopeFilter : IEndpointFilter
{
    public static readonly string[] DivisionRouteNames = ["code", "county"];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (UserScope.From(http.User) is null)
        {
            return await next(context);
        }
        var scope = http.RequestServices.GetRequiredService<ScopeService>();
        var ct = http.RequestAborted;
        var read = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        var values = http.Request.RouteValues;
        var visible = true;
        foreach (var name in DivisionRouteNames)
        {
            if (values.TryGetValue(name, out var v) && v is string code && !await scope.CanSeeDivisionAsync(code, ct))
            {
                visible = false;
            }
        }
        if (values.TryGetValue("creditCode", out var cc) && cc is string credit && !await scope.CanSeeUnitAsync(credit, ct))
        {
            visible = false;
        }
        if (values.TryGetValue("parkId", out var pk) && pk is string park && !await scope.CanSeeParkAsync(park, ct))
        {
            visible = false;
        }
        if (!visible)
        {
            throw read
                ? new NotFoundError("未找到，或不在您的权限范围内", "not found, or outside your scope")
                : new ForbiddenError("不在您的权限范围内", "outside your scope");
        }
        foreach (var arg in context.Arguments)
        {
            if (arg is IScopedRequest r && !await scope.CanSeeDivisionAsync(r.ScopeDivision, ct))
            {
                throw new ForbiddenError($"区划 {r.ScopeDivision} 不在您的权限范围内", $"division {r.ScopeDivision} is outside your scope");
            }
        }
        return await next(context);
    }
}

/// <summary>The roles an endpoint admits, kept as metadata so the OpenAPI document can describe it.</summary>
public sealed record RolesMetadata(IReadOnlyList<string> Roles);

public static class EndpointAuthExtensions
{
    /// <summary>Admits only these roles (403 for others); the roles are listed in the endpoint's OpenAPI description.</summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, IReadOnlyList<string> roles) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(p => p.RequireAuthenticatedUser().RequireRole(roles)).WithMetadata(new RolesMetadata(roles));
}
