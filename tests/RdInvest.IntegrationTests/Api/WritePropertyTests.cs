using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using RdInvest.Accounts;
using RdInvest.Common;
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
    private const int Runs = 60;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>One write: which endpoint (0 unit, 1 record, 2 figure), a target, a year, amounts, counts and text.</summary>
    public sealed record Write(int Kind, int Target, int Year, decimal?[] Amounts, int?[] Counts, string? Text, string? Code);

    private static readonly Gen<decimal?> Amount = Gen.OneOf(
        Gen.Elements<decimal?>(null, 0m, 0.01m, 0.001m, -1m, -0.01m, 1e17m, 9e16m, Bounds.MaxUnitMoney, Bounds.MaxUnitMoney + 0.01m,
            Bounds.MaxFigureMoney, 99.9999m, 100m, 100.0001m, 79_228_162_514_264_337_593_543_950_335m),
        Gen.Choose(0, 1_000_000_000).Select(n => (decimal?)(n / 100m)),
        from n in Gen.Choose(-1_000_000, 1_000_000) from scale in Gen.Choose(0, 6) select (decimal?)new decimal(Math.Abs(n), 0, 0, n < 0, (byte)scale));

    private static readonly Gen<int?> Count = Gen.OneOf(
        Gen.Elements<int?>(null, 0, -1, int.MaxValue, int.MinValue),
        Gen.Choose(0, 100_000).Select(n => (int?)n));

    private static readonly Gen<int> Year = Gen.OneOf(Gen.Elements(-5, 0, 1999, 2000, 2027, 2100, 2101, 10_000, 99_999), Gen.Choose(2015, 2026));

    private static readonly Gen<string?> Text = Gen.OneOf(
        Gen.Elements<string?>(null, "", "  ", "示例科技有限公司", " 前后空格 ", "ＦＵＬＬ　ｗｉｄｔｈ", "=cmd|' /C calc'!A0", "'=1+1", "+1", "-1", "@SUM(A1)",
            "a,b\"c", "甲\0乙", "evil\u202etxt", "tab\there", "line\nbreak", "\u2066隔离\u2069", "😀表情", "x\u200b", new string('长', 200), new string('长', 201)),
        Gen.Choose(1, 600).Select(n => (string?)new string('名', n)),
        Gen.ArrayOf(Gen.Choose(0x20, 0x7e).Select(c => (char)c)).Select(cs => (string?)new string(cs)));

    private static readonly Gen<string?> Code = Gen.Elements<string?>(null, "C38", "c3811", "A", "Z9", "C38111", "", "38", "M7530", new string('C', 5000), "C3\u202e8");

    private static readonly Gen<Write> Writes =
        from kind in Gen.Choose(0, 2)
        from target in Gen.Choose(0, 2)
        from year in Year
        from amounts in Gen.ArrayOf(Amount, 17)
        from counts in Gen.ArrayOf(Count, 3)
        from text in Text
        from code in Code
        select new Write(kind, target, year, amounts, counts, text, code);

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
        var dir = Directory.CreateTempSubdirectory("rdinvest-roundtrip-");
        try
        {
            foreach (var kind in new[] { "units", "rd", "division-figures" })
            {
                var file = Path.Combine(dir.FullName, kind + ".csv");
                var export = await CliRunner.RunAsync(host.Database.DbArgument, "export", kind, "--out", file);
                Assert.True(export.ExitCode == 0, $"export {kind}: {export.Stdout} {export.Stderr}");
                var import = await CliRunner.RunAsync(host.Database.DbArgument, "import", kind, file, "--json");
                Assert.True(import.ExitCode == 0, $"import {kind}: {import.Stdout} {import.Stderr}");
                var result = JsonDocument.Parse(import.Stdout).RootElement;
                Assert.True(result.GetProperty("inserted").GetInt64() == 0 && result.GetProperty("updated").GetInt64() == 0,
                    $"import of the exported {kind} changed data: {import.Stdout[..Math.Min(import.Stdout.Length, 2000)]}");
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
