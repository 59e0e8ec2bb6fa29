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
/// Indicator reads are kept in the process-wide cache under the data stamp; every kind of write renews the stamp in its
/// transaction, so the next read — in this process or after another process wrote — shows the new figure, never the
/// cached one.
/// </summary>
public sealed class AnalyticsStampTests
{
    private const string County = "150102";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<decimal?> RdTotalAsync(TestDatabase database, bool preliminary, string division = County)
    {
        await using var db = database.Open();
        return (await new IndicatorsHandler(db, preliminary).HandleAsync(new IndicatorsRequest(division, 2023), Ct)).Indicators["rd_total"].Value;
    }

    private static async Task ImportAsync(TestDatabase database, string dir, string kind, List<string[]> rows)
    {
        var file = SampleFiles.WriteCsv(Path.Combine(dir, $"{kind}-{Guid.NewGuid():N}.csv"), rows);
        await using var db = database.Open();
        var r = await new ImportFileHandler(db, TimeProvider.System).HandleAsync(new ImportRequest(kind, file, User: "test"), Ct);
        Assert.True(r.Accepted, string.Join("; ", r.Findings.Take(3).Select(f => f.ToString())));
    }

    [Fact]
    public async Task A_cached_read_shows_every_kind_of_write_at_the_next_read()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.InitAsync();
        var dir = Directory.CreateTempSubdirectory("rdinvest-stamp-").FullName;
        await ImportAsync(database, dir, "parks", SampleFiles.Rows("parks", 0));
        await ImportAsync(database, dir, "units", SampleFiles.Rows("units", 60));
        await ImportAsync(database, dir, "rd", SampleFiles.Rows("rd", 30));
        await using (var db = database.Open())
        {
            Assert.NotNull(await AnalyticsStamps.ReadAsync(db, Ct));
        }

        // Warm: the second read is served from the cache and equal.
        var first = await RdTotalAsync(database, preliminary: true);
        Assert.NotNull(first);
        Assert.Equal(first, await RdTotalAsync(database, preliminary: true));

        // An import adding the records of units 31–60 (seven more in the county).
        long added;
        await using (var db = database.Open())
        {
            await ImportAsync(database, dir, "rd", SampleFiles.Rows("rd", 60));
            var late = Enumerable.Range(31, 30).Select(SampleFiles.Code).ToList();
            added = await (from r in db.RdRecords
                           join u in db.Units on r.UnitId equals u.Id
                           where r.Year == 2023 && u.DivisionCode == County && late.Contains(u.CreditCode)
                           select r.RdTotalFen).SumAsync(Ct);
        }
        Assert.True(added > 0);
        var afterImport = await RdTotalAsync(database, preliminary: true);
        Assert.Equal(first + added / 100m, afterImport);

        // An API record update: unit 5 (in the county) now reports 400 yuan.
        await using (var db = database.Open())
        {
            var old = await (from r in db.RdRecords
                             join u in db.Units on r.UnitId equals u.Id
                             where r.Year == 2023 && u.CreditCode == SampleFiles.Code(5)
                             select r).AsNoTracking().FirstAsync(Ct);
            await new RdRecordWriteHandler(db, TimeProvider.System).UpdateAsync(SampleFiles.Code(5), 2023,
                new RdRecordInput(2023, 400m, Revision: old.Revision), new Actor("test"), Ct);
            Assert.Equal(afterImport - old.RdTotalFen / 100m + 400m, await RdTotalAsync(database, preliminary: true));
        }
        var preliminary = await RdTotalAsync(database, preliminary: true);

        // Approval: the official figure (final records only) is empty until the county-year is finalised, then equal to the preliminary one.
        var official = await RdTotalAsync(database, preliminary: false);
        Assert.NotEqual(preliminary, official);
        await using (var db = database.Open())
        {
            var approvals = new ApprovalHandler(db, TimeProvider.System);
            UserScope admin = new("admin", Roles.RegionAdmin, null);
            foreach (var action in new[] { ApprovalActions.Submit, ApprovalActions.Approve, ApprovalActions.Finalise })
            {
                await approvals.TransitionAsync(County, 2023, action, null, admin, new Actor("test"), Ct);
            }
        }
        Assert.Equal(preliminary, await RdTotalAsync(database, preliminary: false));

        // A published figure for another county (this one is final and locked), imported by another process (the CLI):
        // it wins over the sum of the units.
        const string other = "150105";
        var derived = await RdTotalAsync(database, preliminary: true, other);
        Assert.NotNull(derived);
        var figures = SampleFiles.WriteCsv(Path.Combine(dir, "division-figures.csv"),
            [["division_code", "year", "rd_total", "source"], [other, "2023", "12345.67", "公报"]]);
        var cli = await CliRunner.RunAsync(database.DbArgument, "import", "division-figures", figures, "--unit", "万元", "--user", "test");
        Assert.True(cli.ExitCode == 0, cli.Stdout + cli.Stderr);
        Assert.Equal(123_456_700m, await RdTotalAsync(database, preliminary: true, other));

        // A published figure's update through the API.
        await using (var db = database.Open())
        {
            var f = await db.DivisionFigures.AsNoTracking().FirstAsync(x => x.DivisionCode == other && x.Year == 2023, Ct);
            await new DivisionFigureWriteHandler(db, TimeProvider.System).UpdateAsync(other, 2023,
                new DivisionFigureInput(2023, RdTotal: 20_000m, Revision: f.Revision), new Actor("test"), Ct);
        }
        Assert.Equal(20_000m, await RdTotalAsync(database, preliminary: true, other));

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public async Task Every_write_path_renews_the_stamp_in_its_transaction_and_a_rolled_back_write_keeps_it()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.InitAsync();
        await using var db = database.Open();
        var before = await AnalyticsStamps.ReadAsync(db, Ct);
        Assert.NotNull(before);
        await using (var tx = await db.Database.BeginTransactionAsync(Ct))
        {
            await AnalyticsRefresh.AfterWriteAsync(db, AnalyticsTouch.None, Ct);
            Assert.NotEqual(before, await AnalyticsStamps.ReadAsync(db, Ct));
            await tx.RollbackAsync(Ct);
        }
        Assert.Equal(before, await AnalyticsStamps.ReadAsync(db, Ct));
        await new AnalyticsRebuildHandler(db).HandleAsync(Ct);
        var rebuilt = await AnalyticsStamps.ReadAsync(db, Ct);
        Assert.NotEqual(before, rebuilt);
        await using (var tx = await db.Database.BeginTransactionAsync(Ct))
        {
            await AnalyticsRefresh.AfterPlanLoadAsync(db, Ct);
            await tx.CommitAsync(Ct);
        }
        Assert.NotEqual(rebuilt, await AnalyticsStamps.ReadAsync(db, Ct));
    }
}
