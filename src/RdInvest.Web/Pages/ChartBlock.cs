using System.Text.Json;
using System.Text.Json.Nodes;

namespace RdInvest.Web.Pages;

/// <summary>
/// A chart as a page renders it (Shared/_Chart.cshtml): the element the script of its kind draws into, its option
/// as JSON, and the same figures as a table a keyboard or screen-reader user can reach.
/// </summary>
public sealed record ChartBlock(string Id, string Kind, JsonObject Option, string Label, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows,
    string CssClass = "rd-chart")
{
    private static readonly JsonSerializerOptions s_json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default };

    /// <summary>The option as JSON safe inside a script element (&lt; and &amp; escaped).</summary>
    public string OptionJson => Option.ToJsonString(s_json);
}
