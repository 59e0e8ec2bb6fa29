using System.Text.Json;
using RdInvest.Data;
using RdInvest.Divisions;
using RdInvest.Indicators;
using RdInvest.Targets;
using Xunit;

namespace RdInvest.IntegrationTests.Indicators;

/// <summary>Indicators and progress on the real published figures only (no synthetic population).</summary>
public sealed class PublishedFiguresTests
{
    private static async Task<TestDatabase> PublishedAsync()
    {
        var t = await TestDatabase.CreateAsync();
        await t.InitAsync();
        await using var db = t.Open();
        foreach (var row in ReferenceData.OfficialFigures)
        {
            var f = new DivisionFigure { DivisionCode = row.DivisionCode, Year = row.Year, UpdatedAt = DateTime.UtcNow };
            ReferenceData.Apply(row, f);
            db.DivisionFigures.Add(f);
        }
        await db.SaveChangesAsync();
        return t;
    }

    [Fact]
    public async Task RdGrowth2022_Region_Is209Point5Over190Point1MinusOne()
    {
        await using var t = await PublishedAsync();
        await using var db = t.Open();
        var r = await new IndicatorsHandler(db).HandleAsync(new IndicatorsRequest("150000", 2022), TestContext.Current.CancellationToken);
        // 209.5 / 190.1 − 1 = 0.1020515…  → 10.2052 %
        Assert.Equal(10.2052m, r.Indicators["rd_growth"].Value);
        Assert.Equal("reported", r.Indicators["rd_growth"].Provenance);
        Assert.Equal(20_950_000_000m, r.Indicators["rd_total"].Value);
        // No GDP for 2022: the published intensity stands.
        Assert.Equal(0.90m, r.Indicators["rd_intensity"].Value);
        // 8.1 / 209.5 = 3.8663 %
        Assert.Equal(3.8663m, r.Indicators["rd_basic_share"].Value);
    }

    [Fact]
    public async Task RdIntensity2023_WithGdpButNoRdTotal_FallsBackToPublishedIntensity()
    {
        await using var t = await PublishedAsync();
        await using var db = t.Open();
        var r = await new IndicatorsHandler(db).HandleAsync(new IndicatorsRequest("150600", 2023), TestContext.Current.CancellationToken);
        // Ordos 2023: 53.2 亿 / 5849.86 亿 = 0.9094 %
        Assert.Equal(0.9094m, r.Indicators["rd_intensity"].Value);
        var baotou = await new IndicatorsHandler(db).HandleAsync(new IndicatorsRequest("150200", 2023), TestContext.Current.CancellationToken);
        Assert.Null(baotou.Indicators["rd_intensity"].Value);
        Assert.Equal("no data", baotou.Indicators["rd_intensity"].Reason);
    }

    [Fact]
    public async Task Progress2022_T1BehindAndT2Requires20Point88Percent()
    {
        await using var t = await PublishedAsync();
        await using var db = t.Open();
        var r = await new ProgressHandler(db).HandleAsync(new ProgressRequest("im-rd-2021-2025", 2022, null), TestContext.Current.CancellationToken);
        var t1 = r.Targets.Single(x => x.Id == "T1");
        // expected = 161.07 × 1.2² = 231.9408 亿; 209.5 / 231.9408 = 90.3 % < 95 % → behind
        Assert.Equal(TargetStatus.Behind, t1.Status);
        Assert.Equal(23_194_080_000m, t1.Expected);
        Assert.Equal(16_107_000_000m, t1.BaseValue);
        // realised CAGR = sqrt(209.5/161.07) − 1 = 14.0472 %
        Assert.Equal(14.0472m, t1.RealisedCagr);
        var t2 = r.Targets.Single(x => x.Id == "T2");
        // (370 / 209.5)^(1/3) − 1 = 20.8758 %
        Assert.Equal(20.8758m, t2.RequiredGrowth);
        Assert.Equal(37_000_000_000m, t2.TargetEndValue);
        // No government funds are published: T3/T4 say why instead of guessing.
        var t4 = r.Targets.Single(x => x.Id == "T4");
        Assert.Equal(TargetStatus.NoData, t4.Status);
        Assert.Contains("base-year", t4.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProgressJson_Cli_HasTheContractKeys()
    {
        await using var t = await PublishedAsync();
        var r = await CliRunner.RunAsync(t.DbArgument, "progress", "--plan", "im-rd-2021-2025", "--year", "2022", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("im-rd-2021-2025", doc.RootElement.GetProperty("plan").GetString());
        var first = doc.RootElement.GetProperty("targets")[0];
        foreach (var key in new[] { "id", "clause", "indicator", "kind", "base_year", "base_value", "target_value", "actual", "expected", "realised_cagr", "required_growth", "progress_ratio", "status", "reason" })
        {
            Assert.True(first.TryGetProperty(key, out _), key);
        }
        Assert.Equal("behind", first.GetProperty("status").GetString());
    }

    [Fact]
    public async Task IndicatorsJson_Cli_HasTheContractShape()
    {
        await using var t = await PublishedAsync();
        var r = await CliRunner.RunAsync(t.DbArgument, "indicators", "--division", "150000", "--year", "2022", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("150000", doc.RootElement.GetProperty("division").GetString());
        Assert.Equal(2022, doc.RootElement.GetProperty("year").GetInt32());
        var total = doc.RootElement.GetProperty("indicators").GetProperty("rd_total");
        Assert.Equal(20950000000m, total.GetProperty("value").GetDecimal());
        Assert.Equal("yuan", total.GetProperty("unit").GetString());
        Assert.Equal("reported", total.GetProperty("provenance").GetString());
        var gdp = doc.RootElement.GetProperty("indicators").GetProperty("gdp");
        Assert.Equal(JsonValueKind.Null, gdp.GetProperty("value").ValueKind);
        Assert.Equal("no data", gdp.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Reconcile_ReportedLeagueAgainstDerivedRegion_IsListed()
    {
        await using var t = await PublishedAsync();
        await using var db = t.Open();
        var r = await new ReconcileHandler(db).HandleAsync(2022, "im-rd-2021-2025", TestContext.Current.CancellationToken);
        // Region 2022 published 209.5; its children published 44.5 + 77.5 + 44.1 + 5.0 = 171.1 → 38.4 亿 short, flagged.
        var item = r.Items.Single(i => i.Division == "150000" && i.Measure == "rd_total");
        Assert.Equal(20_950_000_000m, item.Reported);
        Assert.Equal(17_110_000_000m, item.Derived);
        Assert.True(item.Flagged);
        Assert.Equal(4, item.Divisions);
    }
}
