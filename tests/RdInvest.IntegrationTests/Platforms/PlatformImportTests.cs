using Microsoft.EntityFrameworkCore;
using RdInvest.IntegrationTests.Importing;
using RdInvest.Platforms;

namespace RdInvest.IntegrationTests.Platforms;

/// <summary>The platforms and platform-evaluations kinds under the import contract, on SQLite and PostgreSQL.</summary>
public sealed class PlatformImportTests
{
    private static async Task<ImportTestDb> WithUnitsAsync()
    {
        var db = await ImportTestDb.CreateAsync();
        Assert.True((await db.ImportAsync("parks", SampleFiles.WriteCsv(Path.Combine(db.Dir, "parks.csv"), SampleFiles.Rows("parks", 0)))).Accepted);
        var units = await db.ImportAsync("units", SampleFiles.WriteCsv(Path.Combine(db.Dir, "units.csv"), SampleFiles.Rows("units", 5)));
        Assert.True(units.Accepted);
        return db;
    }

    [Fact]
    public async Task Platforms_BadRows_AreAllReportedAndNothingIsStored()
    {
        await using var db = await WithUnitsAsync();
        var file = SampleFiles.WriteCsv(Path.Combine(db.Dir, "bad.csv"),
        [
            ["平台代码", "平台名称", "平台类型", "平台级别", "依托单位统一社会信用代码", "认定日期", "有效期至"],
            ["PF1", "好平台", "key_lab", "region", SampleFiles.Code(1), "2022-06-30", ""],
            ["PF2", "未知依托单位", "key_lab", "region", SampleFiles.Code(99), "2022-06-30", ""],
            ["PF3", "类型错", "lab", "region", SampleFiles.Code(2), "2022-06-30", ""],
            ["PF4", "级别错", "key_lab", "county", SampleFiles.Code(2), "2022-06-30", ""],
            ["PF5", "有效期早于认定", "key_lab", "national", SampleFiles.Code(3), "2022-06-30", "2022-06-29"],
            ["PF1", "重复", "other", "league_city", SampleFiles.Code(4), "2022-06-30", ""],
        ]);
        var result = await db.ImportAsync("platforms", file);

        Assert.False(result.Accepted);
        Assert.Equal(5, result.Errors);
        Assert.Equal(
            [(3, "unknown-unit", "host"), (4, "invalid-choice", "type"), (5, "invalid-choice", "level"), (6, "validity-order", "valid_until"), (7, "duplicate-key", "platform_id")],
            result.Findings.Select(f => (f.Row, f.Rule, f.Column!)).ToList());
        Assert.All(result.Findings, f => Assert.False(string.IsNullOrEmpty(f.MessageZh) || string.IsNullOrEmpty(f.MessageEn)));
        Assert.Equal(0, await db.CountAsync("platforms"));
    }

    [Fact]
    public async Task Evaluations_BadRows_AreAllReported_GoodFileIsIdempotentAndRevised()
    {
        await using var db = await WithUnitsAsync();
        var platforms = await db.ImportAsync("platforms", SampleFiles.WriteCsv(Path.Combine(db.Dir, "p.csv"), SampleFiles.Rows("platforms", 3)));
        Assert.Equal(3, platforms.Inserted);

        var bad = await db.ImportAsync("platform-evaluations", SampleFiles.WriteCsv(Path.Combine(db.Dir, "bad.csv"),
        [
            ["platform_id", "year", "grade", "score"],
            ["PF001", "2023", "A", "95"],
            ["NOPE", "2023", "A", "95"],
            ["PF002", "2023", "E", "95"],
            ["PF003", "2023", "B", "100.5"],
            ["PF003", "2022", "B", "88.125"],
        ]));
        Assert.Equal(
            [(3, "unknown-platform", "platform_id"), (4, "invalid-choice", "grade"), (5, "above-maximum", "score"), (6, "too-precise", "score")],
            bad.Findings.Select(f => (f.Row, f.Rule, f.Column!)).ToList());
        Assert.Equal(0, await db.CountAsync("platform_evaluations"));

        List<string[]> good =
        [
            ["平台代码", "年份", "评价等级", "评价得分(分)"],
            ["PF001", "2023", "a", "95.5"],
            ["PF001", "2022", "B", "85"],
            ["PF002", "2023", "C", ""],
        ];
        var first = await db.ImportAsync("platform-evaluations", SampleFiles.WriteCsv(Path.Combine(db.Dir, "good.csv"), good));
        Assert.True(first.Accepted, string.Join("\n", first.Findings.Select(f => f.MessageEn)));
        Assert.Equal(3, first.Inserted);
        var again = await db.ImportAsync("platform-evaluations", SampleFiles.WriteCsv(Path.Combine(db.Dir, "good-again.csv"), good));
        Assert.Equal((0L, 0L, 3L), (again.Inserted, again.Updated, again.Unchanged));
        Assert.False(again.Written);

        good[2] = ["PF001", "2022", "A", "91"];
        var changed = await db.ImportAsync("platform-evaluations", SampleFiles.WriteCsv(Path.Combine(db.Dir, "changed.csv"), good));
        Assert.Equal((0L, 1L, 2L), (changed.Inserted, changed.Updated, changed.Unchanged));

        await using var context = db.Context();
        var stored = await context.PlatformEvaluations.AsNoTracking().OrderBy(e => e.PlatformId).ThenBy(e => e.Year).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(
            [("PF001", 2022, "A", (long?)9100, 2), ("PF001", 2023, "A", 9550, 1), ("PF002", 2023, "C", null, 1)],
            stored.Select(e => (e.PlatformId, e.Year, e.Grade, e.ScoreCenti, e.Revision)).ToList());
        var audit = await context.Audit.AsNoTracking().Where(a => a.Action == "import.update" && a.Entity == "platform_evaluations").ToListAsync(TestContext.Current.CancellationToken);
        Assert.Single(audit);
    }

    [Fact]
    public async Task Platforms_ReImport_ChangesNothing_AndTheStoredRowsAreAsGiven()
    {
        await using var db = await WithUnitsAsync();
        var file = SampleFiles.WriteCsv(Path.Combine(db.Dir, "p.csv"), SampleFiles.Rows("platforms", 4));
        Assert.Equal(4, (await db.ImportAsync("platforms", file)).Inserted);
        var again = await db.ImportAsync("platforms", file);
        Assert.Equal((0L, 0L, 4L), (again.Inserted, again.Updated, again.Unchanged));

        await using var context = db.Context();
        var pf1 = await context.Platforms.AsNoTracking().SingleAsync(p => p.Id == "PF001", TestContext.Current.CancellationToken);
        var host = await context.Units.AsNoTracking().SingleAsync(u => u.Id == pf1.HostUnitId, TestContext.Current.CancellationToken);
        Assert.Equal((PlatformTypes.All[1], PlatformLevels.All[1], SampleFiles.Code(1), new DateOnly(2022, 6, 30), (DateOnly?)new DateOnly(2027, 6, 29)),
            (pf1.Type, pf1.Level, host.CreditCode, pf1.RecognisedOn, pf1.ValidUntil));
    }
}
