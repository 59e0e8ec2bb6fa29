using System.Diagnostics;
using RdInvest.Common;

namespace RdInvest.IntegrationTests.Importing;

public sealed class KilledImportTests
{
    /// <summary>
    /// The import is killed at a point proven to be inside it — every row staged, or merged and audited but not
    /// committed — and the database is as it was; the same file, not killed, then goes through whole.
    /// </summary>
    [Theory]
    [InlineData(PausePoints.ImportStaged)]
    [InlineData(PausePoints.ImportMerged)]
    public async Task Import_KilledInside_LeavesDatabaseUnchanged(string point)
    {
        const int units = 20_000;
        var ct = TestContext.Current.CancellationToken;
        await using var db = await ImportTestDb.CreateAsync();
        await db.ImportAsync("parks", SampleFiles.WriteCsv(Path.Combine(db.Dir, "parks.csv"), SampleFiles.Rows("parks", 0)));
        await db.ImportAsync("units", SampleFiles.WriteCsv(Path.Combine(db.Dir, "units.csv"), SampleFiles.Rows("units", units)));
        var small = await db.ImportAsync("rd", SampleFiles.WriteCsv(Path.Combine(db.Dir, "rd-small.csv"), SampleFiles.Rows("rd", 100)));
        Assert.Equal(100, small.Inserted);
        // The dump first, then the count: the dump's own audited export is part of `before`.
        var before = (await db.DumpAsync("rd"), await db.CountAsync("audit_log"), await db.CountAsync("units"), await db.CountAsync("import_runs"));
        var big = SampleFiles.Rows("rd", units);
        for (var i = 1; i <= 100; i++)
        {
            big[i][ImportKindsRd("invention_patents")] = "77"; // would update the first 100
        }
        var file = SampleFiles.WriteCsv(Path.Combine(db.Dir, "rd-big.csv"), big);
        var marker = Path.Combine(db.Dir, "paused");

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { CliRunner.DllPath, "--db", db.Target.ConnectionString, "import", "rd", file, "--user", "killer" })
        {
            start.ArgumentList.Add(a);
        }
        start.Environment[PausePoints.AtVariable] = point;
        start.Environment[PausePoints.FileVariable] = marker;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        var deadline = Stopwatch.StartNew();
        while (!File.Exists(marker) && !process.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(50, ct);
        }
        if (!File.Exists(marker))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the import never reached {point} (exited: {process.HasExited}): {await stdout}{await stderr}");
        }
        Assert.False(process.HasExited, "the import must be waiting at the pause point when it is killed");
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(ct);

        // Counted before the dump: the dump is an export, and exports are audited (the one before is in `before`).
        var auditAfter = await db.CountAsync("audit_log");
        var after = (await db.DumpAsync("rd"), auditAfter, await db.CountAsync("units"), await db.CountAsync("import_runs"));
        Assert.Equal(before.Item1, after.Item1);
        Assert.Equal((before.Item2, before.Item3, before.Item4), (after.Item2, after.Item3, after.Item4));

        var full = await db.ImportAsync("rd", file);
        Assert.Equal((units - 100L, 100L), (full.Inserted, full.Updated));
    }

    private static int ImportKindsRd(string key) =>
        RdInvest.Importing.ImportKinds.Rd.Columns.ToList().FindIndex(c => c.Key == key);
}
