using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using RdInvest.Accounts;
using RdInvest.Common;
using RdInvest.Exporting;
using RdInvest.Importing;
using Xunit;
using static RdInvest.IntegrationTests.Api.ApiHost;

namespace RdInvest.IntegrationTests.Api;

/// <summary>
/// Random values per field type (huge, negative and fractional amounts, long and odd text, odd years) sent to the
/// API's write endpoints for units, R&amp;D records and division figures: none answers 5xx, and whatever was accepted
/// comes back unchanged through export → import (the import finds nothing to change).
/// </summary>
public sealed class WritePropertyTests
{
    private const int Runs = 150;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>One write: which endpoint (0 unit, 1 record, 2 figure), a target, a year, amounts, counts and text.</summary>
    public sealed record Write(int Kind, int Target, int Year, decimal?[] Amounts, int?[] Counts, string? Text, string? Code);

    /// <summary>Values every amount field accepts, or null (most fields are optional).</summary>
    private static readonly Gen<decimal?> Plain = Gen.OneOf(
        Gen.Constant<decimal?>(null), Gen.Constant<decimal?>(null), Gen.Constant<decimal?>(null),
        Gen.Choose(0, 10_000).Select(n => (decimal?)(n / 100m)));

    /// <summary>Odd amounts: negative, sub-fen, at and past the ceilings, beyond any ceiling, odd scales.</summary>
    private static readonly Gen<decimal?> Odd = Gen.OneOf(
        Gen.Elements<decimal?>(0m, 0.01m, 0.001m, -1m, -0.01m, 1e17m, 9e16m, Bounds.MaxUnitMoney, Bounds.MaxUnitMoney + 0.01m,
            Bounds.MaxUnitRevenue, Bounds.MaxFigureMoney, Bounds.MaxFigureMoney + 1m, 99.9999m, 100m, 100.0001m, 79_228_162_514_264_337_593_543_950_335m),
        from n in Gen.Choose(-1_000_000, 1_000_000) from scale in Gen.Choose(0, 6) select (decimal?)new decimal(Math.Abs(n), 0, 0, n < 0, (byte)scale));

    private static readonly Gen<decimal?> Total = Gen.OneOf(Gen.Choose(1_000_000, 1_000_000_000).Select(n => (decimal?)(n / 100m)), Odd);

    private static readonly Gen<int?> Count = Gen.OneOf(
        Gen.Constant<int?>(null), Gen.Choose(0, 100_000).Select(n => (int?)n), Gen.Elements<int?>(0, -1, int.MaxValue, int.MinValue));

    private static readonly Gen<int> Year = Gen.OneOf(
        Gen.Elements(-5, 0, 1999, 2000, 2027, 2100, 2101, 10_000, 99_999), Gen.Choose(2015, 2026), Gen.Choose(2015, 2026), Gen.Choose(2015, 2026));

    private static readonly Gen<string?> Text = Gen.OneOf(
        Gen.Elements<string?>("内蒙古示例科技有限公司", "包头稀土研究院", "2023年统计公报"),
        Gen.Elements<string?>(null, "", "  ", "示例科技有限公司", " 前后空格 ", "ＦＵＬＬ　ｗｉｄｔｈ", "=cmd|' /C calc'!A0", "'=1+1", "+1", "-1", "@SUM(A1)",
            "a,b\"c", "甲\0乙", "evil\u202etxt", "tab\there", "line\nbreak", "\u2066隔离\u2069", "😀表情", "x\u200b", new string('长', 200), new string('长', 201)),
        Gen.Choose(1, 600).Select(n => (string?)new string('名', n)),
        Gen.ArrayOf(Gen.Choose(0x20, 0x7e).Select(c => (char)c)).Select(cs => (string?)new string(cs)));

    private static readonly Gen<string?> Code = Gen.Elements<string?>(null, "C38", "c3811", "A", "Z9", "C38111", "", "38", "M7530", new string('C', 5000), "C3\u202e8");

    private static readonly Gen<Write> Writes =
        from kind in Gen.Choose(0, 2)
        from target in Gen.Choose(0, 2)
        from year in Year
        from total in Total
        from plain in Gen.ArrayOf(Plain, 16)
        from odd in Odd
        from oddField in Gen.Choose(1, 30)
        from counts in Gen.ArrayOf(Count, 3)
        from text in Text
        from code in Code
        // At most one odd amount besides the total, so that most writes are accepted or refused for one reason.
        select new Write(kind, target, year, [total, .. plain.Select((p, i) => i + 1 == oddField ? odd : p)], counts, text, code);

    private static readonly string[] Units = [UnitIn, UnitOut, UnitNew];
    private static readonly string[] Divisions = [CountyIn, CountyOut, LeagueIn];

    private static object Body(Write w) => w.Kind switch
    {
        0 => new Dictionary<string, object?>
        {
            ["credit_code"] = Units[w.Target], ["name"] = w.Text, ["sector"] = "enterprise", ["division_code"] = w.Target == 1 ? CountyOut : CountyIn,
            ["industry_code"] = w.Code, ["above_scale"] = w.Counts[0] is > 0, ["park_id"] = w.Target == 1 ? ParkOut : ParkIn,
        },
        1 => new Dictionary<string, object?>
        {
            ["year"] = w.Year, ["rd_total"] = w.Amounts[0], ["gov_funds"] = w.Amounts[1], ["enterprise_funds"] = w.Amounts[2], ["foreign_funds"] = w.Amounts[3],
            ["other_funds"] = w.Amounts[4], ["basic"] = w.Amounts[5], ["applied"] = w.Amounts[6], ["experimental"] = w.Amounts[7],
            ["personnel_cost"] = w.Amounts[8], ["capital_cost"] = w.Amounts[9], ["other_cost"] = w.Amounts[10], ["extramural"] = w.Amounts[11],
            ["personnel_headcount"] = w.Counts[0], ["personnel_fte"] = w.Amounts[12], ["revenue"] = w.Amounts[13],
            ["has_rd_institution"] = w.Counts[1] is > 0, ["invention_patents"] = w.Counts[2],
        },
        _ => new Dictionary<string, object?>
        {
            ["year"] = w.Year, ["rd_total"] = w.Amounts[0], ["gov_funds"] = w.Amounts[1], ["enterprise_funds"] = w.Amounts[2], ["foreign_funds"] = w.Amounts[3],
            ["other_funds"] = w.Amounts[4], ["basic"] = w.Amounts[5], ["applied"] = w.Amounts[6], ["experimental"] = w.Amounts[7],
            ["rd_enterprise"] = w.Amounts[8], ["rd_institute"] = w.Amounts[9], ["rd_university"] = w.Amounts[10], ["gdp"] = w.Amounts[11],
            ["rd_intensity"] = w.Amounts[12], ["hte_count"] = w.Counts[0], ["tsme_count"] = w.Counts[1], ["gov_st_spending"] = w.Amounts[13],
            ["source"] = w.Text,
        },
    };

    private static string Url(Write w) => w.Kind switch
    {
        0 => "/api/v1/units",
        1 => $"/api/v1/units/{Units[w.Target]}/records",
        _ => $"/api/v1/divisions/{Divisions[w.Target]}/figures",
    };

    /// <summary>Sends the write as a create; when the row exists, as an update of its current revision.</summary>
    private static async Task<int> SendAsync(HttpClient client, Write w)
    {
        var body = Body(w);
        using var created = await client.PostAsJsonAsync(Url(w), body, Ct);
        if (created.StatusCode != HttpStatusCode.Conflict)
        {
            return (int)created.StatusCode;
        }
        var address = w.Kind == 0 ? $"{Url(w)}/{Units[w.Target]}" : $"{Url(w)}/{w.Year}";
        using var current = await client.GetAsync(address, Ct);
        if (current.StatusCode != HttpStatusCode.OK)
        {
            return (int)current.StatusCode;
        }
        var json = await current.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var update = (Dictionary<string, object?>)body;
        update["revision"] = json.GetProperty("revision").GetInt32();
        using var updated = await client.PutAsJsonAsync(address, update, Ct);
        return (int)updated.StatusCode;
    }

    [Fact]
    public async Task Writes_RandomValuesPerFieldType_NeverFailTheServer_AndAcceptedValuesRoundTrip()
    {
        await using var host = await CreateAsync();
        using var admin = host.Client(Roles.RegionAdmin);
        var statuses = new List<int>();
        var failures = new List<string>();

        var property = Prop.ForAll(Writes.ToArbitrary(), w =>
        {
            var status = Task.Run(() => SendAsync(admin, w)).GetAwaiter().GetResult();
            statuses.Add(status);
            if (status >= 500 || status is not (200 or 201 or 400 or 404 or 409 or 422))
            {
                failures.Add($"{status}: {Url(w)} {JsonSerializer.Serialize(Body(w))}");
            }
            return status < 500;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Runs), property);

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Contains(statuses, s => s is 200 or 201);
        Assert.Contains(422, statuses);

        // Everything stored, including what the random writes were allowed to store, survives export → import unchanged.
        var accepted = new Dictionary<string, int>();
        var dir = Directory.CreateTempSubdirectory("rdinvest-roundtrip-");
        try
        {
            foreach (var kind in new[] { "units", "rd", "division-figures" })
            {
                // The handlers `rdinvest export` and `rdinvest import` run, in their default unit (万元).
                var file = Path.Combine(dir.FullName, kind + ".csv");
                await using (var db = host.Database.Open())
                {
                    await new ExportHandler(db).HandleAsync(new ExportRequest(kind, file), Ct);
                }
                await using (var db = host.Database.Open())
                {
                    var result = await new ImportFileHandler(db, TimeProvider.System).HandleAsync(new ImportRequest(kind, file), Ct);
                    Assert.True(result.Errors == 0 && result.Inserted == 0 && result.Updated == 0,
                        $"import of the exported {kind} ({result.Rows} rows): {result.Inserted} inserted, {result.Updated} updated, " +
                        string.Join("; ", result.Findings.Take(5).Select(f => $"{f.Rule} row {f.Row} {f.Column}={f.Value}")));
                    accepted[kind] = result.Rows;
                }
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"statuses {string.Join(", ", statuses.CountBy(s => s).Select(p => $"{p.Key}×{p.Value}"))}; rows round-tripped {string.Join(", ", accepted)}");
    }
}
