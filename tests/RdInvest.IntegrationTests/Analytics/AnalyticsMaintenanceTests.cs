using Microsoft.EntityFrameworkCore;
using RdInvest.Accounts;
using RdInvest.Analytics;
using RdInvest.Approval;
using RdInvest.Auditing;
using RdInvest.Data;
using RdInvest.Importing;
using RdInvest.Indicators;
using RdInvest.IntegrationTests.Importing;
using RdInvest.Records;
using Xunit;

namespace RdInvest.IntegrationTests.Analytics;

/// <summary>
/// The analytics tables stay equal to a computation from the records after every kind of write — each import kind that
/// feeds a measure, API record and unit writes (a unit moving division), approval transitions, the demo load — on the
/// database the suite runs on; reads come from them; a corrupted table fails <c>analytics check</c>.
/// </summary>
public sealed class AnalyticsMaintenanceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task AssertEqualAsync(ImportTestDb t, string after)
    {
        await using var db = t.Context();
        var check = await new AnalyticsCheckHandler(db).HandleAsync(Ct);
        Assert.True(check.Equal, $"after {after}: " + string.Join("; ", check.Differences.Take(10)
            .Select(d => $"{d.Key} {d.Year} {d.Scope} {d.Measure} stored {d.Stored} computed {d.Computed}")));
        Assert.True(check.Compared > 0, $"after {after}: nothing compared");
    }

    private static async Task<ImportResult> ImportAsync(ImportTestDb t, string kind, List<string[]> rows)
    {
        var r = await t.ImportAsync(kind, SampleFiles.WriteCsv(Path.Combine(t.Dir, $"{kind}-{Guid.NewGuid():N}.csv"), rows));
        Assert.True(r.Accepted, string.Join("; ", r.Findings.Take(3).Select(f => f.ToString())));
        return r;
    }

    [Fact]
    public async Task Every_write_keeps_the_tables_equal_to_a_rebuild()
    {
        await using var t = await ImportTestDb.CreateAsync();
        await ImportAsync(t, "parks", SampleFiles.Rows("parks", 0));
        await ImportAsync(t, "units", SampleFiles.Rows("units", 60));
        await ImportAsync(t, "rd", SampleFiles.Rows("rd", 60));
        await AssertEqualAsync(t, "rd import");
        await using (var db = t.Context())
        {
            Assert.Contains(2023, await db.AnalyticsYears.Select(y => y.Year).ToListAsync(Ct));
            Assert.True(await db.AnalyticsMeasures.AnyAsync(m => m.Year == 2023 && m.Preliminary && m.Measure == Measure.RdTotal, Ct));
        }
        foreach (var kind in new[] { "certifications", "projects", "platforms", "division-figures", "park-figures" })
        {
            await ImportAsync(t, kind, SampleFiles.Rows(kind, 60));
            await AssertEqualAsync(t, kind + " import");
        }

        // A re-import that changes values, and one that moves units to other counties, other parks and another sector.
        var rd = SampleFiles.Rows("rd", 60);
        foreach (var row in rd.Skip(1).Where((_, i) => i % 3 == 0))
        {
            row[16] = "99999.99";
            row[17] = row[17] == "是" ? "否" : "是";
        }
        await ImportAsync(t, "rd", rd);
        await AssertEqualAsync(t, "rd re-import");
        var units = SampleFiles.Rows("units", 60);
        foreach (var row in units.Skip(1).Where((_, i) => i % 4 == 1))
        {
            row[2] = "university";
            row[3] = row[3] == "150102" ? "150105" : "150102";
            row[7] = row[7] == "P1" ? "P2" : "P1";
        }
        await ImportAsync(t, "units", units);
        await AssertEqualAsync(t, "units import moving units");

        // API writes: a record in a year no table holds yet, its update, a unit moving division and park.
        var actor = new Actor("test");
        await using (var db = t.Context())
        {
            var writer = new RdRecordWriteHandler(db, TimeProvider.System);
            var created = await writer.CreateAsync(SampleFiles.Code(5), new RdRecordInput(2022, 321.5m, GovFunds: 20m), actor, Ct);
            await AssertEqualAsync(t, "API record create");
            await writer.UpdateAsync(SampleFiles.Code(5), 2022, new RdRecordInput(2022, 400m, Revision: created.Revision), actor, Ct);
            await AssertEqualAsync(t, "API record update");
            var unit = await db.Units.AsNoTracking().FirstAsync(u => u.CreditCode == SampleFiles.Code(6), Ct);
            await new UnitWriteHandler(db, TimeProvider.System).UpdateAsync(unit.CreditCode, new UnitInput(unit.CreditCode, unit.Name,
                unit.Sector, "150602", unit.IndustryCode, unit.AboveScale, unit.StateOwned, "P2", unit.Revision), actor, Ct);
            await AssertEqualAsync(t, "API unit move");
        }

        // Approval: every transition changes the official scope of the county-year.
        var county = "150102";
        UserScope admin = new("admin", Roles.RegionAdmin, null);
        await using (var db = t.Context())
        {
            var approvals = new ApprovalHandler(db, TimeProvider.System);
            foreach (var action in new[] { ApprovalActions.Submit, ApprovalActions.Return, ApprovalActions.Submit, ApprovalActions.Approve, ApprovalActions.Finalise })
            {
                await approvals.TransitionAsync(county, 2023, action, action == ApprovalActions.Return ? "复核 / review" : null, admin, actor, Ct);
                await AssertEqualAsync(t, "approval " + action);
            }
            Assert.True(await db.AnalyticsMeasures.AnyAsync(m => m.Year == 2023 && !m.Preliminary && m.DivisionCode == county, Ct));
        }
    }

    [Fact]
    public async Task Reads_come_from_the_tables_and_a_corrupted_table_fails_the_check_until_rebuilt()
    {
        await using var t = await ImportTestDb.CreateAsync();
        await ImportAsync(t, "parks", SampleFiles.Rows("parks", 0));
        await ImportAsync(t, "units", SampleFiles.Rows("units", 30));
        await ImportAsync(t, "rd", SampleFiles.Rows("rd", 30));
        const string county = "150102";
        await using var db = t.Context();
        var before = (await new IndicatorsHandler(db, preliminary: true).HandleAsync(new IndicatorsRequest(county, 2023), Ct)).Indicators["rd_total"].Value;
        Assert.NotNull(before);

        await db.AnalyticsMeasures.Where(m => m.Year == 2023 && m.Preliminary && m.DivisionCode == county && m.Measure == Measure.RdTotal)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Sum, m => m.Sum + 100), Ct);
        // A write behind the platform's back: renew the data stamp as every write path does, or reads keep the cached figure.
        await AnalyticsStamps.BumpAsync(db, Ct);
        var read = (await new IndicatorsHandler(db, preliminary: true).HandleAsync(new IndicatorsRequest(county, 2023), Ct)).Indicators["rd_total"].Value;
        Assert.Equal(before + 1m, read);
        var check = await new AnalyticsCheckHandler(db).HandleAsync(Ct);
        var d = Assert.Single(check.Differences);
        Assert.Equal((county, 2023, AnalyticsCheckHandler.Preliminary, Measure.RdTotal), (d.Key, d.Year, d.Scope, d.Measure));
        Assert.Equal(d.Computed!.Value.Sum + 100, d.Stored!.Value.Sum);

        await new AnalyticsRebuildHandler(db).HandleAsync(Ct);
        Assert.True((await new AnalyticsCheckHandler(db).HandleAsync(Ct)).Equal);
        Assert.Equal(before, (await new IndicatorsHandler(db, preliminary: true).HandleAsync(new IndicatorsRequest(county, 2023), Ct)).Indicators["rd_total"].Value);
    }

    [Fact]
    public async Task A_database_with_records_and_empty_tables_is_filled_on_migration()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.InitAsync();
        var dir = Directory.CreateTempSubdirectory("rdinvest-analytics-").FullName;
        await using (var db = database.Open())
        {
            foreach (var kind in new[] { "parks", "units", "rd" })
            {
                var file = SampleFiles.WriteCsv(Path.Combine(dir, kind + ".csv"), SampleFiles.Rows(kind, 20));
                Assert.True((await new ImportFileHandler(db, TimeProvider.System)
                    .HandleAsync(new ImportRequest(kind, file, User: "test"), Ct)).Accepted);
            }
            await db.AnalyticsMeasures.ExecuteDeleteAsync(Ct);
            await db.AnalyticsParkMeasures.ExecuteDeleteAsync(Ct);
            await db.AnalyticsYears.ExecuteDeleteAsync(Ct);
        }
        var stale = await CliRunner.RunAsync(database.DbArgument, "analytics", "check");
        Assert.Equal(1, stale.ExitCode);
        Assert.Contains("不一致", stale.Stdout);
        Assert.Contains("differ", stale.Stdout);

        await database.InitAsync();
        var ok = await CliRunner.RunAsync(database.DbArgument, "analytics", "check");
        Assert.True(ok.ExitCode == 0, ok.Stdout + ok.Stderr);
        Assert.Contains("一致", ok.Stdout);
        await using (var db = database.Open())
        {
            Assert.True(await db.AnalyticsMeasures.AnyAsync(Ct));
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public async Task The_demo_load_leaves_the_tables_equal_to_a_rebuild()
    {
        await using var t = await ImportTestDb.CreateAsync();
        await using (var db = t.Context())
        {
            await RdInvest.Demo.DemoLoader.LoadAsync(db, new RdInvest.Demo.DemoOptions { UnitCount = 300 }, Ct);
        }
        await AssertEqualAsync(t, "demo load");
        await using (var db = t.Context())
        {
            Assert.True(await db.AnalyticsParkMeasures.AnyAsync(Ct));
        }
    }
}
