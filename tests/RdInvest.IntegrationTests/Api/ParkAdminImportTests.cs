using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RdInvest.Accounts;
using Xunit;
using static RdInvest.IntegrationTests.Api.ApiHost;

namespace RdInvest.IntegrationTests.Api;

/// <summary>Park administrators import park-figures and units of their own park only (二(五)17).</summary>
public sealed class ParkAdminImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostFile(HttpClient c, string kind, string csv)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", kind + ".csv");
        using var r = await c.PostAsync($"/api/v1/imports/{kind}", form, Ct);
        var text = await r.Content.ReadAsStringAsync(Ct);
        return (r.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static List<(string Rule, int Row, string? Column)> Findings(JsonElement body) =>
        body.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("rule").GetString()!, f.GetProperty("row").GetInt32(), f.GetProperty("column").GetString())).ToList();

    [Fact]
    public async Task ParkFigures_OwnParkAccepted_AnotherParksRowRefusedWithTheFinding()
    {
        await using var host = await CreateAsync();
        using var park = host.Client(Roles.ParkAdmin);

        var (ok, okBody) = await PostFile(park, "park-figures", $"park_id,year,rd_total,hte_count\n{ParkIn},2023,100,4\n");
        Assert.True(ok == HttpStatusCode.OK, okBody.ToString());

        var (status, body) = await PostFile(park, "park-figures", $"park_id,year,rd_total\n{ParkIn},2024,1\n{ParkOut},2023,100\n");
        Assert.True(status == HttpStatusCode.UnprocessableEntity, body.ToString());
        Assert.Equal([("outside-park", 3, "park_id")], Findings(body));
        var finding = body.GetProperty("findings")[0];
        Assert.Contains($"属于园区 {ParkOut}，不是您管理的园区 {ParkIn}", finding.GetProperty("message_zh").GetString(), StringComparison.Ordinal);
        Assert.Contains($"belongs to park {ParkOut}, not to your park {ParkIn}", finding.GetProperty("message_en").GetString(), StringComparison.Ordinal);

        await using var db = host.Database.Open();
        var stored = await db.ParkFigures.AsNoTracking().OrderBy(f => f.Year).ToListAsync(Ct);
        // The first file is stored; nothing of the rejected one (not even its own park's row).
        Assert.Equal([(ParkIn, 2023, (long?)100_0000_00L, (int?)4)], stored.Select(f => (f.ParkId, f.Year, f.RdTotalFen, f.HteCount)).ToList());
    }

    [Fact]
    public async Task Units_OnlyOfTheOwnPark_OtherKindsForbidden()
    {
        await using var host = await CreateAsync();
        using var park = host.Client(Roles.ParkAdmin);
        var mine = RdInvest.Common.CreditCode.Complete("91150102MA0000401");
        var theirs = RdInvest.Common.CreditCode.Complete("91150102MA0000402");
        var none = RdInvest.Common.CreditCode.Complete("91150102MA0000403");

        var (status, body) = await PostFile(park, "units",
            "credit_code,name,sector,division_code,park_id\n"
            + $"{mine},园区新企业,enterprise,{CountyIn},{ParkIn}\n"      // a new unit of the own park: fine
            + $"{theirs},别的园区企业,enterprise,{CountyIn},{ParkOut}\n"  // another park
            + $"{none},无园区企业,enterprise,{CountyIn},\n"              // no park named
            + $"{UnitOut},乙企业,enterprise,{CountyOut},{ParkIn}\n");   // taking over another park's unit
        Assert.True(status == HttpStatusCode.UnprocessableEntity, body.ToString());
        Assert.Equal([("outside-park", 3, "park_id"), ("outside-park", 4, "park_id"), ("outside-park", 5, "credit_code")],
            Findings(body).Where(f => f.Rule == "outside-park").ToList());

        var (accepted, acceptedBody) = await PostFile(park, "units", $"credit_code,name,sector,division_code,park_id\n{mine},园区新企业,enterprise,{CountyIn},{ParkIn}\n{UnitIn},甲企业改名,enterprise,{CountyIn},{ParkIn}\n");
        Assert.True(accepted == HttpStatusCode.OK, acceptedBody.ToString());
        await using (var db = host.Database.Open())
        {
            Assert.Equal("甲企业改名", (await db.Units.AsNoTracking().SingleAsync(u => u.CreditCode == UnitIn, Ct)).Name);
            Assert.Equal(ParkIn, (await db.Units.AsNoTracking().SingleAsync(u => u.CreditCode == mine, Ct)).ParkId);
        }

        var (rd, _) = await PostFile(park, "rd", $"credit_code,year,rd_total\n{UnitIn},2023,1\n");
        Assert.Equal(HttpStatusCode.Forbidden, rd);
        var (parks, _) = await PostFile(park, "parks", $"park_id,name,category,division_code\n{ParkIn},园区甲,region_htz,{CountyIn}\n");
        Assert.Equal(HttpStatusCode.Forbidden, parks);
    }
}
