using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using RdInvest.Common;

namespace RdInvest.Web.Security;

/// <summary>
/// The year window on every route of the /api/v1 group, checked once here rather than in each API: a route value or
/// query value named <c>year</c>, and a <c>Year</c> field of any bound request body, must lie inside
/// <see cref="Bounds.MinYear"/>–<see cref="Bounds.MaxYear"/>. Outside it a read answers 404 (nothing can exist there)
/// and a write 422, before any query runs, so a year like 10000 neither loops for minutes nor creates rows.
/// </summary>
public sealed class YearFilter : IEndpointFilter
{
    public const string Field = "year";

    private static readonly ConcurrentDictionary<Type, PropertyInfo?> s_yearProperty = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        foreach (var year in Years(context))
        {
            if (year is not { } y || !Bounds.IsYear(y))
            {
                var read = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
                return Refusal(http, read, year);
            }
        }
        return await next(context);
    }

    /// <summary>The 404 (read) or 422 (write) problem for a year outside the window (or not a number: null).</summary>
    public static IResult Refusal(HttpContext http, bool read, int? year)
    {
        var (min, max) = (Bounds.MinYear, Bounds.MaxYear);
        var shown = year?.ToString(CultureInfo.InvariantCulture);
        var zh = year is null ? $"字段 year：不是有效的年份（应为 {min}–{max}）" : $"字段 year：年份 {shown} 不在 {min}–{max} 之内";
        var en = year is null ? $"field year: not a valid year (expected {min}–{max})" : $"field year: {shown} is outside {min}–{max}";
        if (read)
        {
            return Problems.Result(http, StatusCodes.Status404NotFound, $"没有 {shown} 年的数据：{zh}", $"no data for year {shown}: {en}", field: Field);
        }
        // The same finding the record, figure and import validation give for a year outside the window.
        var finding = new ValidationFinding(Field, shown, "year-out-of-range", zh, en);
        return Problems.Result(http, StatusCodes.Status422UnprocessableEntity, zh, en, field: Field, errors: [finding]);
    }

    /// <summary>Every year the request names; null for a route year that is not a number.</summary>
    private static IEnumerable<int?> Years(EndpointFilterInvocationContext context)
    {
        var http = context.HttpContext;
        if (http.Request.RouteValues.TryGetValue(Field, out var route) && route is not null)
        {
            yield return Parse(Convert.ToString(route, CultureInfo.InvariantCulture));
        }
        if (http.Request.Query.TryGetValue(Field, out var query) && query.Count > 0 && !string.IsNullOrEmpty(query[0]))
        {
            // A query year that is not a number is left to binding, which names the parameter.
            if (int.TryParse(query[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var q))
            {
                yield return q;
            }
        }
        foreach (var arg in context.Arguments)
        {
            if (arg is null || YearProperty(arg.GetType()) is not { } p)
            {
                continue;
            }
            // An optional year (int?) may be absent; a required int the body left out binds as 0, outside every window.
            if (p.GetValue(arg) is int value)
            {
                yield return value;
            }
        }
    }

    private static int? Parse(string? text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var y) ? y : null;

    /// <summary>The int Year property of a request record of this application, if it has one.</summary>
    private static PropertyInfo? YearProperty(Type type) => s_yearProperty.GetOrAdd(type, static t =>
        t.Namespace?.StartsWith("RdInvest", StringComparison.Ordinal) == true
            ? t.GetProperty("Year", BindingFlags.Public | BindingFlags.Instance) is { } p && (p.PropertyType == typeof(int) || p.PropertyType == typeof(int?)) ? p : null
            : null);
}
