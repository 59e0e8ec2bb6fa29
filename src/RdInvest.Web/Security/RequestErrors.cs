using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RdInvest.Web.Security;

/// <summary>
/// Turns a request that could not be read (JSON of the wrong type, a malformed body, a route or query value that is
/// not of its type) into a message naming the field, in Chinese and English; and cuts long values out of messages.
/// </summary>
public static partial class RequestErrors
{
    /// <summary>The longest run of text without spaces quoted in a problem; longer runs (a 1 MB bad value) are cut.</summary>
    public const int MaxQuoted = 100;

    /// <summary>The longest detail of a problem.</summary>
    public const int MaxDetail = 2000;

    public static (int Status, string Zh, string En, object? Current) Describe(BadHttpRequestException e, HttpContext ctx, out string? field)
    {
        field = null;
        if (e.InnerException is JsonException json)
        {
            field = FieldOf(json.Path);
            var line = ((json.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture);
            if (field is null || !json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
            {
                var near = field is null ? "" : $"，字段 {field} 处";
                var nearEn = field is null ? "" : $", at field {field}";
                return (400, $"请求体不是有效的 JSON（第 {line} 行{near}）", $"the body is not valid JSON (line {line}{nearEn})", null);
            }
            // The message names the request record, not the field's type: the type is found from the body's type and the path.
            // The exception handler has cleared the request's endpoint; its feature keeps the one that failed.
            var endpoint = ctx.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Endpoint ?? ctx.GetEndpoint();
            var body = endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType;
            var (zh, en) = Kind(TypeAt(body, field));
            return (400, $"字段 {field}：{zh}", $"field {field}: {en}", null);
        }
        if (e.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return (415, "请求体应为 JSON（Content-Type: application/json）", "the body must be JSON (Content-Type: application/json)", null);
        }
        var message = e.Message;
        if (ParameterName().Match(message) is { Success: true } m)
        {
            field = Snake(m.Groups["name"].Value);
            return message.StartsWith("Required", StringComparison.Ordinal)
                ? (400, $"缺少参数 {field}", $"parameter {field} is missing", null)
                : message.Contains("no body was provided", StringComparison.Ordinal)
                    ? (400, "缺少请求体（JSON）", "the request body (JSON) is missing", null)
                    : (400, $"参数 {field}：值无效或类型不对", $"parameter {field}: the value is not valid or of the wrong type", null);
        }
        return (e.StatusCode, "请求无效：无法读取请求内容", "bad request: the body or a parameter could not be read", null);
    }

    /// <summary>Cuts each run of more than <see cref="MaxQuoted"/> characters without a space, and the whole text.</summary>
    public static string? Cut(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var cut = LongRun().Replace(text, m => m.Value[..MaxQuoted] + "…");
        return cut.Length <= MaxDetail ? cut : cut[..MaxDetail] + "…";
    }

    /// <summary>"$.rows[2].rd_total" → "rows[2].rd_total"; the root ("$") is no field.</summary>
    internal static string? FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return null;
        }
        var f = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return f.Length > MaxQuoted ? f[..MaxQuoted] + "…" : f;
    }

    private static (string Zh, string En) Kind(Type? type) => (type is null ? null : Nullable.GetUnderlyingType(type) ?? type) switch
    {
        null => ("值无效", "the value is not valid"),
        var t when t == typeof(decimal) || t == typeof(int) || t == typeof(long) || t == typeof(double) || t == typeof(float) || t == typeof(short)
            || t == typeof(byte) => ("不是数字或超出范围", "is not a number, or is out of range"),
        var t when t == typeof(bool) => ("应为 true 或 false", "must be true or false"),
        var t when t == typeof(string) => ("应为文本", "must be text"),
        var t when t == typeof(DateTime) || t == typeof(DateOnly) || t == typeof(DateTimeOffset) => ("不是有效的日期", "is not a valid date"),
        { IsEnum: true } => ("不是可用的取值", "is not one of the allowed values"),
        _ => ("类型不对", "has the wrong type"),
    };

    /// <summary>The type of the field at a path like "rd_total" or "rows[2].rd_total" in a body of type <paramref name="root"/>.</summary>
    internal static Type? TypeAt(Type? root, string path)
    {
        var t = root;
        foreach (var segment in path.Split('.'))
        {
            if (t is null)
            {
                return null;
            }
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket >= 0 ? segment[..bracket] : segment;
            if (name.Length > 0)
            {
                t = t.GetProperties().FirstOrDefault(p => Snake(p.Name) == name)?.PropertyType;
            }
            if (bracket >= 0 && t is not null)
            {
                t = t.IsArray ? t.GetElementType()
                    : t.GetInterfaces().Append(t).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
            }
        }
        return t;
    }

    private static string Snake(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    [GeneratedRegex(@"\S{101,}")]
    private static partial Regex LongRun();

    [GeneratedRegex("parameter \"(?:[^\"]*\\s)?(?<name>\\w+)\"")]
    private static partial Regex ParameterName();
}
