using System.Diagnostics;

namespace RdInvest.IntegrationTests.Importing;

public sealed class KilledImportTests
{
    [Fact]
    public async Task Import_KilledMidway_LeavesDatabaseUnchanged()
    {
        const int units = 150_000;
        await using var db = await ImportTestDb.CreateAsync();
        await db.ImportAsync("parks", SampleFiles.WriteCsv(Path.Combine(db.Dir, "parks.csv"), SampleFiles.Rows("parks", 0)));
        await db.ImportAsync("units", SampleFiles.WriteCsv(Path.Combine(db.Dir, "units.csv"), SampleFiles.Rows("units", units)));
        var small = await db.ImportAsync("rd", SampleFiles.WriteCsv(Path.Combine(db.Dir, "rd-small.csv"), SampleFiles.Rows("rd", 100)));
        Assert.Equal(100, small.Inserted);
        var before = (await db.DumpAsync("rd"), await db.CountAsync("audit_log"), await db.CountAsync("units"));
        var big = SampleFiles.Rows("rd", units);
        for (var i = 1; i <= 100; i++)
        {
            big[i][ImportKindsRd("invention_patents")] = "77"; // would update the first 100
        }
        var file = SampleFiles.WriteCsv(Path.Combine(db.Dir, "rd-big.csv"), big);

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { CliRunner.DllPath, "--db", db.Target.ConnectionString, "import", "rd", file, "--user", "killer" })
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        // Kill once the import is busy: after the runtime has started and the file is being read and staged.
        await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);
        if (process.HasExited)
        {
            Assert.Fail($"the import ended (exit {process.ExitCode}) before it could be killed: " +
                await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken) +
                await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken));
        }
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        var after = (await db.DumpAsync("rd"), await db.CountAsync("audit_log"), await db.CountAsync("units"));
        Assert.Equal(before.Item1, after.Item1);
        Assert.Equal(before.Item2, after.Item2);
        Assert.Equal(before.Item3, after.Item3);

        // And the same file, not killed, goes through whole.
        var full = await db.ImportAsync("rd", file);
        Assert.Equal((units - 100L, 100L), (full.Inserted, full.Updated));
    }

    private static int ImportKindsRd(string key) =>
        RdInvest.Importing.ImportKinds.Rd.Columns.ToList().FindIndex(c => c.Key == key);
}
