using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RdInvest.Accounts;
using Xunit;
using static RdInvest.IntegrationTests.Api.ApiHost;

namespace RdInvest.IntegrationTests.Api;

public sealed class ApprovalApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> PostOk(HttpClient c, string url, object? body = null)
    {
        using var r = await c.PostAsJsonAsync(url, body ?? new { }, Ct);
        var json = await ReadAsync(r);
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{url}: {(int)r.StatusCode} {json}");
        return json;
    }

    private static async Task<string> RecordStatus(HttpClient c) =>
        (await ReadAsync(await c.GetAsync($"/api/v1/units/{UnitIn}/records/{Year}", Ct))).GetProperty("status").GetString()!;

    private static async Task<int> RecordRevision(HttpClient c) =>
        (await ReadAsync(await c.GetAsync($"/api/v1/units/{UnitIn}/records/{Year}", Ct))).GetProperty("revision").GetInt32();

    private static Task<HttpResponseMessage> PutRecord(HttpClient c, decimal total, int revision) =>
        c.PutAsJsonAsync($"/api/v1/units/{UnitIn}/records/{Year}", new { year = Year, rd_total = total, revision }, Ct);

    [Fact]
    public async Task Approval_SubmitApproveFinaliseReturnReopen_FollowsThePathAndLocksFinalData()
    {
        await using var host = await CreateAsync();
        using var county = host.Client(Roles.CountyOfficer);
        using var city = host.Client(Roles.CityOfficer);
        using var analyst = host.Client(Roles.RegionAnalyst);
        using var admin = host.Client(Roles.RegionAdmin);
        var url = $"/api/v1/approvals/{CountyIn}/{Year}";

        Assert.Equal("submitted", (await PostOk(county, url + "/submit")).GetProperty("status").GetString());
        Assert.Equal("submitted", await RecordStatus(admin));
        // The league/city returns it with a reason; the county corrects and submits again.
        using (var noReason = await city.PostAsJsonAsync(url + "/return", new { }, Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        }
        Assert.Equal("draft", (await PostOk(city, url + "/return", new { reason = "研发经费偏低，请核实" })).GetProperty("status").GetString());
        using (var fix = await PutRecord(county, 1_100_000m, await RecordRevision(county)))
        {
            Assert.Equal(HttpStatusCode.OK, fix.StatusCode);
        }
        await PostOk(county, url + "/submit");
        // A county officer cannot approve its own data.
        using (var self = await county.PostAsJsonAsync(url + "/approve", new { }, Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        }
        Assert.Equal("approved", (await PostOk(city, url + "/approve")).GetProperty("status").GetString());

        // Changed after approval: the next approver sees the difference and its effect on the league/city.
        using (var change = await PutRecord(admin, 1_500_000m, await RecordRevision(admin)))
        {
            Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        }
        var review = await ReadAsync(await analyst.GetAsync(url, Ct));
        var changes = review.GetProperty("changes_since_approval");
        Assert.Equal(1, changes.GetArrayLength());
        Assert.Equal("rd_total", changes[0].GetProperty("field").GetString());
        Assert.Equal(1_100_000m, changes[0].GetProperty("approved").GetDecimal());
        Assert.Equal(1_500_000m, changes[0].GetProperty("current").GetDecimal());
        var effect = review.GetProperty("effect");
        Assert.Equal(LeagueIn, effect.GetProperty("league_city").GetString());
        Assert.Equal(400_000m, effect.GetProperty("difference").GetDecimal());

        Assert.Equal("final", (await PostOk(analyst, url + "/finalise")).GetProperty("status").GetString());
        Assert.Equal("final", await RecordStatus(admin));

        // Final data is locked: writes get 409 until a region admin reopens it with a reason.
        using (var locked = await PutRecord(admin, 1.0m, await RecordRevision(admin)))
        {
            Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
            var problem = await ReadAsync(locked);
            Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail_zh").GetString()));
            Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail_en").GetString()));
        }
        // The county's own figures for the year are locked with it.
        using (var figure = await admin.PutAsJsonAsync($"/api/v1/divisions/{CountyIn}/figures/{Year}", new { year = Year, rd_total = 1m, revision = 1 }, Ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, figure.StatusCode);
            Assert.Contains("reopen", (await ReadAsync(figure)).GetProperty("detail_en").GetString(), StringComparison.Ordinal);
        }
        using (var analystReopen = await analyst.PostAsJsonAsync(url + "/reopen", new { reason = "x" }, Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, analystReopen.StatusCode);
        }
        using (var noReason = await admin.PostAsJsonAsync(url + "/reopen", new { }, Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        }
        var reopened = await PostOk(admin, url + "/reopen", new { reason = "统计局更正" });
        Assert.Equal("draft", reopened.GetProperty("status").GetString());
        Assert.Equal("draft", await RecordStatus(admin));
        using (var write = await PutRecord(county, 1_200_000m, await RecordRevision(county)))
        {
            Assert.Equal(HttpStatusCode.OK, write.StatusCode);
        }
        var history = reopened.GetProperty("history");
        Assert.Equal(["submit", "return", "submit", "approve", "finalise", "reopen"], history.EnumerateArray().Select(h => h.GetProperty("action").GetString()!).ToArray());
        Assert.Equal("统计局更正", history[5].GetProperty("reason").GetString());

        // Every transition is in the audit log.
        using var auditor = host.Client(Roles.Auditor);
        var audit = await ReadAsync(await auditor.GetAsync($"/api/v1/audit?entity=approval&key={CountyIn}/{Year}", Ct));
        Assert.Equal(6, audit.GetArrayLength());
    }

    [Fact]
    public async Task Approval_BulkApprove_ApprovesEverySubmittedCountyOfTheLeagueCity()
    {
        await using var host = await CreateAsync();
        using var county = host.Client(Roles.CountyOfficer);
        using var city = host.Client(Roles.CityOfficer);
        await PostOk(county, $"/api/v1/approvals/{CountyIn}/{Year}/submit");
        using var r = await city.PostAsJsonAsync($"/api/v1/approvals/league-cities/{LeagueIn}/{Year}/approve", new { }, Ct);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var list = await ReadAsync(r);
        Assert.Equal(1, list.GetArrayLength());
        Assert.Equal("approved", list[0].GetProperty("status").GetString());
        using var other = await city.PostAsJsonAsync($"/api/v1/approvals/league-cities/{LeagueOut}/{Year}/approve", new { }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [Fact]
    public async Task RdRecord_StaleRevision_Is409WithTheCurrentValues()
    {
        await using var host = await CreateAsync();
        using var a = host.Client(Roles.CountyOfficer);
        using var b = host.Client(Roles.CityOfficer);
        using (var first = await PutRecord(a, 2_000_000m, 1))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }
        using var stale = await PutRecord(b, 3_000_000m, 1);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await ReadAsync(stale);
        Assert.Equal(2, problem.GetProperty("current").GetProperty("revision").GetInt32());
        Assert.Equal(2_000_000m, problem.GetProperty("current").GetProperty("rd_total").GetDecimal());
        Assert.Equal(2_000_000m, (await ReadAsync(await a.GetAsync($"/api/v1/units/{UnitIn}/records/{Year}", Ct))).GetProperty("rd_total").GetDecimal());
    }

    [Fact]
    public async Task DivisionFigure_StaleRevision_Is409()
    {
        await using var host = await CreateAsync();
        using var c = host.Client(Roles.RegionAnalyst);
        var url = $"/api/v1/divisions/{CountyIn}/figures/{Year}";
        using (var ok = await c.PutAsJsonAsync(url, new { year = Year, rd_total = 10m, revision = 1 }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        using var stale = await c.PutAsJsonAsync(url, new { year = Year, rd_total = 11m, revision = 1 }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(10m, (await ReadAsync(stale)).GetProperty("current").GetProperty("rd_total").GetDecimal());
    }
}
