using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RdInvest.Accounts;
using Xunit;
using static RdInvest.IntegrationTests.Api.ApiHost;

namespace RdInvest.IntegrationTests.Api;

/// <summary>Saved rounds and the batch calculation over HTTP, checked against the CLI and the round's own totals.</summary>
public sealed class SubsidyRoundsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Cases = "case,year,rd_prev,revenue_prev,rd_prev2\n" +
        "a,2024,3000000,80000000,2000000\n" +
        "b,2024,80000000,1000000000,60000000\n" +
        "c,2024,500000,100000000,\n";

    private static MultipartFormDataContent Upload(string csv)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "cases.csv");
        return form;
    }

    [Fact]
    public async Task Batch_SameFileAsTheCli_SameTotalsAndWhatIf()
    {
        await using var host = await CreateAsync();
        var dir = Directory.CreateTempSubdirectory("rdinvest-batch-api-");
        try
        {
            var file = Path.Combine(dir.FullName, "cases.csv");
            await File.WriteAllTextAsync(file, Cases, Ct);
            var cli = await CliRunner.RunAsync(host.Database.DbArgument, "calc", "post-subsidy", "--batch", file, "--out", Path.Combine(dir.FullName, "out.json"),
                "--set", "post_subsidy.cap=8000000", "--json");
            Assert.True(cli.ExitCode == 0, cli.Stderr);
            using var cliJson = JsonDocument.Parse(cli.Stdout);

            using var client = host.Client(Roles.Finance);
            using var r = await client.PostAsync("/api/v1/rules/post-subsidy/batch?set=post_subsidy.cap=8000000", Upload(Cases), Ct);
            var api = await ReadAsync(r);
            Assert.True(r.StatusCode == HttpStatusCode.OK, api.ToString());
            Assert.Equal(3, api.GetProperty("cases").GetInt32());
            Assert.Equal(cliJson.RootElement.GetProperty("total").GetDecimal(), api.GetProperty("total").GetDecimal());
            Assert.Equal(cliJson.RootElement.GetProperty("whatif_total").GetDecimal(), api.GetProperty("whatif_total").GetDecimal());
            // b: 80,000,000 × 4 % + 10 % × 20,000,000 = 5,200,000, capped at 5,000,000 by the plan, not under an 8,000,000 cap.
            Assert.Equal(200_000m, api.GetProperty("difference").GetDecimal());
            Assert.Equal(3, api.GetProperty("results").GetArrayLength());

            using var bad = await client.PostAsync("/api/v1/rules/post-subsidy/batch", Upload("year,rd_prev,revenue_prev\n2024,abc,1\n2024,1,1\n"), Ct);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
            Assert.Equal(2, (await ReadAsync(bad)).GetProperty("errors")[0].GetProperty("row_number").GetInt32());
            using var unknown = await client.PostAsync("/api/v1/rules/post-subsidy/batch", Upload("nonsense\n1\n"), Ct);
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.Contains("nonsense", (await ReadAsync(unknown)).GetProperty("detail_en").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Rounds_SaveApproveDownload_RecordsPaymentsOnceAndTheListMatches()
    {
        await using var host = await CreateAsync();
        using var finance = host.Client(Roles.Finance);
        using var auditor = host.Client(Roles.Auditor);
        using var created = await finance.PostAsJsonAsync("/api/v1/subsidy-rounds", new { year = Year + 1, budget = 50_000m }, Ct);
        var round = await ReadAsync(created);
        Assert.True(created.StatusCode == HttpStatusCode.Created, round.ToString());
        var id = round.GetProperty("round").GetProperty("id").GetInt64();
        Assert.Equal("draft", round.GetProperty("round").GetProperty("status").GetString());
        var totalPaid = round.GetProperty("result").GetProperty("total_paid").GetDecimal();
        Assert.True(totalPaid is > 0m and <= 50_000m, totalPaid.ToString(CultureInfo.InvariantCulture));

        var shown = await ReadAsync(await auditor.GetAsync($"/api/v1/subsidy-rounds/{id}", Ct));
        Assert.Equal(2, shown.GetProperty("result").GetProperty("lines").GetArrayLength());
        using (var forbidden = await auditor.PostAsync($"/api/v1/subsidy-rounds/{id}/approve", null, Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        using var approved = await finance.PostAsync($"/api/v1/subsidy-rounds/{id}/approve", null, Ct);
        var a = await ReadAsync(approved);
        Assert.True(approved.StatusCode == HttpStatusCode.OK, a.ToString());
        Assert.Equal(2, a.GetProperty("r2_payments").GetInt32());
        Assert.Equal(totalPaid, a.GetProperty("r2_total").GetDecimal());

        using var again = await finance.PostAsync($"/api/v1/subsidy-rounds/{id}/approve", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await ReadAsync(again);
        Assert.Contains("不能重复批准", problem.GetProperty("detail_zh").GetString(), StringComparison.Ordinal);
        Assert.Contains("approved twice", problem.GetProperty("detail_en").GetString(), StringComparison.Ordinal);
        // The draft saved at set-up is for the same year: it can no longer be approved.
        using (var other = await finance.PostAsync($"/api/v1/subsidy-rounds/{SavedRound}/approve", null, Ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        }

        using var csv = await auditor.GetAsync($"/api/v1/subsidy-rounds/{id}/payments?format=csv", Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var total = lines[^1].Split(',');
        Assert.StartsWith("合计", total[0], StringComparison.Ordinal);
        Assert.Equal(totalPaid, decimal.Parse(total[4], CultureInfo.InvariantCulture));

        var list = await ReadAsync(await auditor.GetAsync("/api/v1/subsidy-rounds", Ct));
        Assert.Contains(list.EnumerateArray(), r => r.GetProperty("id").GetInt64() == id && r.GetProperty("status").GetString() == "approved");
    }

    [Theory]
    [InlineData("""{"year":2023,"budget":1e20}""", "budget")]
    [InlineData("""{"year":2023,"budget":-1}""", "budget")]
    [InlineData("""{"year":99999,"budget":1000}""", "year")]
    public async Task Create_BudgetOrYearOutOfRange_Is422NamingTheField(string body, string field)
    {
        await using var host = await CreateAsync();
        using var finance = host.Client(Roles.Finance);
        using var r = await finance.PostAsync("/api/v1/subsidy-rounds", new StringContent(body, Encoding.UTF8, "application/json"), Ct);
        var problem = await ReadAsync(r);
        Assert.True(r.StatusCode == HttpStatusCode.UnprocessableEntity, problem.ToString());
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail_zh").GetString()));
        using var preview = await finance.GetAsync("/api/v1/subsidy-rounds/preview/2023?budget=100000000000000000000", Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, preview.StatusCode);
    }
}
