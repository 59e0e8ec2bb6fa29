using System.Text.Json.Nodes;

namespace RdInvest.Reports;

/// <summary>The ECharts options of the notification: trajectories (T1–T4), the assessment ranking and the intensity map.</summary>
public static class NotificationCharts
{
    public const string MapName = "neimenggu";

    public static IReadOnlyList<ChartSpec> For(NotificationData d)
    {
        var charts = new List<ChartSpec>();
        for (var i = 0; i < d.Trajectories.Count; i++)
        {
            charts.Add(new ChartSpec($"trajectory{i}", 680, 300, Trajectory(d.Trajectories[i], d.Year)));
        }
        charts.Add(new ChartSpec("ranking", 680, 380, Ranking(d)));
        charts.Add(new ChartSpec("map", 700, 600, Map(d)));
        return charts;
    }

    private static JsonNode? Yi(decimal? yuan) => yuan is { } y ? JsonValue.Create(decimal.Round(y / 100_000_000m, 2)) : null;

    private static JsonObject Base(string title) => new()
    {
        ["textStyle"] = new JsonObject { ["fontFamily"] = ChartRenderer.FontFamily },
        ["title"] = new JsonObject { ["text"] = title, ["left"] = "center", ["textStyle"] = new JsonObject { ["fontSize"] = 14, ["fontFamily"] = ChartRenderer.FontFamily } },
    };

    private static JsonObject Trajectory(TrajectorySeries t, int year)
    {
        var o = Base(t.Title);
        var series = new JsonArray
        {
            new JsonObject
            {
                ["name"] = $"实际 actual（至{year}年）",
                ["type"] = "line",
                ["data"] = new JsonArray(t.Actual.Select(Yi).ToArray()),
                ["symbolSize"] = 7,
                ["lineStyle"] = new JsonObject { ["width"] = 3 },
                ["label"] = new JsonObject { ["show"] = true, ["position"] = "top", ["fontSize"] = 10 },
            },
        };
        foreach (var (label, values) in t.Paths)
        {
            series.Add(new JsonObject
            {
                ["name"] = "目标路径 " + label,
                ["type"] = "line",
                ["data"] = new JsonArray(values.Select(Yi).ToArray()),
                ["lineStyle"] = new JsonObject { ["type"] = "dashed" },
                ["symbol"] = "none",
            });
        }
        o["legend"] = new JsonObject { ["bottom"] = 0, ["textStyle"] = new JsonObject { ["fontSize"] = 10 } };
        o["grid"] = new JsonObject { ["left"] = 60, ["right"] = 24, ["top"] = 40, ["bottom"] = 64 };
        o["xAxis"] = new JsonObject { ["type"] = "category", ["data"] = new JsonArray(t.Years.Select(y => (JsonNode?)JsonValue.Create(y.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray()) };
        o["yAxis"] = new JsonObject { ["type"] = "value", ["name"] = "亿元", ["scale"] = true };
        o["series"] = series;
        return o;
    }

    private static JsonObject Ranking(NotificationData d)
    {
        var rows = d.Assessment.Results.OrderBy(r => r.Rank).ThenBy(r => r.Division, StringComparer.Ordinal).Reverse().ToList();
        var o = Base($"{d.Year}年 盟市考核得分排名 / assessment ranking");
        o["grid"] = new JsonObject { ["left"] = 100, ["right"] = 60, ["top"] = 36, ["bottom"] = 24 };
        o["xAxis"] = new JsonObject { ["type"] = "value", ["max"] = 100 };
        o["yAxis"] = new JsonObject { ["type"] = "category", ["data"] = new JsonArray(rows.Select(r => (JsonNode?)JsonValue.Create($"{r.Rank}. {r.Name}")).ToArray()) };
        o["series"] = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "bar",
                ["data"] = new JsonArray(rows.Select(r => (JsonNode?)new JsonObject
                {
                    ["value"] = r.Total,
                    ["itemStyle"] = new JsonObject { ["color"] = r.Grade switch { "优秀" => "#1a7f37", "良好" => "#2f6fb5", "合格" => "#d4a017", _ => "#c0392b" } },
                }).ToArray()),
                ["label"] = new JsonObject { ["show"] = true, ["position"] = "right", ["formatter"] = "{c}" },
                ["barWidth"] = 16,
            },
        };
        return o;
    }

    private static JsonObject Map(NotificationData d)
    {
        var values = d.Leagues.Where(l => l.Intensity is not null).Select(l => l.Intensity!.Value).ToList();
        var o = Base($"{d.Year}年 盟市R&D经费投入强度 / R&D intensity (%)");
        o["visualMap"] = new JsonObject
        {
            ["type"] = "continuous",
            ["min"] = values.Count == 0 ? 0 : decimal.Floor(values.Min() * 10) / 10,
            ["max"] = values.Count == 0 ? 1 : decimal.Ceiling(values.Max() * 10) / 10,
            ["left"] = 20,
            ["bottom"] = 20,
            ["text"] = new JsonArray("高 high", "低 low"),
            ["calculable"] = false,
            ["inRange"] = new JsonObject { ["color"] = new JsonArray("#e0ecf8", "#6aa3d8", "#08306b") },
        };
        o["series"] = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "map",
                ["map"] = MapName,
                ["layoutCenter"] = new JsonArray("50%", "55%"),
                ["layoutSize"] = "100%",
                ["label"] = new JsonObject { ["show"] = true, ["fontSize"] = 10, ["formatter"] = "{b}\n{c}%" },
                ["itemStyle"] = new JsonObject { ["areaColor"] = "#dddddd", ["borderColor"] = "#555555" },
                // A league/city without an intensity stays grey and says so instead of printing NaN.
                ["data"] = new JsonArray(d.Leagues.Select(l => (JsonNode?)(l.Intensity is { } i
                    ? new JsonObject { ["name"] = l.Name, ["value"] = decimal.Round(i, 2) }
                    : new JsonObject
                    {
                        ["name"] = l.Name,
                        ["label"] = new JsonObject { ["formatter"] = "{b}\n无数据 no data" },
                        ["itemStyle"] = new JsonObject { ["areaColor"] = "#dddddd" },
                    })).ToArray()),
            },
        };
        return o;
    }
}
