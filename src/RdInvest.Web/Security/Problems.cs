using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using RdInvest.Common;

namespace RdInvest.Web.Security;

/// <summary>
/// RFC 9457 problem details for every error, in Chinese and English: <c>detail</c> in the request's language
/// (Chinese unless Accept-Language asks for English), plus <c>detail_zh</c> and <c>detail_en</c>. Never a stack trace.
/// </summary>
public static class Problems
{
    public static void AddRdInvestProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var p = ctx.ProblemDetails;
            var status = p.Status ?? ctx.HttpContext.Response.StatusCode;
            if (!p.Extensions.ContainsKey("detail_zh"))
            {
                var (title, zh, en) = Standard(status);
                p.Title = title;
                p.Extensions["detail_zh"] = zh;
                p.Extensions["detail_en"] = en;
                p.Detail = English(ctx.HttpContext) ? en : zh;
            }
            p.Extensions["request_id"] = ctx.HttpContext.TraceIdentifier;
            p.Extensions.Remove("traceId");
            p.Extensions.Remove("exception");
        });
        services.AddExceptionHandler<UserErrorHandler>();
    }

    public static bool English(HttpContext ctx) =>
        ctx.Request.Headers.AcceptLanguage.ToString().StartsWith("en", StringComparison.OrdinalIgnoreCase)
        || string.Equals(ctx.Request.Query["lang"], "en", StringComparison.OrdinalIgnoreCase);

    public static (string Title, string Zh, string En) Standard(int status) => status switch
    {
        400 => ("请求无效 / Bad Request", "请求无效", "the request is not valid"),
        401 => ("需要登录 / Unauthorized", "需要登录或有效的 API 令牌", "sign-in or a valid API token is required"),
        403 => ("无权限 / Forbidden", "您的角色或范围不允许此操作", "your role or scope does not allow this"),
        404 => ("未找到 / Not Found", "未找到，或不在您的权限范围内", "not found, or outside your scope"),
        405 => ("方法不允许 / Method Not Allowed", "不支持此请求方法", "this method is not allowed here"),
        409 => ("冲突 / Conflict", "与当前数据冲突", "conflicts with the current data"),
        413 => ("内容过大 / Payload Too Large", "上传内容超过大小限制", "the upload exceeds the size limit"),
        415 => ("类型不支持 / Unsupported Media Type", "不支持的内容类型", "unsupported content type"),
        423 => ("账户已锁定 / Locked", "登录失败次数过多，账户已暂时锁定", "too many failed sign-ins; the account is locked for a while"),
        429 => ("请求过多 / Too Many Requests", "请求过于频繁，请稍后再试", "too many requests; try again later"),
        504 or 408 => ("超时 / Timeout", "请求处理超时", "the request timed out"),
        _ when status >= 500 => ("内部错误 / Internal Server Error", "服务器内部错误，已记录；请稍后再试", "internal server error; it has been logged"),
        _ => ("错误 / Error", "请求失败", "the request failed"),
    };

    public static IResult Result(HttpContext ctx, int status, string zh, string en, object? current = null)
    {
        var extensions = new Dictionary<string, object?> { ["detail_zh"] = zh, ["detail_en"] = en };
        if (current is not null)
        {
            extensions["current"] = current;
        }
        return TypedResults.Problem(English(ctx) ? en : zh, statusCode: status, title: Standard(status).Title, extensions: extensions);
    }
}

/// <summary>Maps library errors to statuses; anything else is a 500 whose body says nothing about the code.</summary>
public sealed class UserErrorHandler(IProblemDetailsService problems, ILogger<UserErrorHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext ctx, Exception exception, CancellationToken ct)
    {
        var (status, zh, en, current) = exception switch
        {
            NotFoundError e => (404, e.MessageZh, e.MessageEn, null),
            ForbiddenError e => (403, e.MessageZh, e.MessageEn, null),
            ConflictError e => (409, e.MessageZh, e.MessageEn, e.Current),
            ValidationError e => (422, e.MessageZh, e.MessageEn, (object?)null),
            UserError e => (400, e.MessageZh, e.MessageEn, (object?)null),
            BadHttpRequestException e when e.StatusCode == 413 => (413, "上传内容超过大小限制", "the upload exceeds the size limit", null),
            BadHttpRequestException e => (e.StatusCode, "请求无效：无法读取请求内容（JSON 格式或参数类型错误）", "bad request: the body or a parameter could not be read", null),
            AntiforgeryValidationException => (400, "缺少或无效的 CSRF 令牌（X-CSRF-TOKEN）", "missing or invalid CSRF token (X-CSRF-TOKEN)", null),
            OperationCanceledException when ctx.RequestAborted.IsCancellationRequested => (499, "请求已取消", "request cancelled", null),
            _ => (500, Problems.Standard(500).Zh, Problems.Standard(500).En, null),
        };
        if (status >= 500)
        {
            log.LogError(exception, "unhandled error {RequestId}", ctx.TraceIdentifier);
        }
        ctx.Response.StatusCode = status;
        var problem = new ProblemDetails
        {
            Status = status,
            Title = Problems.Standard(status).Title,
            Detail = Problems.English(ctx) ? en : zh,
            Extensions = { ["detail_zh"] = zh, ["detail_en"] = en },
        };
        if (current is not null)
        {
            problem.Extensions["current"] = current;
        }
        if (exception is ValidationError invalid)
        {
            problem.Extensions["errors"] = invalid.Findings;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = ctx, ProblemDetails = problem, Exception = exception });
    }
}
