using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RdInvest.Data;
using Xunit;

namespace RdInvest.IntegrationTests.Foundation;

public sealed class DbInitTests
{
    [Fact]
    public async Task DbInit_Twice_Loads116DivisionsAndChangesNothingTheSecondTime()
    {
        await using var t = await TestDatabase.CreateAsync();
        var first = await CliRunner.RunAsync(t.DbArgument, "db", "init", "--json");
        Assert.True(first.ExitCode == 0, first.Stderr);
        var second = await CliRunner.RunAsync(t.DbArgument, "db", "init", "--json");
        Assert.True(second.ExitCode == 0, second.Stderr);
        using (var doc = JsonDocument.Parse(second.Stdout))
        {
            Assert.Equal(0, doc.RootElement.GetProperty("divisions_changed").GetInt32());
            Assert.All(doc.RootElement.GetProperty("plans").EnumerateArray(), p => Assert.False(p.GetProperty("changed").GetBoolean()));
        }

        await using var db = t.Open();
        var all = await db.Divisions.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(116, all.Count);
        Assert.Single(all, d => d.Level == DivisionLevels.Region);
        Assert.Equal(12, all.Count(d => d.Level == DivisionLevels.LeagueCity));
        Assert.Equal(103, all.Count(d => d.Level == DivisionLevels.County));
        var byCode = all.ToDictionary(d => d.Code);
        Assert.Null(byCode["150000"].ParentCode);
        Assert.All(all.Where(d => d.Level == DivisionLevels.LeagueCity), d => Assert.Equal("150000", d.ParentCode));
        Assert.All(all.Where(d => d.Level == DivisionLevels.County), d =>
        {
            Assert.Equal(DivisionLevels.LeagueCity, byCode[d.ParentCode!].Level);
            Assert.Equal(d.Code[..4], d.ParentCode![..4]);
        });
        Assert.Equal("包头市", byCode["150200"].NameZh);
    }

    [Fact]
    public async Task Divisions_Json_ListsAllAndFiltersByLevelAndParent()
    {
        await using var t = await TestDatabase.CreateAsync();
        await t.InitAsync();
        var all = await CliRunner.RunAsync(t.DbArgument, "divisions", "--json");
        Assert.True(all.ExitCode == 0, all.Stderr);
        using var doc = JsonDocument.Parse(all.Stdout);
        Assert.Equal(116, doc.RootElement.GetArrayLength());

        var leagues = await CliRunner.RunAsync(t.DbArgument, "divisions", "--level", "league_city", "--json");
        using var ldoc = JsonDocument.Parse(leagues.Stdout);
        Assert.Equal(12, ldoc.RootElement.GetArrayLength());

        var baotou = await CliRunner.RunAsync(t.DbArgument, "divisions", "--parent", "150200", "--json");
        using var bdoc = JsonDocument.Parse(baotou.Stdout);
        Assert.True(bdoc.RootElement.GetArrayLength() > 0);
        Assert.All(bdoc.RootElement.EnumerateArray(), d => Assert.Equal("150200", d.GetProperty("parent_code").GetString()));
    }

    [Fact]
    public async Task Divisions_BadLevel_IsAUsageErrorInBothLanguages()
    {
        await using var t = await TestDatabase.CreateAsync();
        await t.InitAsync();
        var r = await CliRunner.RunAsync(t.DbArgument, "divisions", "--level", "province");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("层级", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("level", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_OnUninitialisedDatabase_SayRunDbInit()
    {
        await using var t = await TestDatabase.CreateAsync();
        var r = await CliRunner.RunAsync(t.DbArgument, "divisions");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("rdinvest db init", r.Stderr, StringComparison.Ordinal);
    }
}
