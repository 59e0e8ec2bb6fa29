using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RdInvest.Web.Security;

/// <summary>The OpenAPI document: security schemes, and on every operation who may call it and which errors it gives.</summary>
public static class OpenApiSetup
{
    public static void AddRdInvestOpenApi(this IServiceCollection services) => services.AddOpenApi(o =>
    {
        o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info = new OpenApiInfo
            {
                Title = "RdInvest API — 研发投入攻坚行动管理平台",
                Version = "v1",
                Description = "错误均为 RFC 9457 problem details，含 detail_zh / detail_en。Errors are RFC 9457 problem details with detail_zh / detail_en. "
                    + "认证：Cookie（网页登录，写操作需 X-CSRF-TOKEN）或个人 API 令牌（Authorization: Bearer rdi_…）。",
            };
            doc.Components ??= new OpenApiComponents();
            doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            doc.Components.SecuritySchemes[Auth.BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "个人 API 令牌（rdinvest user token NAME）/ personal API token",
            };
            doc.Components.SecuritySchemes["cookie"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = "rdinvest.auth",
                Description = "网页登录 Cookie（POST /api/v1/account/login）/ sign-in cookie",
            };
            return Task.CompletedTask;
        });
        o.AddOperationTransformer((op, ctx, _) =>
        {
            var metadata = ctx.Description.ActionDescriptor.EndpointMetadata;
            var anonymous = metadata.OfType<IAllowAnonymous>().Any();
            var roles = metadata.OfType<RolesMetadata>().LastOrDefault()?.Roles;
            var who = anonymous ? "公开，无需登录 / public, no sign-in"
                : roles is null ? "任何已登录用户（数据按范围过滤）/ any signed-in user (data limited to the user's scope)"
                : "角色 / roles: " + string.Join(", ", roles) + "（数据按范围过滤 / limited to the user's scope）";
            op.Description = (op.Description is { Length: > 0 } d ? d + "\n\n" : "") + "权限 / auth: " + who
                + "\n\n错误 / errors: 400 输入无效（类型或格式错误时含 field）invalid input (with field for a type or format error); 401 未登录 not signed in; 403 角色或范围不允许的写操作 role or scope forbids; "
                + "404 不存在、不在范围内或年份超出窗口的读取 missing, out of scope, or a year outside the window; "
                + "409 版本过期、已审定锁定或状态不允许 stale revision, locked final data, or not allowed in this status; "
                + "422 字段值不符合要求（含 field）a field's value is not acceptable (with field); 503 服务器缺少报告组件 a report tool is not installed.";
            if (!anonymous)
            {
                op.Security ??= [];
                op.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Auth.BearerScheme, ctx.Document)] = [] });
                op.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("cookie", ctx.Document)] = [] });
            }
            return Task.CompletedTask;
        });
    });

    /// <summary>The errors every API endpoint may answer, for the document.</summary>
    public static RouteGroupBuilder WithStandardProblems(this RouteGroupBuilder group) => group
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
}
