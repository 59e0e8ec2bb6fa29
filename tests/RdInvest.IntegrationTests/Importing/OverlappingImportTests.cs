using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using RdInvest.Auditing;
using RdInvest.Common;
using Xunit;

namespace RdInvest.IntegrationTests.Importing;

/// <summary>
/// Two imports of the same rows at once: the second waits for the first to commit and then sees its result (it updates
/// the first one's rows rather than inserting its own beside them), so the outcome is one whole import after the other.
/// </summary>
public sealed class OverlappingImportTests
{
    [Fact]
    public async Task TwoImportsAtOnce_RunOneAfterTheOther_NeverInterleaved()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var t = await TestDatabase.CreateAsync();
        await t.InitAsync();
        var dir = Directory.CreateTempSubdirectory("rdinvest-overlap-");
        var started = new List<Process>();
        try
        {
            var first = Path.Combine(dir.FullName, "first.csv");
            var second = Path.Combine(dir.FullName, "second.csv");
            await File.WriteAllTextAsync(first, "division_code,year,rd_total\n150102,2022,111\n150202,2022,111\n150203,2022,111\n", ct);
            await File.WriteAllTextAsync(second, "division_code,year,rd_total\n150102,2022,222\n150202,2022,222\n150203,2022,222\n", ct);
            var marker = Path.Combine(dir.FullName, "paused");

            // The first import stops after its merge, its transaction open; the second starts meanwhile.
            var a = CliRunner.StartInfo(t.DbArgument, "import", "division-figures", first, "--unit", "元", "--user", "first");
            a.Environment[PausePoints.AtVariable] = PausePoints.ImportMerged;
            a.Environment[PausePoints.FileVariable] = marker;
            var pa = Process.Start(a)!;
            started.Add(pa);
            var aOut = pa.StandardOutput.ReadToEndAsync(ct);
            var aErr = pa.StandardError.ReadToEndAsync(ct);
            var deadline = Stopwatch.StartNew();
            while (!File.Exists(marker) && !pa.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(50, ct);
            }
            if (!File.Exists(marker))
            {
                pa.Kill(entireProcessTree: true);
                Assert.Fail("the first import never paused: " + await aErr);
            }

            var pb = Process.Start(CliRunner.StartInfo(t.DbArgument, "import", "division-figures", second, "--unit", "元", "--user", "second"))!;
            started.Add(pb);
            var bOut = pb.StandardOutput.ReadToEndAsync(ct);
            var bErr = pb.StandardError.ReadToEndAsync(ct);
            await Task.Delay(TimeSpan.FromSeconds(3), ct);
            if (pb.HasExited)
            {
                pa.Kill(entireProcessTree: true);
                Assert.Fail("the second import must wait for the first, not finish beside it: " + await bOut + await bErr);
            }

            File.Delete(marker);
            await pa.WaitForExitAsync(ct);
            await pb.WaitForExitAsync(ct);
            Assert.True(pa.ExitCode == 0, await aErr);
            Assert.True(pb.ExitCode == 0, await bErr);
            Assert.Contains("新增 3 inserted, 更新 0 updated", await aOut, StringComparison.Ordinal);
            Assert.Contains("新增 0 inserted, 更新 3 updated", await bOut, StringComparison.Ordinal);

            await using var db = t.Open();
            var figures = await db.DivisionFigures.AsNoTracking().Where(f => f.Year == 2022).Select(f => f.RdTotalFen).ToListAsync(ct);
            Assert.Equal([22200L, 22200L, 22200L], figures);
            var imports = await db.Audit.AsNoTracking().Where(e => e.Actor == "first" || e.Actor == "second").OrderBy(e => e.Seq).Select(e => e.Actor).ToListAsync(ct);
            Assert.Equal(imports.OrderBy(x => x == "second" ? 1 : 0), imports);
            Assert.True((await AuditChain.VerifyAsync(db, ct)).Intact);
        }
        finally
        {
            // A paused or waiting child left behind would keep the test host's pipes open: never leave one.
            foreach (var p in started)
            {
                if (!p.HasExited)
                {
                    p.Kill(entireProcessTree: true);
                }
                p.Dispose();
            }
            dir.Delete(recursive: true);
        }
    }
}
