using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace RdInvest.Common;

/// <summary>
/// The one JSON shape of every host and file: snake_case keys, Chinese written as is (not \uXXXX), nulls kept.
/// <see cref="Compact"/> is also the canonical form that saved-round fingerprints hash, so it must not change.
/// </summary>
public static class JsonDefaults
{
    public static JsonSerializerOptions Compact { get; } = Configure(new JsonSerializerOptions());

    /// <summary>The same options, indented, for the CLI's <c>--json</c> and files meant to be read.</summary>
    public static JsonSerializerOptions Indented { get; } = new(Compact) { WriteIndented = true };

    /// <summary>Applies the shape to options a host owns (ASP.NET Core's HTTP JSON options).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        return options;
    }
}
