using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;
using RdInvest.Assessment;
using RdInvest.Indicators;

namespace RdInvest.Web.Pages;

/// <summary>
/// ECharts options of the reading pages (a division's indicator over the years, the assessment ranking), in the
/// style of <see cref="Charts"/>; drawn by wwwroot/js/chart-series.js and chart-ranking.js.
/// </summary>
public sealed class PageCharts(Format fmt, IStringLocalizer<SharedResource> text, bool english)
{
    private const string Font = "Noto Sans CJK SC, Noto Sans SC, sans-serif";

    private static JsonObject Base(string title) => new()
    {
        ["textStyle"] = new JsonObject { ["fontFamily"] = Font },
        ["title"] = new JsonObject { ["text"] = title, ["left"] = 0, ["textStyle"] = new JsonObject { ["fontSize"] = 14 } },
        ["tooltip"] = new JsonObject { ["trigger"] = "axis" },
        ["animation"] = false,
    };

    /// <summary>One indicator of a division over the years: bars for levels, a line for rates; provenance in the data table.</summary>
    public ChartBlock Series(DivisionPage page, string key, string header)
    {
        var s = page.Series.First(x => x.Key == key);
        var name = english ? page.Self.NameEn : page.Self.NameZh;
        var title = string.Format(fmt.Culture, text["Division.ChartTitle"], name, english ? s.En : s.Zh, page.Years[0], page.Years[^1]);
        var o = Base(title);
        o["grid"] = new JsonObject { ["left"] = 64, ["right"] = 24, ["top"] = 76, ["bottom"] = 32 };
        o["xAxis"] = new JsonObject { ["type"] = "category", ["data"] = new JsonArray(page.Years.Select(y => (JsonNode?)JsonValue.Create(y.ToString(fmt.Culture))).ToArray()) };
        o["yAxis"] = new JsonObject { ["type"] = "value", ["name"] = new Charts(fmt, text, english).UnitLabel(s.Unit), ["nameGap"] = 14, ["scale"] = s.Unit == IndicatorUnits.Percent };
        o["series"] = new JsonArray
        {
            new JsonObject
            {
                ["name"] = english ? s.En : s.Zh,
                ["type"] = s.Unit == IndicatorUnits.Percent ? "line" : "bar",
                ["barMaxWidth"] = 36,
                ["symbolSize"] = 7,
                ["data"] = new JsonArray(s.Values.Select(v => (JsonNode?)JsonValue.Create(Charts.Scale(v.Value, s.Unit))).ToArray()),
                ["itemStyle"] = new JsonObject { ["color"] = "#1d3557" },
                ["label"] = new JsonObject { ["show"] = true, ["position"] = "top", ["fontSize"] = 10 },
            },
        };
        var rows = page.Years.Select((y, i) => (IReadOnlyList<string>)[y.ToString(fmt.Culture), fmt.Value(s.Values[i].Value, s.Unit)]).ToList();
        return new ChartBlock("series-chart", "series", o, title, [text["Chart.Year"], header], rows);
    }

    /// <summary>The assessment's total scores as sorted horizontal bars, the reader's own league/city highlighted.</summary>
    public ChartBlock Assessment(AssessResult r, string? own, Func<string, string, string> nameOf)
    {
        var rows = r.Results.OrderBy(x => x.Total).ToList();
        var title = string.Format(fmt.Culture, text["Assessment.ChartTitle"], r.Year);
        var o = Base(title);
        o["tooltip"] = new JsonObject { ["trigger"] = "item" };
        o["grid"] = new JsonObject { ["left"] = 8, ["right"] = 56, ["top"] = 40, ["bottom"] = 16, ["containLabel"] = true };
        o["xAxis"] = new JsonObject { ["type"] = "value", ["name"] = text["Assessment.Points"].Value };
        o["yAxis"] = new JsonObject { ["type"] = "category", ["data"] = new JsonArray(rows.Select(x => (JsonNode?)JsonValue.Create(nameOf(x.Division, x.Name))).ToArray()) };
        o["series"] = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "bar",
                ["barMaxWidth"] = 18,
                ["label"] = new JsonObject { ["show"] = true, ["position"] = "right", ["fontSize"] = 10 },
                ["data"] = new JsonArray(rows.Select(x => (JsonNode?)new JsonObject
                {
                    ["value"] = x.Total,
                    ["itemStyle"] = new JsonObject { ["color"] = x.Division == own ? "#f76707" : "#206bc4" },
                }).ToArray()),
            },
        };
        var table = r.Results.Select(x => (IReadOnlyList<string>)[nameOf(x.Division, x.Name), x.Total.ToString("0.00", fmt.Culture)]).ToList();
        return new ChartBlock("assessment-chart", "ranking", o, title, [text["Table.Division"], text["Assessment.Total"]], table, "rd-chart rd-chart-tall");
    }
}
