using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RdInvest.Accounts;
using RdInvest.Data;
using Xunit;
using static RdInvest.IntegrationTests.Api.ApiHost;

namespace RdInvest.IntegrationTests.Api;

/// <summary>Imports through the API respect the caller's scope and the approval workflow.</summary>
public sealed class ImportScopeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostFile(HttpClient c, string kind, string csv, string name = "rd.csv")
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", name);
        using var r = await c.PostAsync($"/api/v1/imports/{kind}", form, Ct);
        var text = await r.Content.ReadAsStringAsync(Ct);
        return (r.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static async Task PostOk(HttpClient c, string url)
    {
        using var r = await c.PostAsJsonAsync(url, new { }, Ct);
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{url}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync(Ct)}");
    }

    private static List<(string Rule, int Row, string? Column)> Findings(JsonElement body) =>
        body.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("rule").GetString()!, f.GetProperty("row").GetInt32(), f.GetProperty("column").GetString())).ToList();

    private static async Task<List<UnitRdRecord>> Records(ApiHost host, int year)
    {
        await using var db = host.Database.Open();
        return await db.RdRecords.AsNoTracking().Where(r => r.Year == year).OrderBy(r => r.UnitId).ToListAsync(Ct);
    }

    [Fact]
    public async Task Import_CountyOfficerFileWithAnOutOfScopeRow_IsRejected422WithTheFindingAndWritesNothing()
    {
        await using var host = await CreateAsync();
        using var county = host.Client(Roles.CountyOfficer);
        var csv = $"credit_code,year,rd_total,revenue\n{UnitIn},2023,100,5000\n{UnitOut},2023,100,5000\n";

        var (status, body) = await PostFile(county, "rd", csv);

        Assert.True(status == HttpStatusCode.UnprocessableEntity, body.ToString());
        var outside = Assert.Single(Findings(body), f => f.Rule == "outside-scope");
        Assert.Equal((3, "credit_code"), (outside.Row, outside.Column));
        var finding = body.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("rule").GetString() == "outside-scope");
        Assert.Contains("不在您的管辖范围", finding.GetProperty("message_zh").GetString(), StringComparison.Ordinal);
        Assert.Contains("outside your scope", finding.GetProperty("message_en").GetString(), StringComparison.Ordinal);
        Assert.Empty(await Records(host, 2023));
        // The rejected run is logged and audited with the file's hash; the chain stays intact.
        await using (var db = host.Database.Open())
        {
            var run = await db.ImportRuns.AsNoTracking().SingleAsync(Ct);
            Assert.False(run.Accepted);
            Assert.Equal((2, 1), (run.Rows, run.Errors));
            var audit = await db.Audit.AsNoTracking().SingleAsync(a => a.Action == "import.rejected", Ct);
            Assert.Equal(run.Sha256, audit.SourceSha256);
            Assert.NotNull(audit.Hash);
        }
        using var auditor = host.Client(Roles.Auditor);
        var verify = await ReadAsync(await auditor.GetAsync("/api/v1/audit/verify", Ct));
        Assert.True(verify.GetProperty("intact").GetBoolean(), verify.ToString());
        Assert.Equal(0, verify.GetProperty("unsealed").GetInt64());
    }

    [Fact]
    public async Task Import_CountyOfficerFileInScope_IsAcceptedAsDraft()
    {
        await using var host = await CreateAsync();
        using var county = host.Client(Roles.CountyOfficer);

        var (status, body) = await PostFile(county, "rd", $"credit_code,year,rd_total,revenue\n{UnitIn},2023,100,5000\n");

        Assert.True(status == HttpStatusCode.OK, body.ToString());
        var record = Assert.Single(await Records(host, 2023));
        Assert.Equal((100_0000_00L, DataStatuses.Draft), (record.RdTotalFen, record.Status));
    }

    [Fact]
    public async Task Import_CountyOfficerOtherKinds_UnitsOutsideScopeRejectedAndDivisionFiguresForbidden()
    {
        await using var host = await CreateAsync();
        using var county = host.Client(Roles.CountyOfficer);

        var (figures, _) = await PostFile(county, "division-figures", $"division_code,year,rd_total\n{CountyIn},2023,1\n", "f.csv");
        Assert.Equal(HttpStatusCode.Forbidden, figures);

        // Registering a unit in another county, or taking over another county's unit, is outside the scope.
        var newUnit = RdInvest.Common.CreditCode.Complete("91150202MA0000009");
        var (units, body) = await PostFile(county, "units",
            $"credit_code,name,sector,division_code\n{newUnit},新企业,enterprise,{CountyOut}\n{UnitOut},乙企业,enterprise,{CountyIn}\n", "u.csv");
        Assert.True(units == HttpStatusCode.UnprocessableEntity, body.ToString());
        Assert.Equal([("outside-scope", 2, "division_code"), ("outside-scope", 3, "credit_code")],
            Findings(body).Where(f => f.Rule == "outside-scope").ToList());
        await using var db = host.Database.Open();
        Assert.Equal(2, await db.Units.CountAsync(Ct));
    }

    [Fact]
    public async Task Import_RdIntoAFinalCountyYear_IsRejectedWithTheFinding()
    {
        await using var host = await CreateAsync();
        using var county = host.Client(Roles.CountyOfficer);
        using var city = host.Client(Roles.CityOfficer);
        using var admin = host.Client(Roles.RegionAdmin);
        var url = $"/api/v1/approvals/{CountyIn}/{Year}";
        await PostOk(county, url + "/submit");
        await PostOk(city, url + "/approve");
        await PostOk(admin, url + "/finalise");
        var before = await Records(host, Year);

        var (status, body) = await PostFile(admin, "rd", $"credit_code,year,rd_total,revenue\n{UnitOut},{Year},300,6000\n{UnitIn},{Year},150,5000\n");

        Assert.True(status == HttpStatusCode.UnprocessableEntity, body.ToString());
        var final = Assert.Single(Findings(body), f => f.Rule == "county-year-final");
        Assert.Equal((3, "year"), (final.Row, final.Column));
        var message = body.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("rule").GetString() == "county-year-final");
        Assert.Contains("重新开放", message.GetProperty("message_zh").GetString(), StringComparison.Ordinal);
        Assert.Contains("reopen", message.GetProperty("message_en").GetString(), StringComparison.Ordinal);
        var after = await Records(host, Year);
        Assert.Equal(before.Select(r => (r.UnitId, r.RdTotalFen, r.Status, r.Revision)), after.Select(r => (r.UnitId, r.RdTotalFen, r.Status, r.Revision)));
    }

    [Fact]
    public async Task Import_RdIntoASubmittedCountyYear_StoresRecordsAsSubmitted()
    {
        await using var host = await CreateAsync();
        using var county = host.Client(Roles.CountyOfficer);
        using var analyst = host.Client(Roles.RegionAnalyst);
        await PostOk(county, $"/api/v1/approvals/{CountyIn}/2023/submit");

        // A new record (2023) and a changed one (2022, submitted too) of the county; the other county's stays draft.
        await PostOk(county, $"/api/v1/approvals/{CountyIn}/{Year}/submit");
        var (status, body) = await PostFile(analyst, "rd",
            $"credit_code,year,rd_total,revenue\n{UnitIn},2023,120,5000\n{UnitIn},{Year},110,5000\n{UnitOut},2023,90,6000\n");

        Assert.True(status == HttpStatusCode.OK, body.ToString());
        await using var db = host.Database.Open();
        var rows = await db.RdRecords.AsNoTracking().Join(db.Units, r => r.UnitId, u => u.Id, (r, u) => new { u.CreditCode, r.Year, r.Status, r.RdTotalFen })
            .ToListAsync(Ct);
        Assert.Equal(DataStatuses.Submitted, rows.Single(r => r.CreditCode == UnitIn && r.Year == 2023).Status);
        Assert.Equal((DataStatuses.Submitted, 110_0000_00L), rows.Where(r => r.CreditCode == UnitIn && r.Year == Year).Select(r => (r.Status, r.RdTotalFen)).Single());
        Assert.Equal(DataStatuses.Draft, rows.Single(r => r.CreditCode == UnitOut && r.Year == 2023).Status);
    }

    [Fact]
    public async Task Import_RdOfAUnitRegisteredAtTheLeagueCity_TakesTheSameStatusAsAnApiWrite()
    {
        await using var host = await CreateAsync();
        using var admin = host.Client(Roles.RegionAdmin);
        var leagueUnit = RdInvest.Common.CreditCode.Complete("91150100MA0000007");
        await using (var db = host.Database.Open())
        {
            db.Units.Add(new ReportingUnit { CreditCode = leagueUnit, Name = "市直企业", Sector = Sectors.Enterprise, DivisionCode = LeagueIn, UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(Ct);
        }
        await PostOk(admin, $"/api/v1/approvals/{LeagueIn}/2023/submit");

        var (status, body) = await PostFile(admin, "rd", $"credit_code,year,rd_total,revenue\n{leagueUnit},2023,100,5000\n");

        Assert.True(status == HttpStatusCode.OK, body.ToString());
        await using var check = host.Database.Open();
        var expected = await RdInvest.Approval.ApprovalPolicy.WritableStatusAsync(check, LeagueIn, 2023, Ct);
        Assert.Equal(DataStatuses.Submitted, expected);
        Assert.Equal(expected, (await Records(host, 2023)).Single().Status);
    }
}
