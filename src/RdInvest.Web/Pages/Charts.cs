using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;
using RdInvest.Indicators;
using RdInvest.Targets;

namespace RdInvest.Web.Pages;

/// <summary>
/// ECharts options of the pages, built from the library's view records with the page's language; each is written
/// into a <c>&lt;script type="application/json"&gt;</c> block and drawn by wwwroot/js/chart-&lt;kind&gt;.js.
/// </summary>
public sealed class Charts(Format fmt, IStringLocalizer<SharedResource> text, bool english)
{
    private const string Font = "Noto Sans CJK SC, Noto Sans SC, sans-serif";

    /// <summary>呼和浩特, 包头, 乌海: too small on the league/city map for a label of their own.</summary>
    private static readonly string[] SmallOnMap = ["150100", "150200", "150300"];

    /// <summary>Values in the chart's unit: 亿元 for money, as is for percent and counts.</summary>
    public static decimal? Scale(decimal? v, string unit) => v is { } x ? unit == IndicatorUnits.Yuan ? decimal.Round(x / 100_000_000m, 2) : decimal.Round(x, 2) : null;

    public string UnitLabel(string unit) => unit switch
    {
        IndicatorUnits.Yuan => text["Unit.Yi"],
        IndicatorUnits.Percent => "%",
        _ => text["Unit.CountAxis"],
    };

    public string IndicatorName(string key) => text["Indicator." + key];

    public string AreaName(DashboardArea a) => english ? a.NameEn : a.NameZh;

    private static JsonObject Base(string title, string? subtitle = null) => new()
    {
        ["textStyle"] = new JsonObject { ["fontFamily"] = Font },
        ["title"] = new JsonObject
        {
            ["text"] = title,
            ["subtext"] = subtitle ?? "",
            ["left"] = 0,
            ["textStyle"] = new JsonObject { ["fontSize"] = 14 },
            ["subtextStyle"] = new JsonObject { ["color"] = "#3b4656" },
        },
        ["tooltip"] = new JsonObject { ["trigger"] = "item" },
        ["animation"] = false,
    };

    /// <summary>Required growth of each path, the trajectory's subtitle.</summary>
    public string RequiredGrowthText(DashboardTrajectory t) =>
        string.Join("；", t.Paths.Select(p => string.Format(fmt.Culture, text["Chart.Required"], p.TargetId, fmt.Percent(p.RequiredGrowth))));

    public string TrajectoryTitle(DashboardTrajectory t, int year) =>
        string.Format(fmt.Culture, text["Chart.TrajectoryTitle"], IndicatorName(t.Indicator), string.Join("/", t.Paths.Select(p => p.TargetId)), year);

    public JsonObject Trajectory(DashboardTrajectory t, int year)
    {
        var o = Base(TrajectoryTitle(t, year), RequiredGrowthText(t));
        o["tooltip"] = new JsonObject { ["trigger"] = "axis" };
        var series = new JsonArray
        {
            new JsonObject
            {
                ["name"] = text["Chart.Actual"].Value,
                ["type"] = "line",
                ["data"] = new JsonArray(t.Actual.Select(v => (JsonNode?)JsonValue.Create(Scale(v, t.Unit))).ToArray()),
                ["symbolSize"] = 7,
                ["lineStyle"] = new JsonObject { ["width"] = 3, ["color"] = "#1d3557" },
                ["itemStyle"] = new JsonObject { ["color"] = "#1d3557" },
                ["label"] = new JsonObject { ["show"] = true, ["position"] = "top", ["fontSize"] = 10 },
            },
        };
        foreach (var p in t.Paths)
        {
            var colour = Format.StatusColour(p.Status);
            var end = Scale(p.EndValue, t.Unit);
            series.Add(new JsonObject
            {
                ["name"] = string.Format(fmt.Culture, text["Chart.Path"], p.TargetId),
                ["type"] = "line",
                ["data"] = new JsonArray(p.Values.Select(v => (JsonNode?)JsonValue.Create(Scale(v, t.Unit))).ToArray()),
                ["lineStyle"] = new JsonObject { ["type"] = "dashed", ["color"] = colour },
                ["itemStyle"] = new JsonObject { ["color"] = colour },
                ["symbol"] = "none",
                ["markPoint"] = end is null ? null : new JsonObject
                {
                    ["symbol"] = "pin",
                    ["symbolSize"] = 36,
                    ["label"] = new JsonObject { ["fontSize"] = 9 },
                    ["data"] = new JsonArray(new JsonObject { ["coord"] = new JsonArray(t.Years.Count - 1, end), ["value"] = end }),
                },
            });
        }
        o["legend"] = new JsonObject { ["bottom"] = 0 };
        o["grid"] = new JsonObject { ["left"] = 56, ["right"] = 24, ["top"] = 78, ["bottom"] = 48 };
        o["xAxis"] = new JsonObject { ["type"] = "category", ["data"] = new JsonArray(t.Years.Select(y => (JsonNode?)JsonValue.Create(y.ToString(fmt.Culture))).ToArray()) };
        o["yAxis"] = new JsonObject { ["type"] = "value", ["name"] = UnitLabel(t.Unit), ["scale"] = true };
        o["series"] = series;
        return o;
    }

    /// <summary>The league/city map coloured by the dashboard's indicator: sequential for levels, diverging around 0 for growth.</summary>
    public JsonObject Map(IReadOnlyList<DashboardArea> leagues, string indicator, int year, bool drill)
    {
        var unit = leagues.Select(l => l.MapValue.Unit).FirstOrDefault(u => u is not null) ?? IndicatorUnits.Percent;
        var values = leagues.Where(l => l.Visible && l.MapValue.Value is not null).Select(l => Scale(l.MapValue.Value, unit)!.Value).ToList();
        var growth = indicator.EndsWith("growth", StringComparison.Ordinal);
        var o = Base(string.Format(fmt.Culture, text["Chart.MapTitle"], year, IndicatorName(indicator), UnitLabel(unit)));
        var max = values.Count == 0 ? 1 : values.Max();
        var min = values.Count == 0 ? 0 : values.Min();
        if (growth)
        {
            var m = Math.Max(Math.Abs(min), Math.Abs(max));
            (min, max) = (-m, m);
        }
        o["visualMap"] = new JsonObject
        {
            ["type"] = "continuous",
            ["min"] = decimal.Floor(min),
            ["max"] = decimal.Ceiling(max),
            ["left"] = 8,
            ["bottom"] = 8,
            ["text"] = new JsonArray(text["Chart.High"].Value, text["Chart.Low"].Value),
            ["calculable"] = false,
            ["inRange"] = new JsonObject
            {
                ["color"] = growth ? new JsonArray("#b2182b", "#f7f7f7", "#2166ac") : new JsonArray("#e0ecf8", "#6aa3d8", "#08306b"),
            },
        };
        var nameMap = new JsonObject();
        if (english)
        {
            foreach (var l in leagues)
            {
                nameMap[l.NameZh] = l.NameEn;
            }
        }
        o["series"] = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "map",
                ["map"] = "neimenggu",
                ["nameMap"] = nameMap,
                ["layoutCenter"] = new JsonArray("52%", "50%"),
                ["layoutSize"] = "100%",
                ["selectedMode"] = false,
                ["label"] = new JsonObject { ["show"] = true, ["fontSize"] = 10 },
                ["labelLayout"] = new JsonObject { ["hideOverlap"] = true },
                ["itemStyle"] = new JsonObject { ["areaColor"] = "#e6e8eb", ["borderColor"] = "#555555" },
                ["emphasis"] = new JsonObject { ["label"] = new JsonObject { ["show"] = true } },
                ["data"] = new JsonArray(leagues.Select(l => (JsonNode?)new JsonObject
                {
                    ["name"] = AreaName(l),
                    ["value"] = l.Visible ? Scale(l.MapValue.Value, unit) : null,
                    ["href"] = drill && l.Visible ? "/divisions/" + l.Code : null,
                    // The small central leagues/cities would overlap; their names are in the ranking and table beside.
                    ["label"] = SmallOnMap.Contains(l.Code) ? new JsonObject { ["show"] = false } : null,
                }).ToArray()),
            },
        };
        return o;
    }

    /// <summary>Horizontal bars sorted by the value, the reader's own division highlighted; a click opens its page.</summary>
    public JsonObject Ranking(IReadOnlyList<DashboardArea> areas, string indicator, int year, string? own, bool drill)
    {
        var unit = areas.Select(a => a.MapValue.Unit).FirstOrDefault() ?? IndicatorUnits.Percent;
        var rows = areas.Where(a => a.Visible && a.MapValue.Value is not null).OrderBy(a => a.MapValue.Value).ToList();
        var o = Base(string.Format(fmt.Culture, text["Chart.RankingTitle"], year, IndicatorName(indicator), UnitLabel(unit)));
        o["grid"] = new JsonObject { ["left"] = 8, ["right"] = 56, ["top"] = 40, ["bottom"] = 16, ["containLabel"] = true };
        o["xAxis"] = new JsonObject { ["type"] = "value", ["name"] = UnitLabel(unit) };
        o["yAxis"] = new JsonObject { ["type"] = "category", ["data"] = new JsonArray(rows.Select(a => (JsonNode?)JsonValue.Create(AreaName(a))).ToArray()) };
        o["series"] = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "bar",
                ["barMaxWidth"] = 18,
                ["label"] = new JsonObject { ["show"] = true, ["position"] = "right", ["fontSize"] = 10 },
                ["data"] = new JsonArray(rows.Select(a => (JsonNode?)new JsonObject
                {
                    ["value"] = Scale(a.MapValue.Value, unit),
                    ["href"] = drill ? "/divisions/" + a.Code : null,
                    ["itemStyle"] = new JsonObject { ["color"] = a.Code == own ? "#f76707" : "#206bc4" },
                }).ToArray()),
            },
        };
        return o;
    }
}
