using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RdInvest.Common;

namespace RdInvest.Reports;

/// <summary>One chart: an Apache ECharts option rendered to SVG at the given size.</summary>
public sealed record ChartSpec(string Id, int Width, int Height, JsonObject Option);

/// <summary>
/// Renders ECharts options to SVG with ECharts' server-side rendering in Node (reports/charts.js, packages from
/// reports/package-lock.json). The options go to the script as JSON on stdin; SVG strings come back on stdout.
/// </summary>
public static class ChartRenderer
{
    public const string FontFamily = "Noto Sans CJK SC, Noto Sans SC, sans-serif";

    public static async Task<IReadOnlyDictionary<string, string>> RenderAsync(IReadOnlyList<ChartSpec> charts, CancellationToken ct)
    {
        var dir = ReportsDirectory();
        var input = new JsonObject
        {
            ["charts"] = new JsonArray(charts.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.Id, ["width"] = c.Width, ["height"] = c.Height, ["option"] = c.Option.DeepClone(),
            }).ToArray()),
        };
        var psi = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            StandardInputEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
            WorkingDirectory = dir,
        };
        psi.ArgumentList.Add(Path.Combine(dir, "charts.js"));
        Process p;
        try
        {
            p = Process.Start(psi) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new NotInstalledError("找不到 node，请运行 scripts/setup-report-tools.sh", "node not found; run scripts/setup-report-tools.sh");
        }
        using (p)
        {
            var stdout = p.StandardOutput.ReadToEndAsync(ct);
            var stderr = p.StandardError.ReadToEndAsync(ct);
            await p.StandardInput.WriteAsync(input.ToJsonString().AsMemory(), ct);
            p.StandardInput.Close();
            await p.WaitForExitAsync(ct);
            if (p.ExitCode != 0)
            {
                var err = (await stderr).Trim();
                throw new NotInstalledError($"图表渲染失败：{err}（可运行 scripts/setup-report-tools.sh）", $"chart rendering failed: {err} (try scripts/setup-report-tools.sh)");
            }
            return JsonSerializer.Deserialize<Dictionary<string, string>>(await stdout) ?? [];
        }
    }

    /// <summary>The folder holding charts.js and its node_modules: $RDINVEST_REPORTS_DIR, or a reports/ above the program or the working directory.</summary>
    public static string ReportsDirectory()
    {
        if (Environment.GetEnvironmentVariable("RDINVEST_REPORTS_DIR") is { Length: > 0 } env)
        {
            return Checked(env);
        }
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                var candidate = Path.Combine(d.FullName, "reports");
                if (File.Exists(Path.Combine(candidate, "charts.js")))
                {
                    return Checked(candidate);
                }
            }
        }
        throw new NotInstalledError("找不到报告图表脚本 reports/charts.js（可设置 RDINVEST_REPORTS_DIR）", "reports/charts.js not found (set RDINVEST_REPORTS_DIR)");
    }

    private static string Checked(string dir) =>
        Directory.Exists(Path.Combine(dir, "node_modules", "echarts"))
            ? dir
            : throw new NotInstalledError($"{dir} 中缺少 node_modules，请运行 scripts/setup-report-tools.sh", $"node_modules missing in {dir}; run scripts/setup-report-tools.sh");
}
