using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RdInvest.Accounts;
using RdInvest.IntegrationTests.Api;
using RdInvest.Web.Security;
using Xunit;
using static RdInvest.IntegrationTests.Api.ApiHost;

namespace RdInvest.IntegrationTests.Security;

/// <summary>
/// Bad input against every write endpoint of the running app (enumerated from its route table, so a new endpoint is
/// swept without a line here), as a role its policy admits: malformed JSON, a wrong root, wrong types, numbers past
/// the money range, nulls, deep nesting, an oversized body, a wrong content type, an empty body; for file uploads,
/// broken multipart and hostile file names. Each answer is a problem in Chinese and English without a stack trace,
/// never a 5xx; a body the endpoint reads is never accepted when malformed.
/// </summary>
public sealed partial class ApiInputSweepTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] s_textFields = ["name", "credit_code", "division_code", "reason", "role", "scope", "password", "user_name",
        "current_password", "new_password", "rule", "sector"];

    private static readonly string[] s_moneyFields = ["rd_total", "revenue", "budget", "amount", "rd_gov", "rd_personnel"];

    /// <summary>Name → (content type, body). Money past the range: beyond what a long of fen holds (92,233,720,368,547,758.07 yuan).</summary>
    private static IReadOnlyList<(string Name, string Type, string Body, bool Malformed)> JsonInputs()
    {
        static string Obj(Func<string, string> text, Func<string, string> money, string year) =>
            "{" + string.Join(",", s_textFields.Select(f => $"\"{f}\":{text(f)}").Concat(s_moneyFields.Select(f => $"\"{f}\":{money(f)}")))
            + $",\"year\":{year},\"revision\":1}}";
        return
        [
            ("malformed", "application/json", "{\"year\": 20", true),
            ("array-root", "application/json", "[1,2,3]", true),
            ("string-root", "application/json", "\"text\"", true),
            ("wrong-types", "application/json", Obj(_ => "[1]", _ => "\"lots\"", "\"abc\""), true),
            ("money-past-range", "application/json", Obj(f => f == "credit_code" ? $"\"{UnitIn}\"" : "\"x\"", _ => "92233720368547758.08", "2023"), false),
            ("money-1e30", "application/json", Obj(_ => "\"x\"", _ => "1e30", "2023"), false),
            ("money-negative-huge", "application/json", Obj(_ => "\"x\"", _ => "-1e300", "2023"), false),
            ("year-past-int", "application/json", Obj(_ => "\"x\"", _ => "1", "99999999999"), false),
            ("nulls", "application/json", Obj(_ => "null", _ => "null", "null"), false),
            ("deep", "application/json", "{\"inputs\":" + new string('[', 200) + new string(']', 200) + "}", true),
            ("oversized", "application/json", "{\"name\":\"" + new string('x', (int)Hardening.MaxJsonBytes + 10) + "\"}", true),
            ("text-plain", "text/plain", "year=2023", true),
            ("empty", "application/json", "", true),
        ];
    }

    private static string Fill(string template) => RouteParam().Replace(template, m => m.Groups[1].Value switch
    {
        "code" or "county" => CountyIn,
        "creditCode" => UnitIn,
        "year" => Year.ToString(CultureInfo.InvariantCulture),
        "id" => "1",
        "name" => "finance",
        "kind" => "rd",
        "rule" => "R7",
        "parkId" => ParkIn,
        var other => other,
    });

    [GeneratedRegex(@"\{([A-Za-z]+)(?::[a-z]+)?\??\}")]
    private static partial Regex RouteParam();

    /// <summary>A write endpoint: whether it reads a JSON body (and may go without one), takes a file, has a money (decimal) field.</summary>
    private sealed record WriteEndpoint(string Method, string Template, string? Role, bool JsonBody, bool Multipart, bool OptionalBody = false, bool Money = false);

    private static IReadOnlyList<WriteEndpoint> WriteEndpoints(ApiHost host) =>
        host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Where(m => m != "GET").Select(m =>
            {
                var meta = e.Metadata.GetOrderedMetadata<IAcceptsMetadata>();
                var accepts = meta.SelectMany(a => a.ContentTypes).ToList();
                var roles = e.Metadata.GetMetadata<RolesMetadata>()?.Roles;
                var money = meta.Select(a => a.RequestType).OfType<Type>().SelectMany(t => t.GetProperties())
                    .Any(p => p.PropertyType == typeof(decimal) || p.PropertyType == typeof(decimal?));
                return new WriteEndpoint(m, e.RoutePattern.RawText!, roles?[0] ?? Roles.RegionAdmin,
                    accepts.Any(t => t.Contains("json", StringComparison.Ordinal)), accepts.Any(t => t.Contains("multipart", StringComparison.Ordinal)),
                    meta.Any(a => a.IsOptional), money);
            }))
            .DistinctBy(w => w.Method + " " + w.Template).OrderBy(w => w.Template, StringComparer.Ordinal).ToList();

    private static async Task<string?> ProblemFaultAsync(HttpResponseMessage r)
    {
        var status = (int)r.StatusCode;
        var text = await r.Content.ReadAsStringAsync(Ct);
        // Notification documents need the report tools; where they are not installed the answer is a clear 503 (by design).
        if (status == 503 && text.Contains("setup-report-tools", StringComparison.Ordinal))
        {
            return null;
        }
        if (status >= 500)
        {
            return $"server error {status}: {text[..Math.Min(300, text.Length)]}";
        }
        if (text.Contains("   at ", StringComparison.Ordinal) || text.Contains("Exception", StringComparison.Ordinal))
        {
            return "a stack trace or exception name in the answer";
        }
        if (status >= 400 && status != 401)
        {
            try
            {
                using var doc = JsonDocument.Parse(text);
                // An import or batch refused row by row answers its own result with every finding (by design: 422).
                if (status == 422 && doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("errors", out _))
                {
                    return null;
                }
                if (!doc.RootElement.TryGetProperty("detail_zh", out var zh) || string.IsNullOrWhiteSpace(zh.GetString())
                    || !doc.RootElement.TryGetProperty("detail_en", out var en) || string.IsNullOrWhiteSpace(en.GetString()))
                {
                    return $"{status} without detail_zh and detail_en: {text[..Math.Min(200, text.Length)]}";
                }
            }
            catch (JsonException)
            {
                return $"{status} that is not a problem document: {text[..Math.Min(200, text.Length)]}";
            }
        }
        return null;
    }

    [Fact]
    public async Task EveryWriteEndpoint_BadJsonInputs_AreProblemsInBothLanguages_NeverA5xx()
    {
        await using var host = await CreateAsync();
        var endpoints = WriteEndpoints(host);
        var inputs = JsonInputs();
        var failures = new StringBuilder();
        var sent = 0;
        foreach (var ep in endpoints.Where(e => !e.Multipart))
        {
            using var client = host.Client(ep.Role);
            foreach (var input in inputs)
            {
                using var request = new HttpRequestMessage(new HttpMethod(ep.Method), Fill(ep.Template))
                {
                    Content = new StringContent(input.Body, Encoding.UTF8, input.Type),
                };
                if (input.Body.Length == 0)
                {
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue(input.Type);
                }
                using var r = await client.SendAsync(request, Ct);
                sent++;
                var status = (int)r.StatusCode;
                var who = $"{ep.Method} {ep.Template} as {ep.Role} [{input.Name}]";
                if (await ProblemFaultAsync(r) is { } fault)
                {
                    failures.AppendLine(CultureInfo.InvariantCulture, $"{who}: {fault}");
                }
                else if (input.Name == "oversized" && status != 413)
                {
                    failures.AppendLine(CultureInfo.InvariantCulture, $"{who}: {status}, expected 413");
                }
                else if (ep.JsonBody && input.Malformed && status < 400 && !(ep.OptionalBody && input.Name == "empty"))
                {
                    failures.AppendLine(CultureInfo.InvariantCulture, $"{who}: {status}, a malformed body was accepted");
                }
                else if (ep.Money && input.Name.StartsWith("money", StringComparison.Ordinal) && status < 400)
                {
                    failures.AppendLine(CultureInfo.InvariantCulture, $"{who}: {status}, money past the range was accepted");
                }
            }
        }
        Assert.True(failures.Length == 0, failures.ToString());
        Assert.True(endpoints.Count(e => !e.Multipart) >= 25, $"only {endpoints.Count} write endpoints found");
        Assert.True(endpoints.Count(e => e.Money) >= 5, "the money-carrying bodies were not recognised");
        TestContext.Current.SendDiagnosticMessage($"swept {endpoints.Count(e => !e.Multipart)} JSON write endpoints × {inputs.Count} inputs = {sent} requests");
    }

    /// <summary>Upload file names that try to leave the upload folder or break the file system.</summary>
    public static readonly TheoryData<string> HostileFileNames = new(
        "../../../../tmp/rdinvest-escape.csv",
        "..\\..\\..\\rdinvest-escape.csv",
        "/etc/rdinvest-escape.csv",
        "..",
        "con:name?*<>|.csv",
        "rdinvest-long-name-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.csv");

    [Theory]
    [MemberData(nameof(HostileFileNames))]
    public async Task EveryUploadEndpoint_HostileFileName_NeverEscapesOrFails(string fileName)
    {
        await using var host = await CreateAsync();
        var uploads = WriteEndpoints(host).Where(e => e.Multipart).ToList();
        Assert.NotEmpty(uploads);
        var failures = new StringBuilder();
        foreach (var ep in uploads)
        {
            using var client = host.Client(ep.Role);
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes($"credit_code,year,rd_total,taxable_income,case\n{UnitIn},2023,100,1000,a\n"));
            file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = "\"" + fileName.Replace("\"", "", StringComparison.Ordinal) + "\"" };
            form.Add(file);
            using var r = await client.PostAsync(Fill(ep.Template) + "?dry_run=true", form, Ct);
            if (await ProblemFaultAsync(r) is { } fault)
            {
                failures.AppendLine(CultureInfo.InvariantCulture, $"{ep.Template} [{fileName}]: {fault}");
            }
        }
        Assert.False(File.Exists("/tmp/rdinvest-escape.csv"));
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "rdinvest-escape.csv")));
        Assert.True(failures.Length == 0, failures.ToString());
    }

    /// <summary>
    /// The page import's upload (the browser's multipart form with its antiforgery token), under the same names: the
    /// answer is the page again or a redirect to the dry run's job, never a 5xx; whatever is kept sits in its own
    /// folder right under the uploads folder under a safe name, and nothing lands outside it.
    /// </summary>
    [Theory]
    [MemberData(nameof(HostileFileNames))]
    public async Task PageImportUpload_HostileFileName_NeverEscapesOrFails(string fileName)
    {
        await using var host = await CreateAsync();
        using var page = await PageForms.SessionAsync(host, "region-admin", TestPassword);
        var token = PageForms.Token(await page.GetStringAsync("/imports", Ct));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new StringContent("units"), "kind");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes($"credit_code,name,sector,division_code\n{UnitNew},新单位,enterprise,{CountyIn}\n"));
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = "\"" + fileName.Replace("\"", "", StringComparison.Ordinal) + "\"" };
        form.Add(file);
        using var r = await page.PostAsync("/imports?handler=upload", form, Ct);
        var body = await r.Content.ReadAsStringAsync(Ct);
        Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.Found, $"{(int)r.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        var jobs = host.Factory.Services.GetRequiredService<RdInvest.Web.Imports.ImportJobs>();
        if (r.StatusCode != HttpStatusCode.OK)
        {
            // Accepted: the job page answers, and the dry run ends (so nothing is still writing when the host stops).
            var location = r.Headers.Location!.ToString();
            var id = location[(location.IndexOf("job=", StringComparison.Ordinal) + 4)..];
            var job = jobs.Find(id, "region-admin");
            Assert.NotNull(job);
            for (var i = 0; i < 300 && !job.Finished; i++)
            {
                await Task.Delay(100, Ct);
            }
            Assert.True(job.Finished);
            using var shown = await page.GetAsync(location, Ct);
            Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
            Assert.Equal(RdInvest.Web.Imports.ImportJobs.SafeName(fileName), job.FileName);
        }
        var folder = Path.GetFullPath(jobs.Folder);
        foreach (var kept in Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories) : [])
        {
            Assert.Equal(folder, Path.GetDirectoryName(Path.GetDirectoryName(kept)));
            var name = Path.GetFileName(kept);
            Assert.True(name.Length <= 200 && name is not ("." or "..") && name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0 && !name.Any(char.IsControl), name);
        }
        Assert.False(File.Exists("/tmp/rdinvest-escape.csv"));
        Assert.False(File.Exists("/etc/rdinvest-escape.csv"));
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "rdinvest-escape.csv")));
    }

    [Fact]
    public async Task EveryUploadEndpoint_BrokenMultipart_IsA400Problem()
    {
        await using var host = await CreateAsync();
        var failures = new StringBuilder();
        foreach (var ep in WriteEndpoints(host).Where(e => e.Multipart))
        {
            using var client = host.Client(ep.Role);
            foreach (var body in new[] { "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nabc", "", "not multipart at all" })
            {
                var content = new StringContent(body, Encoding.UTF8);
                content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
                using var r = await client.PostAsync(Fill(ep.Template), content, Ct);
                if (await ProblemFaultAsync(r) is { } fault)
                {
                    failures.AppendLine(CultureInfo.InvariantCulture, $"{ep.Template}: {fault}");
                }
                else if ((int)r.StatusCode is < 400)
                {
                    failures.AppendLine(CultureInfo.InvariantCulture, $"{ep.Template}: {(int)r.StatusCode} for a broken body");
                }
            }
        }
        Assert.True(failures.Length == 0, failures.ToString());
    }

    [Fact]
    public async Task InjectionStrings_StoredLiterally_EncodedInPages_NeutralisedInXlsx()
    {
        await using var host = await CreateAsync();
        using var admin = host.Client(Roles.RegionAdmin);
        const string Hostile = "=HYPERLINK(\"http://evil\")<script>alert(1)</script>'); DROP TABLE units;--";
        using (var put = await admin.PutAsJsonAsync($"/api/v1/units/{UnitIn}",
            new { credit_code = UnitIn, name = Hostile, sector = "enterprise", division_code = CountyIn, revision = 1 }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }
        // SQL: stored and read back as text; the table is still there.
        var unit = await ReadAsync(await admin.GetAsync($"/api/v1/units/{UnitIn}", Ct));
        Assert.Equal(Hostile, unit.GetProperty("name").GetString());
        Assert.True((await ReadAsync(await admin.GetAsync("/api/v1/units", Ct))).GetArrayLength() >= 2);

        // HTML: encoded wherever the name is shown.
        using var page = await PageForms.SessionAsync(host, "region-admin", TestPassword);
        foreach (var url in new[] { $"/units/{UnitIn}", "/units" })
        {
            var html = await page.GetStringAsync(url, Ct);
            Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        }

        // XLSX: a saved round's payment list names the unit; its cell is text with the leading apostrophe, no formula.
        using (var save = await admin.PostAsJsonAsync("/api/v1/subsidy-rounds", new { year = 2023, budget = 1_000_000m }, Ct))
        {
            Assert.Equal(HttpStatusCode.Created, save.StatusCode);
            var id = (await ReadAsync(save)).GetProperty("round").GetProperty("id").GetInt64();
            using var xlsx = await admin.GetAsync($"/api/v1/subsidy-rounds/{id}/payments?format=xlsx", Ct);
            Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
            var bytes = await xlsx.Content.ReadAsByteArrayAsync(Ct);
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
            var xml = string.Concat(zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
                .Select(e => new StreamReader(e.Open()).ReadToEnd()));
            Assert.DoesNotContain("<f>", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<x:f>", xml, StringComparison.Ordinal);
            Assert.Contains("HYPERLINK", xml, StringComparison.Ordinal);
            Assert.True(xml.Contains("'=HYPERLINK", StringComparison.Ordinal) || xml.Contains("&apos;=HYPERLINK", StringComparison.Ordinal), "the name cell is not neutralised");
            Assert.DoesNotContain(">=HYPERLINK", xml, StringComparison.Ordinal);
            // CSV of the same list: the same apostrophe.
            var csv = await admin.GetStringAsync($"/api/v1/subsidy-rounds/{id}/payments?format=csv", Ct);
            Assert.Contains("'=HYPERLINK", csv, StringComparison.Ordinal);
        }
    }
}
