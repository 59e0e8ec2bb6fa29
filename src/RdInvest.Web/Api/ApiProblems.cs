using Microsoft.AspNetCore.Http.HttpResults;
using RdInvest.Common;
using RdInvest.Web.Security;

namespace RdInvest.Web.Api;

/// <summary>Library errors an endpoint answers itself, as typed problem results (so OpenAPI lists them): 409, 413, 422.</summary>
public static class ApiProblems
{
    /// <summary>A problem in Chinese and English; <paramref name="field"/> names the input or parameter at fault.</summary>
    public static ProblemHttpResult Of(HttpContext http, int status, UserError e, string? field = null, object? current = null)
    {
        var extensions = new Dictionary<string, object?> { ["detail_zh"] = e.MessageZh, ["detail_en"] = e.MessageEn };
        if (field is not null)
        {
            extensions["field"] = field;
        }
        if (current is not null)
        {
            extensions["current"] = current;
        }
        var title = status == StatusCodes.Status422UnprocessableEntity ? "无法处理 / Unprocessable Content" : Problems.Standard(status).Title;
        return TypedResults.Problem(Problems.English(http) ? e.MessageEn : e.MessageZh, statusCode: status, title: title, extensions: extensions);
    }

    /// <summary>The status of the errors a calculation or a round answers itself; null for the rest (the exception handler's).</summary>
    public static ProblemHttpResult? Known(HttpContext http, UserError e) => e switch
    {
        Policy.InputOutOfRangeError r => Of(http, StatusCodes.Status422UnprocessableEntity, r, r.Field),
        Policy.BatchTooLargeError => Of(http, StatusCodes.Status413PayloadTooLarge, e),
        ConflictError c => Of(http, StatusCodes.Status409Conflict, c, current: c.Current),
        _ => null,
    };
}
