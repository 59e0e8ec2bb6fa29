using System.Text.Json;
using System.Text.Json.Serialization;
using RdInvest.Exporting;

namespace RdInvest.Importing;

/// <summary>Writes an import's outcome and findings to .json, .csv or .xlsx (<c>--report</c>).</summary>
public static class ImportReport
{
    /// <summary>The one JSON shape (indented), with severities written as words.</summary>
    public static readonly JsonSerializerOptions Json = new(Common.JsonDefaults.Indented)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static readonly IReadOnlyList<string> Headers =
        ["severity", "rule", "file", "row", "column", "value", "message_zh", "message_en"];

    public static void Write(string path, ImportResult result)
    {
        if (Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            File.WriteAllText(path, JsonSerializer.Serialize(result, Json));
            return;
        }
        TabularFileWriter.Write(path, Headers, result.Findings.Select(f => new object?[]
        {
            f.Severity == Severity.Error ? "error" : "warning", f.Rule, f.File, f.Row, f.Column, f.Value, f.MessageZh, f.MessageEn,
        }));
    }
}
