using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using RdInvest.Accounts;
using Xunit;
using static RdInvest.IntegrationTests.Api.ApiHost;

namespace RdInvest.IntegrationTests.Api;

/// <summary>
/// Rules over HTTP at the edges: amounts and rates out of range are 422 naming the input, never 500; batches are
/// bounded (rows, answer size) and unreadable files refused; the CLI's JSON of reconciliation and park indicators is
/// the API's.
/// </summary>
public sealed class RulesApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MultipartFormDataContent Upload(byte[] bytes, string name = "cases.csv")
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(bytes), "file", name);
        return form;
    }

    private static MultipartFormDataContent Upload(string csv) => Upload(Encoding.UTF8.GetBytes(csv));

    /// <summary>An innovation-voucher batch of <paramref name="rows"/> small rows.</summary>
    private static string Vouchers(int rows)
    {
        var csv = new StringBuilder("case,service_cost\n");
        for (var i = 0; i < rows; i++)
        {
            csv.Append(i).Append(",100000\n");
        }
        return csv.ToString();
    }

    private static async Task AssertProblemAsync(HttpResponseMessage r, HttpStatusCode status, string names)
    {
        var body = await r.Content.ReadAsStringAsync(Ct);
        Assert.True(r.StatusCode == status, $"{(int)r.StatusCode}: {body}");
        var problem = JsonNode.Parse(body)!;
        Assert.Contains(names, problem["detail_zh"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(names, problem["detail_en"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> OutOfRange() => new()
    {
        { "R10", """{"inputs":{"principal":"99999999999999999999","annual_rate":"4.35%","days":"90"},"date":"2023-06-30"}""", "principal" },
        { "R2", """{"inputs":{"year":"2023","rd_prev":"79228162514264337593543950335","revenue_prev":"100000000"}}""", "rd_prev" },
        { "R8", """{"inputs":{"service_cost":"100000"},"date":"2023-06-30","set":{"innovation_voucher.rate":"1e20"}}""", "innovation_voucher.rate" },
        { "R10", """{"inputs":{"principal":"1000000","annual_rate":"4.35%","days":"90"},"date":"2023-06-30","set":{"loan_interest.day_count":"0"}}""", "loan_interest.day_count" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public async Task Calc_AmountOrRateOutOfRange_Is422NamingTheInput(string rule, string body, string input)
    {
        await using var host = await CreateAsync();
        using var client = host.Client(Roles.CountyOfficer);
        using var r = await client.PostAsync($"/api/v1/rules/{rule}/calc", new StringContent(body, Encoding.UTF8, "application/json"), Ct);
        await AssertProblemAsync(r, HttpStatusCode.UnprocessableEntity, input);
        Assert.Equal(input, (await ReadAsync(r)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Batch_OverflowingRowsOrRandomBytes_AreRefusedNever500()
    {
        await using var host = await CreateAsync();
        using var client = host.Client(Roles.Finance);
        using (var r = await client.PostAsync("/api/v1/rules/R10/batch?date=2023-06-30",
            Upload("case,principal,annual_rate,days\na,1000000,4%,90\nb,99999999999999999999,4%,90\n"), Ct))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
            var error = (await ReadAsync(r)).GetProperty("errors")[0];
            Assert.Equal(3, error.GetProperty("row_number").GetInt32());
            Assert.Contains("principal", error.GetProperty("message_en").GetString(), StringComparison.Ordinal);
        }
        using (var r = await client.PostAsync("/api/v1/rules/R8/batch?set=innovation_voucher.rate=1e20", Upload("case,service_cost\na,100000\n"), Ct))
        {
            await AssertProblemAsync(r, HttpStatusCode.UnprocessableEntity, "innovation_voucher.rate");
        }
        var random = new byte[50_000];
        new Random(18).NextBytes(random);
        foreach (var name in new[] { "cases.csv", "cases.xlsx" })
        {
            using var r = await client.PostAsync("/api/v1/rules/R8/batch", Upload(random, name), Ct);
            var body = await r.Content.ReadAsStringAsync(Ct);
            Assert.True(r.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"{name}: {(int)r.StatusCode} {body}");
            Assert.NotNull(JsonNode.Parse(body)!["detail_en"]);
        }
    }

    [Fact]
    public async Task Batch_MoreThanTheRowLimit_Is413WithoutAnAnswer()
    {
        await using var host = await CreateAsync();
        using var client = host.Client(Roles.RegionAdmin);
        using var r = await client.PostAsync("/api/v1/rules/R8/batch?date=2023-06-30", Upload(Vouchers(100_001)), Ct);
        await AssertProblemAsync(r, HttpStatusCode.RequestEntityTooLarge, "100,000");
    }

    [Fact]
    public async Task Batch_AnswerAboveTheSizeLimit_Is413()
    {
        await using var host = await CreateAsync();
        using var client = host.Client(Roles.RegionAdmin);
        // Each R8 case answers about a kilobyte of explained JSON: 90,000 rows are under the row limit, not the size limit.
        using var r = await client.PostAsync("/api/v1/rules/R8/batch?date=2023-06-30", Upload(Vouchers(90_000)), Ct);
        await AssertProblemAsync(r, HttpStatusCode.RequestEntityTooLarge, "MB");
    }

    [Fact]
    public async Task Batch_CountyOfficer_IsForbidden()
    {
        await using var host = await CreateAsync();
        using var client = host.Client(Roles.CountyOfficer);
        using var r = await client.PostAsync("/api/v1/rules/R8/batch?date=2023-06-30", Upload("case,service_cost\na,100000\n"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
    }

    [Fact]
    public async Task Calc_CliAndApi_SameResultForTheSameCase()
    {
        await using var host = await CreateAsync();
        using var client = host.Client(Roles.Enterprise);
        using var r = await client.PostAsJsonAsync("/api/v1/rules/R10/calc",
            new { inputs = new Dictionary<string, string> { ["principal"] = "1000000", ["annual_rate"] = "4.35%", ["days"] = "90" }, date = "2023-06-30", set = new Dictionary<string, string> { ["loan_interest.share"] = "60%" } }, Ct);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var cli = await CliRunner.RunAsync(host.Database.DbArgument, "calc", "R10", "principal=1000000", "annual_rate=4.35%", "days=90", "--date", "2023-06-30",
            "--set", "loan_interest.share=60%", "--json");
        Assert.True(cli.ExitCode == 0, cli.Stderr);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(cli.Stdout), JsonNode.Parse(await r.Content.ReadAsStringAsync(Ct))), cli.Stdout);
    }

    [Fact]
    public async Task CalcCli_PrincipalOutOfRange_ExitsOneWithBothLanguages()
    {
        await using var host = await CreateAsync();
        var cli = await CliRunner.RunAsync(host.Database.DbArgument, "calc", "R10", "principal=99999999999999999999", "annual_rate=4.35%", "days=90", "--date", "2023-06-30");
        Assert.Equal(1, cli.ExitCode);
        Assert.Contains("错误：", cli.Stderr, StringComparison.Ordinal);
        Assert.Contains("Error: input principal", cli.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReconcileAndParkIndicators_CliJson_IsTheApiJson()
    {
        await using var host = await CreateAsync();
        using var client = host.Client(Roles.RegionAdmin);
        var pairs = new[]
        {
            ($"/api/v1/reconcile/{Year}", new[] { "reconcile", "--year", $"{Year}", "--json" }),
            ($"/api/v1/parks/{ParkIn}/indicators/{Year}", new[] { "indicators", "--park", ParkIn, "--year", $"{Year}", "--json" }),
        };
        foreach (var (url, args) in pairs)
        {
            var api = JsonNode.Parse(await client.GetStringAsync(url, Ct));
            var cli = await CliRunner.RunAsync(host.Database.DbArgument, args);
            Assert.True(cli.ExitCode == 0, cli.Stderr);
            Assert.True(JsonNode.DeepEquals(api, JsonNode.Parse(cli.Stdout)), $"{url}\nAPI {api}\nCLI {cli.Stdout}");
        }
    }
}
