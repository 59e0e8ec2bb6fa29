using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using RdInvest.Common;
using RdInvest.Data;

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
            // A bad value is quoted at most once and cut: a 1 MB value never comes back (three times) in a problem.
            p.Detail = RequestErrors.Cut(p.Detail);
            foreach (var key in new[] { "detail_zh", "detail_en" })
            {
                if (p.Extensions.TryGetValue(key, out var text) && text is string t)
                {
                    p.Extensions[key] = RequestErrors.Cut(t);
                }
            }
            p.Extensions["request_id"] = ctx.HttpContext.TraceIdentifier;
            p.Extensions.Remove("traceId");
            p.Extensions.Remove("exception");
        });
        services.AddExceptionHandler<UserErrorHandler>();
        // Binding failures are thrown (not just logged) so that the handler below can name the field.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
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
        422 => ("无法处理 / Unprocessable Content", "字段值不符合要求", "a field's value is not acceptable"),
        415 => ("类型不支持 / Unsupported Media Type", "不支持的内容类型", "unsupported content type"),
        423 => ("账户已锁定 / Locked", "登录失败次数过多，账户已暂时锁定", "too many failed sign-ins; the account is locked for a while"),
        429 => ("请求过多 / Too Many Requests", "请求过于频繁，请稍后再试", "too many requests; try again later"),
        503 => ("服务不可用 / Service Unavailable", "服务器缺少所需组件，请联系管理员", "a component the server needs is not installed; ask the administrator"),
        507 => ("存储空间不足 / Insufficient Storage", StorageFailure.FullZh, StorageFailure.FullEn),
        504 or 408 => ("超时 / Timeout", "请求处理超时", "the request timed out"),
        _ when status >= 500 => ("内部错误 / Internal Server Error", "服务器内部错误，已记录；请稍后再试", "internal server error; it has been logged"),
        _ => ("错误 / Error", "请求失败", "the request failed"),
    };

    public static IResult Result(HttpContext ctx, int status, string zh, string en, object? current = null, string? field = null,
        IReadOnlyList<ValidationFinding>? errors = null)
    {
        var extensions = new Dictionary<string, object?> { ["detail_zh"] = zh, ["detail_en"] = en };
        if (errors is not null)
        {
            extensions["errors"] = errors;
        }
        if (current is not null)
        {
            extensions["current"] = current;
        }
        if (field is not null)
        {
            extensions["field"] = field;
        }
        return TypedResults.Problem(English(ctx) ? en : zh, statusCode: status, title: Standard(status).Title, extensions: extensions);
    }
}

/// <summary>Maps library errors to statuses; anything else is a 500 whose body says nothing about the code.</summary>
public sealed class UserErrorHandler(IProblemDetailsService problems, ILogger<UserErrorHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext ctx, Exception exception, CancellationToken ct)
    {
        string? field = null;
        var (status, zh, en, current) = exception switch
        {
            Reports.NotInstalledError e => (503, e.MessageZh, e.MessageEn, null),
            Accounts.AccountFieldError e => (422, e.MessageZh, e.MessageEn, null),
            NotFoundError e => (404, e.MessageZh, e.MessageEn, null),
            ForbiddenError e => (403, e.MessageZh, e.MessageEn, null),
            ConflictError e => (409, e.MessageZh, e.MessageEn, e.Current),
            ValidationError e => (422, e.MessageZh, e.MessageEn, (object?)null),
            UserError e => (400, e.MessageZh, e.MessageEn, (object?)null),
            BadHttpRequestException e when e.StatusCode == 413 => (413, "上传内容超过大小限制", "the upload exceeds the size limit", null),
            BadHttpRequestException e => RequestErrors.Describe(e, ctx, out field),
            AntiforgeryValidationException => (400, "缺少或无效的 CSRF 令牌（X-CSRF-TOKEN）", "missing or invalid CSRF token (X-CSRF-TOKEN)", null),
            OperationCanceledException when ctx.RequestAborted.IsCancellationRequested => (499, "请求已取消", "request cancelled", null),
            _ when DatabaseUnavailable.Is(exception) => (503, DatabaseUnavailable.Zh, DatabaseUnavailable.En, null),
            _ when StorageFailure.Describe(exception) is { } storage => (storage.Status, storage.Zh, storage.En, null),
            _ => (500, Problems.Standard(500).Zh, Problems.Standard(500).En, null),
        };
        field ??= exception switch
        {
            Accounts.AccountFieldError e => e.Field,
            Accounts.AccountChoiceError e => e.Field,
            Auditing.AuditFilterError e => e.Field,
            _ => null,
        };
        if (status == 503 && DatabaseUnavailable.Is(exception))
        {
            log.LogWarning("database unavailable {RequestId}: {Reason}", ctx.TraceIdentifier, exception.GetBaseException().Message);
            ctx.Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (StorageFailure.Classify(exception) != StorageFailure.Kind.None)
        {
            log.LogError("database cannot store {RequestId}: {Reason}", ctx.TraceIdentifier, exception.GetBaseException().Message);
        }
        else if (status >= 500)
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
        if (field is not null)
        {
            problem.Extensions["field"] = field;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = ctx, ProblemDetails = problem, Exception = exception });
    }
}
