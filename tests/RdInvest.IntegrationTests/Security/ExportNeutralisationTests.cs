using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RdInvest.Accounts;
using RdInvest.Importing;
using RdInvest.IntegrationTests.Api;
using Xunit;
using static RdInvest.IntegrationTests.Api.ApiHost;

namespace RdInvest.IntegrationTests.Security;

/// <summary>
/// Formula injection across every export the system writes: a unit name, a park name and a calculation batch's carried
/// cells begin with = + - @, tab or CR, and then every file is fetched — the pages' XLSX and download links (found on
/// every page of the route table), the API's files (payment lists, award-use report, import templates), and the CLI's
/// (`export` of every kind, indicators as a table and as SDMX-CSV, `calc --batch`, `subsidy-round export`,
/// `award-use`, an import's findings report, `finance stats/evaluate`). No file holds a formula element, and no
/// text cell begins with a character a spreadsheet would run (SpreadsheetCells); the hostile names are in the files
/// that list them, behind their apostrophe.
/// </summary>
public sealed partial class ExportNeutralisationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string UnitName = "=HYPERLINK(\"http://evil.example\",\"x\")";
    private const string ParkName = "@SUM(1+1)*cmd|' /C calc'!A0";

    private static readonly string[] s_pageRoles = ["region-admin", "finance", "auditor", "security-admin", "finance-institution", "park-admin"];

    [Fact]
    public async Task EveryExport_LeadingFormulaCharacters_AreNeutralised()
    {
        await using var host = await CreateAsync();
        using var admin = host.Client(Roles.RegionAdmin);
        using (var put = await admin.PutAsJsonAsync($"/api/v1/units/{UnitIn}",
            new { credit_code = UnitIn, name = UnitName, sector = "enterprise", division_code = CountyIn, revision = 1 }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }
        var dir = Directory.CreateTempSubdirectory("rdinvest-export-neutralise-");
        var files = new List<(string Name, byte[] Bytes, string Ext)>();
        try
        {
            var parks = Path.Combine(dir.FullName, "parks.csv");
            await File.WriteAllTextAsync(parks, $"park_id,name,category,division_code\n{ParkIn},\"{ParkName}\",{RdInvest.Data.ParkCategories.RegionHtz},{CountyIn}\n", Ct);
            await Cli(host, "import", "parks", parks);
            long round;
            using (var save = await admin.PostAsJsonAsync("/api/v1/subsidy-rounds", new { year = 2023, budget = 1_000_000m }, Ct))
            {
                Assert.Equal(HttpStatusCode.Created, save.StatusCode);
                round = (await ReadAsync(save)).GetProperty("round").GetProperty("id").GetInt64();
            }

            // API files.
            var apiFiles = new List<string>
            {
                $"/api/v1/subsidy-rounds/{round.ToString(CultureInfo.InvariantCulture)}/payments?format=xlsx",
                $"/api/v1/subsidy-rounds/{round.ToString(CultureInfo.InvariantCulture)}/payments?format=csv",
                "/api/v1/payments/award-use?format=xlsx",
                "/api/v1/payments/award-use?format=csv",
            };
            apiFiles.AddRange(ImportKinds.All.SelectMany(k => new[] { $"/api/v1/imports/templates/{k.Name}", $"/api/v1/imports/templates/{k.Name}?format=csv" }));
            foreach (var url in apiFiles)
            {
                using var r = await admin.GetAsync(url, Ct);
                Assert.True(r.StatusCode == HttpStatusCode.OK, $"{url}: {(int)r.StatusCode}");
                files.Add(("GET " + url, await r.Content.ReadAsByteArrayAsync(Ct), url.Contains("format=csv", StringComparison.Ordinal) ? ".csv" : ".xlsx"));
            }

            // Every page's XLSX and download links, as the first role that may open the page.
            var pageFiles = 0;
            var sessions = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
            try
            {
                foreach (var role in s_pageRoles)
                {
                    sessions[role] = await PageForms.SessionAsync(host, role, TestPassword);
                }
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var route in PageRoutes(host))
                {
                    foreach (var role in s_pageRoles)
                    {
                        using var r = await sessions[role].GetAsync(route, Ct);
                        if (r.StatusCode != HttpStatusCode.OK)
                        {
                            continue;
                        }
                        var html = await r.Content.ReadAsStringAsync(Ct);
                        foreach (var link in DownloadLink().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Where(l => !l.Contains("format=pdf", StringComparison.Ordinal)))
                        {
                            var url = link.StartsWith('/') ? link : route.TrimEnd('/') + "/" + link.TrimStart('?');
                            if (!seen.Add(url))
                            {
                                continue;
                            }
                            using var f = await sessions[role].GetAsync(url, Ct);
                            Assert.True(f.StatusCode == HttpStatusCode.OK, $"{url} as {role}: {(int)f.StatusCode}");
                            var type = f.Content.Headers.ContentType?.MediaType ?? "";
                            Assert.True(type.Contains("spreadsheet", StringComparison.Ordinal) || type == "text/csv", $"{url}: {type}");
                            files.Add(($"page {url} ({role})", await f.Content.ReadAsByteArrayAsync(Ct), type == "text/csv" ? ".csv" : ".xlsx"));
                            pageFiles++;
                        }
                        break;
                    }
                }
            }
            finally
            {
                foreach (var s in sessions.Values)
                {
                    s.Dispose();
                }
            }
            Assert.True(pageFiles >= 10, $"only {pageFiles.ToString(CultureInfo.InvariantCulture)} page downloads found");

            // CLI files.
            string Out(string name) => Path.Combine(dir.FullName, name);
            foreach (var kind in ImportKinds.All)
            {
                await Cli(host, "export", kind.Name, "--out", Out($"export-{kind.Name}.csv"));
            }
            await Cli(host, "export", "units", "--out", Out("export-units.xlsx"));
            await Cli(host, "export", "parks", "--out", Out("export-parks-zh.xlsx"), "--labels", "zh");
            await Cli(host, "export", "indicators", "--out", Out("indicators.xlsx"));
            await Cli(host, "export", "indicators", "--format", "sdmx-csv", "--out", Out("indicators-sdmx.csv"));
            var batch = Out("batch-in.csv");
            await File.WriteAllTextAsync(batch, $"name,comment,taxable_income\n{Quoted(UnitName)},\"+1+1\",1000000\n{Quoted(ParkName)},\"\t-2\",2000000\n", Ct);
            await Cli(host, "calc", "R7", "--batch", batch, "--out", Out("batch-out.csv"));
            await Cli(host, "calc", "R7", "--batch", batch, "--out", Out("batch-out.xlsx"));
            await Cli(host, "subsidy-round", "export", round.ToString(CultureInfo.InvariantCulture), "--out", Out("payments.xlsx"));
            await Cli(host, "subsidy-round", "export", round.ToString(CultureInfo.InvariantCulture), "--out", Out("payments.csv"));
            await Cli(host, "payments", "award-use", "--out", Out("award-use.xlsx"));
            await Cli(host, "finance", "stats", "--year", "2023", "--out", Out("finance-stats.xlsx"));
            await Cli(host, "finance", "evaluate", "--year", "2023", "--out", Out("finance-evaluation.xlsx"));
            var bad = Out("bad-units.csv");
            await File.WriteAllTextAsync(bad, $"credit_code,name,sector,division_code\n\"=1+2\",\"@x\",\"-enterprise\",\"+150102\"\n", Ct);
            var import = await CliRunner.RunAsync(host.Database.DbArgument, "import", "units", bad, "--report", Out("findings.csv"));
            Assert.NotEqual(0, import.ExitCode);
            import = await CliRunner.RunAsync(host.Database.DbArgument, "import", "units", bad, "--report", Out("findings.xlsx"));
            Assert.NotEqual(0, import.ExitCode);
            foreach (var f in Directory.EnumerateFiles(dir.FullName).Where(f => Path.GetFileName(f) is not ("parks.csv" or "batch-in.csv" or "bad-units.csv")))
            {
                files.Add(("cli " + Path.GetFileName(f), await File.ReadAllBytesAsync(f, Ct), Path.GetExtension(f)));
            }

            var faults = files.Select(f => (f.Name, Fault: SpreadsheetCells.Fault(f.Bytes, f.Ext))).Where(x => x.Fault is not null).ToList();
            Assert.True(faults.Count == 0, string.Join("\n", faults.Select(x => $"{x.Name}: {x.Fault}")));

            // The hostile text is there, neutralised, in the files that list it.
            bool Has(string name, string text) => SpreadsheetCells.Read(files.Single(f => f.Name == name).Bytes, files.Single(f => f.Name == name).Ext).Contains(text);
            foreach (var name in new[] { "cli export-units.csv", "cli export-units.xlsx", "cli payments.xlsx", "cli payments.csv", "cli batch-out.csv", "cli batch-out.xlsx" })
            {
                Assert.True(Has(name, "'" + UnitName), name);
            }
            Assert.True(Has("cli export-parks.csv", "'" + ParkName));
            Assert.True(Has("cli batch-out.csv", "'+1+1") && Has("cli batch-out.xlsx", "'+1+1"));
            Assert.Contains(files, f => f.Name.StartsWith("page /units", StringComparison.Ordinal) && SpreadsheetCells.Read(f.Bytes, f.Ext).Contains("'" + UnitName));
            TestContext.Current.SendDiagnosticMessage($"{files.Count.ToString(CultureInfo.InvariantCulture)} export files checked ({pageFiles.ToString(CultureInfo.InvariantCulture)} from pages)");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string Quoted(string cell) => "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task Cli(ApiHost host, params string[] args)
    {
        var r = await CliRunner.RunAsync(host.Database.DbArgument, args);
        Assert.True(r.ExitCode == 0, $"rdinvest {string.Join(' ', args)} → {r.ExitCode.ToString(CultureInfo.InvariantCulture)}\n{r.Stdout}\n{r.Stderr}");
    }

    /// <summary>Every page route without a required parameter (a unit's page by the seeded unit's code).</summary>
    private static IEnumerable<string> PageRoutes(ApiHost host) =>
        host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + OptionalParameter().Replace(e.RoutePattern.RawText!.Replace("{code}", UnitIn, StringComparison.Ordinal), "").Trim('/'))
            .Where(r => !r.Contains('{', StringComparison.Ordinal) && !r.EndsWith("/Index", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal);

    [GeneratedRegex(@"\{[^}]*\?\}")]
    private static partial Regex OptionalParameter();

    [GeneratedRegex("href=\"([^\"]*handler=(?:xlsx|download|template)[^\"]*)\"")]
    private static partial Regex DownloadLink();
}
