using System.Net;
using System.Net.Http.Json;
using System.Text;
using RdInvest.Accounts;
using Xunit;
using static RdInvest.IntegrationTests.Api.ApiHost;

namespace RdInvest.IntegrationTests.Api;

/// <summary>Errors that help: the field named, long values cut, the right status for conflicts and missing tools.</summary>
public sealed class RequestErrorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Json_WrongTypeOfField_Is400NamingTheField()
    {
        await using var host = await CreateAsync();
        using var c = host.Client(Roles.RegionAdmin);
        using var body = new StringContent("{\"year\":2023,\"rd_total\":\"abc\"}", Encoding.UTF8, "application/json");
        using var r = await c.PostAsync($"/api/v1/units/{UnitIn}/records", body, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var p = await ReadAsync(r);
        Assert.Equal("rd_total", p.GetProperty("field").GetString());
        Assert.Equal("字段 rd_total：不是数字或超出范围", p.GetProperty("detail_zh").GetString());
        Assert.Equal("field rd_total: is not a number, or is out of range", p.GetProperty("detail_en").GetString());
    }

    [Fact]
    public async Task Json_Malformed_Is400SayingWhere()
    {
        await using var host = await CreateAsync();
        using var c = host.Client(Roles.RegionAdmin);
        using var body = new StringContent("{\"year\":2023,\n\"rd_total\": }", Encoding.UTF8, "application/json");
        using var r = await c.PostAsync($"/api/v1/units/{UnitIn}/records", body, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var en = (await ReadAsync(r)).GetProperty("detail_en").GetString()!;
        Assert.True(en.Contains("rd_total", StringComparison.Ordinal) || en.Contains("line 2", StringComparison.Ordinal), en);
    }

    [Fact]
    public async Task RouteValue_NotOfItsType_Is400NamingTheParameter()
    {
        await using var host = await CreateAsync();
        using var c = host.Client(Roles.RegionAdmin);
        using var r = await c.GetAsync("/api/v1/units?take=lots", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var p = await ReadAsync(r);
        Assert.Equal("take", p.GetProperty("field").GetString());
        Assert.Contains("take", p.GetProperty("detail_zh").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LongBadValue_IsCutNotEchoed()
    {
        await using var host = await CreateAsync();
        using var c = host.Client(Roles.RegionAdmin);
        var huge = new string('A', 200_000);
        using var r = await c.GetAsync($"/api/v1/notifications/{ReleasedNotification}/download?format={huge}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var text = await r.Content.ReadAsStringAsync(Ct);
        Assert.True(text.Length < 3000, $"{text.Length} characters");
        Assert.Contains("format", (await ReadAsync(r)).GetProperty("detail_en").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_CsvCellOfFiveMegabytes_NamesRowAndColumn()
    {
        await using var host = await CreateAsync();
        using var c = host.Client(Roles.RegionAnalyst);
        using var form = new MultipartFormDataContent();
        var csv = $"division_code,year,rd_total\n{CountyIn},2023,\"{new string('9', 5 * 1024 * 1024)}\"\n";
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "figures.csv");
        using var r = await c.PostAsync("/api/v1/imports/division-figures", form, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var text = await r.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("MaxBufferSize", text, StringComparison.Ordinal);
        var p = await ReadAsync(r);
        Assert.Contains("cell too long at row 2, column 3", p.GetProperty("detail_en").GetString(), StringComparison.Ordinal);
        Assert.Contains("第 2 行第 3 列", p.GetProperty("detail_zh").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Release_Twice_Is409WithTheReleasedNotification()
    {
        await using var host = await CreateAsync();
        using var c = host.Client(Roles.RegionAdmin);
        using (var first = await c.PostAsync($"/api/v1/notifications/{DraftNotification}/release", null, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }
        using var second = await c.PostAsync($"/api/v1/notifications/{DraftNotification}/release", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("released", (await ReadAsync(second)).GetProperty("current").GetProperty("status").GetString());
        using var missing = await c.PostAsync("/api/v1/notifications/999/release", null, Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Download_OpenApiListsOnlyFormatsThatWork()
    {
        await using var host = await CreateAsync();
        using var c = host.Client(null);
        var doc = await ReadAsync(await c.GetAsync("/openapi/v1.json", Ct));
        var summary = doc.GetProperty("paths").GetProperty("/api/v1/notifications/{id}/download").GetProperty("get").GetProperty("summary").GetString()!;
        Assert.DoesNotContain("xlsx", summary, StringComparison.Ordinal);
        Assert.Contains("html|pdf", summary, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync($"/api/v1/notifications/{ReleasedNotification}/download?format=html", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await c.GetAsync($"/api/v1/notifications/{ReleasedNotification}/download?format=xlsx", Ct)).StatusCode);
    }

    [Fact]
    public async Task CliExport_ToMissingFolderOrOverExistingFile_IsRefusedUnlessForced()
    {
        await using var host = await CreateAsync();
        var dir = Directory.CreateTempSubdirectory("rdinvest-out-");
        try
        {
            var missing = Path.Combine(dir.FullName, "no-such-folder", "units.csv");
            var r = await CliRunner.RunAsync(host.Database.DbArgument, "export", "units", "--out", missing);
            Assert.Equal(1, r.ExitCode);
            Assert.Contains("does not exist", r.Stderr, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.GetDirectoryName(missing)));

            var existing = Path.Combine(dir.FullName, "units.csv");
            await File.WriteAllTextAsync(existing, "keep me", Ct);
            r = await CliRunner.RunAsync(host.Database.DbArgument, "export", "units", "--out", existing);
            Assert.Equal(1, r.ExitCode);
            Assert.Contains("--force", r.Stderr, StringComparison.Ordinal);
            Assert.Equal("keep me", await File.ReadAllTextAsync(existing, Ct));

            r = await CliRunner.RunAsync(host.Database.DbArgument, "export", "units", "--out", existing, "--force");
            Assert.Equal(0, r.ExitCode);
            Assert.NotEqual("keep me", await File.ReadAllTextAsync(existing, Ct));

            var html = Path.Combine(dir.FullName, "n.html");
            await File.WriteAllTextAsync(html, "keep me", Ct);
            r = await CliRunner.RunAsync(host.Database.DbArgument, "report", "export", $"{ReleasedNotification}", "--out", html);
            Assert.Equal(1, r.ExitCode);
            Assert.Equal("keep me", await File.ReadAllTextAsync(html, Ct));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
