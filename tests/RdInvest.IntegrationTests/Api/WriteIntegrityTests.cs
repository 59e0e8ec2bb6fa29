using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RdInvest.Accounts;
using RdInvest.Data;
using Xunit;
using static RdInvest.IntegrationTests.Api.ApiHost;

namespace RdInvest.IntegrationTests.Api;

/// <summary>
/// Writes through the API held to the import's standard: published figures are the region's, revisions are atomic,
/// money and years are bounded, the final lock has no gaps, and every field meets the data contract's column rules
/// (422 with the findings).
/// </summary>
public sealed class WriteIntegrityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient c, HttpMethod method, string url, object body)
    {
        using var r = await c.SendAsync(new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, body.GetType()) }, Ct);
        var text = await r.Content.ReadAsStringAsync(Ct);
        return (r.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static Task<(HttpStatusCode Status, JsonElement Body)> Post(HttpClient c, string url, object body) => SendAsync(c, HttpMethod.Post, url, body);

    private static Task<(HttpStatusCode Status, JsonElement Body)> Put(HttpClient c, string url, object body) => SendAsync(c, HttpMethod.Put, url, body);

    /// <summary>Asserts a 422 whose findings name the field with the rule.</summary>
    private static void AssertInvalid((HttpStatusCode Status, JsonElement Body) r, string field, string rule)
    {
        Assert.True(r.Status == HttpStatusCode.UnprocessableEntity, $"expected 422 for {field}/{rule}, got {(int)r.Status}: {r.Body}");
        var errors = r.Body.GetProperty("errors").EnumerateArray().ToList();
        Assert.True(errors.Any(e => e.GetProperty("field").GetString() == field && e.GetProperty("rule").GetString() == rule), r.Body.ToString());
        Assert.All(errors, e =>
        {
            Assert.False(string.IsNullOrEmpty(e.GetProperty("message_zh").GetString()));
            Assert.False(string.IsNullOrEmpty(e.GetProperty("message_en").GetString()));
        });
    }

    private static async Task<long> RdTotalFen(ApiHost host, string creditCode, int year)
    {
        await using var db = host.Database.Open();
        return await db.RdRecords.Where(r => r.Year == year && db.Units.Any(u => u.Id == r.UnitId && u.CreditCode == creditCode))
            .Select(r => r.RdTotalFen).SingleAsync(Ct);
    }

    [Fact]
    public async Task PublishedFigures_WrittenByOfficers_AreForbiddenAndUnchanged_RegionRolesWrite()
    {
        await using var host = await CreateAsync();
        using var city = host.Client(Roles.CityOfficer);
        using var county = host.Client(Roles.CountyOfficer);
        using var admin = host.Client(Roles.RegionAdmin);

        var cityPut = await Put(city, $"/api/v1/divisions/{CountyIn}/figures/{Year}", new { year = Year, rd_total = 15_000_000m, revision = 1 });
        var countyPost = await Post(county, $"/api/v1/divisions/{CountyIn}/figures", new { year = 2023, rd_total = 1000m });

        Assert.Equal(HttpStatusCode.Forbidden, cityPut.Status);
        Assert.Equal(HttpStatusCode.Forbidden, countyPost.Status);
        await using (var db = host.Database.Open())
        {
            var f = await db.DivisionFigures.SingleAsync(x => x.DivisionCode == CountyIn && x.Year == Year, Ct);
            Assert.Equal((5_000_000_00L, 1), (f.RdTotalFen, f.Revision));
            Assert.False(await db.DivisionFigures.AnyAsync(x => x.DivisionCode == CountyIn && x.Year == 2023, Ct));
        }
        Assert.Equal(HttpStatusCode.OK, (await Put(admin, $"/api/v1/divisions/{CountyIn}/figures/{Year}", new { year = Year, rd_total = 15_000_000m, revision = 1 })).Status);
    }

    /// <summary>Two writes with one revision, sent at once, many times over: exactly one wins, the other is a 409 with the current values.</summary>
    [Theory]
    [InlineData("unit")]
    [InlineData("record")]
    [InlineData("figure")]
    public async Task ConcurrentUpdates_WithOneRevision_ExactlyOneWins(string what)
    {
        await using var host = await CreateAsync();
        using var a = host.Client(Roles.RegionAdmin);
        using var b = host.Client(Roles.RegionAnalyst);
        var url = what switch
        {
            "unit" => $"/api/v1/units/{UnitIn}",
            "record" => $"/api/v1/units/{UnitIn}/records/{Year}",
            _ => $"/api/v1/divisions/{CountyIn}/figures/{Year}",
        };
        object Body(int revision, int n) => what switch
        {
            "unit" => new { credit_code = UnitIn, name = $"甲企业{n}", sector = "enterprise", division_code = CountyIn, park_id = ParkIn, revision },
            _ => new { year = Year, rd_total = 1_000_000m + n, revision },
        };
        for (var trial = 0; trial < 6; trial++)
        {
            var revision = (await ReadAsync(await a.GetAsync(url, Ct))).GetProperty("revision").GetInt32();
            var results = await Task.WhenAll(Put(a, url, Body(revision, 2 * trial)), Put(b, url, Body(revision, 2 * trial + 1)));

            var statuses = results.Select(r => r.Status).Order().ToList();
            Assert.True(statuses.SequenceEqual([HttpStatusCode.OK, HttpStatusCode.Conflict]), $"trial {trial}: {string.Join(", ", results.Select(r => $"{(int)r.Status} {r.Body}"))}");
            var loser = results.Single(r => r.Status == HttpStatusCode.Conflict).Body;
            Assert.Equal(revision + 1, loser.GetProperty("current").GetProperty("revision").GetInt32());
            Assert.Equal(revision + 1, (await ReadAsync(await a.GetAsync(url, Ct))).GetProperty("revision").GetInt32());
        }
        await using var db = host.Database.Open();
        var audited = await db.Audit.CountAsync(e => e.Action == (what == "unit" ? "unit.update" : what == "record" ? "rd_record.update" : "division_figure.update"), Ct);
        Assert.Equal(6, audited);
    }

    [Fact]
    public async Task Money_AboveTheCeilings_Is422_AndTwoHugeRecordsCannotOverflowTheSums()
    {
        await using var host = await CreateAsync();
        using var county = host.Client(Roles.CountyOfficer);
        using var admin = host.Client(Roles.RegionAdmin);

        AssertInvalid(await Post(county, $"/api/v1/units/{UnitIn}/records", new { year = 2025, rd_total = 1e17m }), "rd_total", "above-maximum");
        AssertInvalid(await Post(admin, $"/api/v1/divisions/{CountyIn}/figures", new { year = 2023, rd_total = 1e17m }), "rd_total", "above-maximum");
        AssertInvalid(await Post(admin, $"/api/v1/divisions/{CountyIn}/figures", new { year = 2023, rd_intensity = 1e20m }), "rd_intensity", "above-maximum");
        AssertInvalid(await Post(admin, $"/api/v1/divisions/{CountyIn}/figures", new { year = 2023, rd_intensity = 100.5m }), "rd_intensity", "above-maximum");
        // Two records of 9e16 yuan each would overflow a 64-bit fen sum; each is refused.
        AssertInvalid(await Post(county, $"/api/v1/units/{UnitIn}/records", new { year = 2023, rd_total = 9e16m }), "rd_total", "above-maximum");
        AssertInvalid(await Post(admin, $"/api/v1/units/{UnitOut}/records", new { year = 2023, rd_total = 9e16m }), "rd_total", "above-maximum");
        // At the ceiling a record is accepted, and the region's figures still answer.
        Assert.Equal(HttpStatusCode.Created, (await Post(county, $"/api/v1/units/{UnitIn}/records", new { year = 2023, rd_total = RdInvest.Common.Bounds.MaxUnitMoney })).Status);
        Assert.Equal(HttpStatusCode.Created, (await Post(admin, $"/api/v1/units/{UnitOut}/records", new { year = 2023, rd_total = RdInvest.Common.Bounds.MaxUnitMoney })).Status);
        using var indicators = await admin.GetAsync("/api/v1/indicators/150000/2023?status=preliminary", Ct);
        Assert.Equal(HttpStatusCode.OK, indicators.StatusCode);
    }

    [Fact]
    public async Task Years_OutsideTheWindow_AreRefused_AndApprovalsMakeNoRowForThemOrForALeagueCity()
    {
        await using var host = await CreateAsync();
        using var county = host.Client(Roles.CountyOfficer);
        using var admin = host.Client(Roles.RegionAdmin);

        AssertInvalid(await Post(county, $"/api/v1/units/{UnitIn}/records", new { year = 1999, rd_total = 100m }), "year", "year-out-of-range");
        AssertInvalid(await Post(county, $"/api/v1/units/{UnitIn}/records", new { year = 99999, rd_total = 100m }), "year", "year-out-of-range");
        AssertInvalid(await Post(admin, $"/api/v1/divisions/{CountyIn}/figures", new { year = 0, rd_total = 100m }), "year", "year-out-of-range");
        foreach (var url in new[]
        {
            $"/api/v1/approvals/{CountyIn}/0/submit", $"/api/v1/approvals/{CountyIn}/99999/submit", $"/api/v1/approvals/{CountyIn}/-5/submit",
            // A league/city without units registered directly at it is no county.
            $"/api/v1/approvals/{LeagueOut}/{Year}/submit", "/api/v1/approvals/150000/2022/submit",
            // A county is no league/city.
            $"/api/v1/approvals/league-cities/{CountyIn}/{Year}/approve", $"/api/v1/approvals/league-cities/{LeagueIn}/99999/approve",
        })
        {
            using var r = await admin.PostAsJsonAsync(url, new { }, Ct);
            // A year outside the window is refused by the route's year check (422); a code of the wrong level is not found.
            Assert.True(r.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity, $"{url}: {(int)r.StatusCode}");
        }
        await using var db = host.Database.Open();
        Assert.Equal(0, await db.Approvals.CountAsync(Ct));
    }

    [Fact]
    public async Task Approval_LongOrOddReason_Is422AndNothingChanges()
    {
        await using var host = await CreateAsync();
        using var county = host.Client(Roles.CountyOfficer);
        using var city = host.Client(Roles.CityOfficer);
        using (var submit = await county.PostAsJsonAsync($"/api/v1/approvals/{CountyIn}/{Year}/submit", new { }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        }

        AssertInvalid(await Post(city, $"/api/v1/approvals/{CountyIn}/{Year}/return", new { reason = new string('因', 1_000_000) }), "reason", "text-too-long");
        AssertInvalid(await Post(city, $"/api/v1/approvals/{CountyIn}/{Year}/return", new { reason = "数据\u202e有误" }), "reason", "invalid-character");

        await using var db = host.Database.Open();
        Assert.Equal(DataStatuses.Submitted, (await db.Approvals.SingleAsync(a => a.CountyCode == CountyIn && a.Year == Year, Ct)).Status);
    }

    [Fact]
    public async Task FinalLock_ARecordLoadedFinalWithoutApprovalRow_IsLockedForItsCounty()
    {
        await using var host = await CreateAsync();
        await using (var db = host.Database.Open())
        {
            // As the demo's published history was loaded: final records, no approval row.
            await db.RdRecords.ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, DataStatuses.Final), Ct);
        }
        using var county = host.Client(Roles.CountyOfficer);
        using var admin = host.Client(Roles.RegionAdmin);

        var put = await Put(county, $"/api/v1/units/{UnitIn}/records/{Year}", new { year = Year, rd_total = 1.5m, revision = 1 });
        var figure = await Put(admin, $"/api/v1/divisions/{CountyIn}/figures/{Year}", new { year = Year, rd_total = 1.5m, revision = 1 });

        Assert.Equal(HttpStatusCode.Conflict, put.Status);
        Assert.Equal(HttpStatusCode.Conflict, figure.Status);
        Assert.Equal(1_000_000_00L, await RdTotalFen(host, UnitIn, Year));
        // The approval sees the county-year as final, so a region admin can reopen it.
        using var reopen = await admin.PostAsJsonAsync($"/api/v1/approvals/{CountyIn}/{Year}/reopen", new { reason = "更正" }, Ct);
        Assert.Equal(HttpStatusCode.OK, reopen.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Put(county, $"/api/v1/units/{UnitIn}/records/{Year}", new { year = Year, rd_total = 1.5m, revision = 1 })).Status);
    }

    [Fact]
    public async Task FinalLock_DemoRecords_CarryTheirFinalApprovalRows_AndRefuseAnOfficersPut()
    {
        await using var host = await CreateAsync();
        await using (var db = host.Database.Open())
        {
            await RdInvest.Demo.DemoLoader.LoadAsync(db, new RdInvest.Demo.DemoOptions { UnitCount = 300 }, Ct);
        }
        string code;
        int revision;
        await using (var db = host.Database.Open())
        {
            var pairs = await db.RdRecords.Where(r => r.IsSynthetic).Join(db.Units, r => r.UnitId, u => u.Id, (r, u) => new { u.DivisionCode, r.Year })
                .Distinct().ToListAsync(Ct);
            var rows = await db.Approvals.Where(a => a.Status == DataStatuses.Final).Select(a => new { a.CountyCode, a.Year }).ToListAsync(Ct);
            Assert.All(pairs, p => Assert.Contains(rows, a => a.CountyCode == p.DivisionCode && a.Year == p.Year));
            var record = await db.RdRecords.Where(r => r.IsSynthetic && r.Year == 2024).Join(db.Units.Where(u => u.DivisionCode == CountyIn), r => r.UnitId, u => u.Id,
                (r, u) => new { u.CreditCode, r.Revision }).FirstAsync(Ct);
            (code, revision) = (record.CreditCode, record.Revision);
        }
        using var county = host.Client(Roles.CountyOfficer);

        var put = await Put(county, $"/api/v1/units/{code}/records/2024", new { year = 2024, rd_total = 1m, revision });

        Assert.True(put.Status == HttpStatusCode.Conflict, put.Body.ToString());
        await using var check = host.Database.Open();
        Assert.Equal(DataStatuses.Final, await check.RdRecords.Where(r => r.Year == 2024 && check.Units.Any(u => u.Id == r.UnitId && u.CreditCode == code))
            .Select(r => r.Status).SingleAsync(Ct));
    }

    [Theory]
    [InlineData(CountyIn)]
    [InlineData(CountyOut)]
    public async Task FinalLock_MovingAUnitOutOfOrIntoAFinalCountyYear_Is409(string finalCounty)
    {
        await using var host = await CreateAsync();
        await using (var db = host.Database.Open())
        {
            db.Approvals.Add(new CountyApproval { CountyCode = finalCounty, Year = Year, Status = DataStatuses.Final, UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(Ct);
        }
        using var admin = host.Client(Roles.RegionAdmin);

        var move = await Put(admin, $"/api/v1/units/{UnitIn}",
            new { credit_code = UnitIn, name = "甲企业", sector = "enterprise", division_code = CountyOut, park_id = ParkIn, revision = 1 });

        Assert.True(move.Status == HttpStatusCode.Conflict, move.Body.ToString());
        // The same move through a units import is refused too.
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes($"credit_code,name,sector,division_code,park_id\n{UnitIn},甲企业,enterprise,{CountyOut},{ParkIn}\n")), "file", "units.csv");
        using var imported = await admin.PostAsync("/api/v1/imports/units", form, Ct);
        var body = await ReadAsync(imported);
        Assert.True(imported.StatusCode == HttpStatusCode.UnprocessableEntity, body.ToString());
        Assert.Contains("unit-move-final", body.ToString(), StringComparison.Ordinal);
        await using var check = host.Database.Open();
        Assert.Equal(CountyIn, (await check.Units.SingleAsync(u => u.CreditCode == UnitIn, Ct)).DivisionCode);
    }

    [Fact]
    public async Task Validation_RecordFields_AreHeldToTheImportRules()
    {
        await using var host = await CreateAsync();
        using var county = host.Client(Roles.CountyOfficer);
        var url = $"/api/v1/units/{UnitIn}/records";

        AssertInvalid(await Post(county, url, new { year = 2023 }), "rd_total", "missing-value");
        AssertInvalid(await Post(county, url, new { year = 2023, rd_total = -1m }), "rd_total", "negative-amount");
        AssertInvalid(await Post(county, url, new { year = 2023, rd_total = 100m, personnel_headcount = -3 }), "personnel_headcount", "negative-amount");
        AssertInvalid(await Post(county, url, new { year = 2023, rd_total = 100m, personnel_fte = -0.5m }), "personnel_fte", "negative-amount");
        AssertInvalid(await Post(county, url, new { year = 2023, rd_total = 100m, revenue = -1m }), "revenue", "negative-amount");
        AssertInvalid(await Post(county, url, new { year = 2023, rd_total = 100m, gov_funds = -1m }), "gov_funds", "negative-amount");
        AssertInvalid(await Post(county, url, new { year = 2023, rd_total = 100m, invention_patents = -1 }), "invention_patents", "negative-amount");
        AssertInvalid(await Post(county, url, new { year = 2023, rd_total = 100m, gov_funds = 200m }), "rd_total", "split-mismatch");
        AssertInvalid(await Post(county, url, new { year = 2023, rd_total = 0.001m }), "rd_total", "too-precise");
        AssertInvalid(await Post(county, url, new { year = 2023, rd_total = 100m, personnel_fte = 1.001m }), "personnel_fte", "too-precise");
        await using var db = host.Database.Open();
        Assert.False(await db.RdRecords.AnyAsync(r => r.Year == 2023, Ct));
    }

    [Fact]
    public async Task Validation_FigureFields_AreHeldToTheImportRules()
    {
        await using var host = await CreateAsync();
        using var admin = host.Client(Roles.RegionAdmin);
        var url = $"/api/v1/divisions/{CountyIn}/figures";

        AssertInvalid(await Post(admin, url, new { year = 2023, gdp = -1m }), "gdp", "negative-amount");
        AssertInvalid(await Post(admin, url, new { year = 2023, rd_intensity = -0.5m }), "rd_intensity", "negative-amount");
        AssertInvalid(await Post(admin, url, new { year = 2023, hte_count = -1 }), "hte_count", "negative-amount");
        AssertInvalid(await Post(admin, url, new { year = 2023, rd_total = 100m, gov_funds = 300m }), "rd_total", "split-mismatch");
        AssertInvalid(await Post(admin, url, new { year = 2023, source = "公报\u202e" }), "source", "invalid-character");
        AssertInvalid(await Post(admin, url, new { year = 2023, source = new string('长', 600) }), "source", "text-too-long");
    }

    [Fact]
    public async Task Validation_UnitFields_LongOrOddText_Is422WithTheValueCut()
    {
        await using var host = await CreateAsync();
        using var county = host.Client(Roles.CountyOfficer);
        object Unit(string name, string? industry = null) =>
            new { credit_code = UnitNew, name, sector = "enterprise", division_code = CountyIn, industry_code = industry };

        var huge = await Post(county, "/api/v1/units", Unit(new string('名', 1_000_000)));
        AssertInvalid(huge, "name", "text-too-long");
        Assert.True(huge.Body.ToString().Length < 4_000, $"the answer echoes the value: {huge.Body.ToString().Length} characters");
        Assert.True(huge.Body.GetProperty("errors")[0].GetProperty("value").GetString()!.Length <= 101);
        AssertInvalid(await Post(county, "/api/v1/units", Unit("甲\0乙")), "name", "invalid-character");
        AssertInvalid(await Post(county, "/api/v1/units", Unit("evil\u202etxt.exe")), "name", "invalid-character");
        AssertInvalid(await Post(county, "/api/v1/units", Unit("正常名称", new string('C', 100_000))), "industry_code", "invalid-code");
        AssertInvalid(await Post(county, "/api/v1/units", new { credit_code = "91150102MA0000I003", name = "甲", sector = "enterprise", division_code = CountyIn }), "credit_code", "invalid-credit-code");
        AssertInvalid(await Post(county, "/api/v1/units", new { credit_code = UnitNew, name = "甲", sector = "pirate", division_code = CountyIn }), "sector", "invalid-choice");
        await using var db = host.Database.Open();
        Assert.False(await db.Units.AnyAsync(u => u.CreditCode == UnitNew, Ct));
    }
}
