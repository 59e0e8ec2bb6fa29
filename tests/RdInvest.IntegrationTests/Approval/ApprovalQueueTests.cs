using Microsoft.EntityFrameworkCore;
using RdInvest.Accounts;
using RdInvest.Approval;
using RdInvest.Auditing;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Importing;
using Xunit;

namespace RdInvest.IntegrationTests.Approval;

/// <summary>
/// The approval queue (what waits for whom, the figures and their change since the last approval or the previous
/// year's approved figures), the import log a user may see, and the import's progress reports, on a real database.
/// </summary>
public sealed class ApprovalQueueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string County = "150102";
    private const string Hohhot = "150100";

    private static readonly UserScope CountyOfficer = new("county-a", Roles.CountyOfficer, County);
    private static readonly UserScope CityOfficer = new("city-a", Roles.CityOfficer, Hohhot);
    private static readonly UserScope OtherCity = new("city-b", Roles.CityOfficer, "150200");
    private static readonly UserScope Admin = new("admin", Roles.RegionAdmin, null);

    private static async Task<(long A, long B)> SeedAsync(RdInvestDb db)
    {
        var now = DateTime.UtcNow;
        var a = new ReportingUnit { CreditCode = CreditCode.Complete("91150102MA0000001"), Name = "甲", Sector = Sectors.Enterprise, DivisionCode = County, UpdatedAt = now };
        var b = new ReportingUnit { CreditCode = CreditCode.Complete("91150102MA0000002"), Name = "乙", Sector = Sectors.Enterprise, DivisionCode = County, UpdatedAt = now };
        db.Units.AddRange(a, b);
        await db.SaveChangesAsync(Ct);
        db.Approvals.Add(new CountyApproval { CountyCode = County, Year = 2022, Status = DataStatuses.Final, UpdatedAt = now });
        db.RdRecords.AddRange(
            new UnitRdRecord { UnitId = a.Id, Year = 2022, RdTotalFen = 1_000_000_00, Status = DataStatuses.Final, UpdatedAt = now },
            new UnitRdRecord { UnitId = b.Id, Year = 2022, RdTotalFen = 500_000_00, Status = DataStatuses.Final, UpdatedAt = now },
            new UnitRdRecord { UnitId = a.Id, Year = 2023, RdTotalFen = 1_200_000_00, GovFundsFen = 100_000_00, Status = DataStatuses.Draft, UpdatedAt = now },
            new UnitRdRecord { UnitId = b.Id, Year = 2023, RdTotalFen = 600_000_00, Status = DataStatuses.Draft, UpdatedAt = now });
        await db.SaveChangesAsync(Ct);
        return (a.Id, b.Id);
    }

    private static Task<IReadOnlyList<ApprovalQueueItem>> QueueAsync(RdInvestDb db, UserScope user, int year) =>
        new ApprovalQueueHandler(db).HandleAsync(new ScopeService(db, user), year, Ct);

    [Fact]
    public async Task Queue_DraftThenApproved_WaitsForEachLevelWithItsBaseline()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.InitAsync();
        await using var db = database.Open();
        var (a, _) = await SeedAsync(db);

        // No approval kept figures yet: the change is measured against the previous year's final records, and labelled so.
        var draft = Assert.Single(await QueueAsync(db, CountyOfficer, 2023));
        Assert.Equal((County, DataStatuses.Draft, true), (draft.County, draft.Status, draft.WaitsForMe));
        Assert.Equal([ApprovalActions.Submit], draft.Actions);
        Assert.Equal(new ApprovalFigures(2, 1_800_000m, 100_000m, 0m), draft.Current);
        Assert.Equal(ApprovalBaselines.PreviousYear, draft.BaselineKind);
        Assert.Equal(1_500_000m, draft.Baseline!.RdTotal);
        Assert.Equal(300_000m, draft.RdTotalChange);
        Assert.False(Assert.Single(await QueueAsync(db, CityOfficer, 2023)).WaitsForMe);
        Assert.Empty(await QueueAsync(db, OtherCity, 2023));

        var handler = new ApprovalHandler(db, TimeProvider.System);
        await handler.TransitionAsync(County, 2023, ApprovalActions.Submit, null, CountyOfficer, new Actor("county-a"), Ct);
        var submitted = Assert.Single(await QueueAsync(db, CityOfficer, 2023));
        Assert.True(submitted.WaitsForMe);
        Assert.Contains(ApprovalActions.Approve, submitted.Actions);
        Assert.Contains(ApprovalActions.Return, submitted.Actions);
        Assert.False(Assert.Single(await QueueAsync(db, CountyOfficer, 2023)).WaitsForMe);

        await handler.TransitionAsync(County, 2023, ApprovalActions.Approve, null, CityOfficer, new Actor("city-a"), Ct);
        await db.RdRecords.Where(r => r.UnitId == a && r.Year == 2023).ExecuteUpdateAsync(s => s.SetProperty(r => r.RdTotalFen, 1_250_000_00L), Ct);

        // Approving kept the figures: the region sees the change since then.
        var approved = Assert.Single(await QueueAsync(db, Admin, 2023), i => i.County == County);
        Assert.True(approved.WaitsForMe);
        Assert.Equal(ApprovalBaselines.LastApproved, approved.BaselineKind);
        Assert.NotNull(approved.BaselineAt);
        Assert.Equal(1_800_000m, approved.Baseline!.RdTotal);
        Assert.Equal(50_000m, approved.RdTotalChange);
        Assert.Contains(ApprovalActions.Finalise, approved.Actions);

        await handler.TransitionAsync(County, 2023, ApprovalActions.Finalise, null, Admin, new Actor("admin"), Ct);
        var final = Assert.Single(await QueueAsync(db, Admin, 2023), i => i.County == County);
        Assert.True(final.Locked);
        Assert.Equal([ApprovalActions.Reopen], final.Actions);
        Assert.Empty(Assert.Single(await QueueAsync(db, CountyOfficer, 2023)).Actions);
    }

    [Fact]
    public async Task ImportRuns_CityOfficer_SeesOwnAndItsLeagueCitysRunsOnly()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.InitAsync();
        await using var db = database.Open();
        var now = DateTime.UtcNow;
        ImportRun Run(string actor) => new() { Kind = "rd", File = actor + ".csv", Sha256 = "00", Actor = actor, At = now, Accepted = true, Rows = 1 };
        var mine = Run("city-a");
        var league = Run("county-a");
        var other = Run("county-b");
        db.ImportRuns.AddRange(mine, league, other);
        await db.SaveChangesAsync(Ct);
        db.ImportRunDivisions.AddRange(
            new ImportRunDivision { RunId = league.Id, LeagueCityCode = Hohhot, Year = 2023, Rows = 1 },
            new ImportRunDivision { RunId = other.Id, LeagueCityCode = "150200", Year = 2023, Rows = 1 });
        await db.SaveChangesAsync(Ct);

        var handler = new ImportRunsHandler(db);
        Assert.Equal(["county-a.csv", "city-a.csv"], (await handler.HandleAsync(CityOfficer, 20, Ct)).Select(r => r.File));
        Assert.Equal(["county-a.csv"], (await handler.HandleAsync(CountyOfficer, 20, Ct)).Select(r => r.File));
        Assert.Equal(3, (await handler.HandleAsync(Admin, 20, Ct)).Count);
    }

    [Fact]
    public async Task Import_WithProgress_ReportsTheRowsReadAndTheWritingStage()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.InitAsync();
        await using var db = database.Open();
        await SeedAsync(db);
        var path = Path.Combine(Path.GetTempPath(), $"progress-{Guid.NewGuid():N}.csv");
        var lines = new List<string> { "credit_code,year,rd_total" };
        lines.AddRange(Enumerable.Range(0, 2_500).Select(i => $"{CreditCode.Complete("91150102MA0000001")},{2000 + i % 2},1"));
        await File.WriteAllLinesAsync(path, lines, Ct);
        try
        {
            var seen = new Recorder();
            var result = await new ImportFileHandler(db, TimeProvider.System)
                .HandleAsync(new ImportRequest("rd", path, DryRun: true, User: "t") { Progress = seen }, Ct);
            Assert.Equal(2_500, result.Rows);
            Assert.Equal([0L, 1_000L, 2_000L, 2_501L], seen.Reports.Where(p => p.Stage == ImportStages.Reading).Select(p => p.Rows));
            Assert.Equal(new ImportProgress(2_500, ImportStages.Writing), seen.Reports[^1]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class Recorder : IProgress<ImportProgress>
    {
        public List<ImportProgress> Reports { get; } = [];

        public void Report(ImportProgress value) => Reports.Add(value);
    }
}
