using Microsoft.Data.Sqlite;
using Npgsql;
using RdInvest.Backup;
using RdInvest.Data;
using RdInvest.Importing;
using RdInvest.IntegrationTests.Importing;
using Xunit;

namespace RdInvest.IntegrationTests.Faults;

/// <summary>
/// An import into a database whose disk is full, or whose file system is read-only: a clear error in Chinese and English
/// (never an internal error), every table as it was (checksums), and — once space is freed or writing allowed again —
/// the same import goes through whole. SQLite on a small tmpfs; PostgreSQL on a cluster of the test's own with the
/// database in a tablespace on a small tmpfs, and a database set to read only.
/// </summary>
public sealed class StorageFaultTests
{
    private const int Units = 2_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sqlite_DiskFullDuringImport_ClearError_NothingHalfWritten_NextImportSucceeds()
    {
        Assert.SkipWhen(TestDatabase.IsPostgres, "SQLite's file; runs with the SQLite suite");
        var (mount, reason) = await TmpfsMount.TryMountAsync(32);
        Assert.SkipWhen(mount is null, reason);
        await using (mount)
        {
            var db = Path.Combine(mount!.Dir, "rdinvest.db");
            await SeedAsync(db);
            var rd = RdFile(mount.Dir);
            var before = await ChecksumsAsync(db);

            var filler = mount.Fill(leaveKb: 48);
            var full = await CliRunner.RunAsync(db, "import", "rd", rd, "--unit", "万元", "--user", "full-disk");
            Assert.Equal(1, full.ExitCode);
            Assert.Contains(StorageFailure.FullZh, full.Stderr, StringComparison.Ordinal);
            Assert.Contains(StorageFailure.FullEn, full.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("内部错误", full.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", full.Stderr, StringComparison.Ordinal);
            Assert.Equal(before, await ChecksumsAsync(db));
            Assert.Equal(0, (await CliRunner.RunAsync(db, "audit", "verify")).ExitCode);

            File.Delete(filler);
            var ok = await CliRunner.RunAsync(db, "import", "rd", rd, "--unit", "万元", "--user", "full-disk");
            Assert.True(ok.ExitCode == 0, ok.Stderr);
            Assert.Contains($"新增 {Units} inserted", ok.Stdout, StringComparison.Ordinal);
            Assert.NotEqual(before, await ChecksumsAsync(db));
        }
    }

    [Fact]
    public async Task Sqlite_ReadOnlyFileSystemDuringImport_ClearError_NothingWritten_ImportSucceedsWhenWritable()
    {
        Assert.SkipWhen(TestDatabase.IsPostgres, "SQLite's file; runs with the SQLite suite");
        var (mount, reason) = await TmpfsMount.TryMountAsync(32);
        Assert.SkipWhen(mount is null, reason);
        await using (mount)
        {
            var db = Path.Combine(mount!.Dir, "rdinvest.db");
            await SeedAsync(db);
            var rd = RdFile(Path.GetTempPath());
            try
            {
                var before = await ChecksumsAsync(db);
                await mount.RemountAsync(readOnly: true);
                var refused = await CliRunner.RunAsync(db, "import", "rd", rd, "--unit", "万元", "--user", "read-only");
                Assert.Equal(1, refused.ExitCode);
                Assert.Contains(StorageFailure.ReadOnlyZh, refused.Stderr, StringComparison.Ordinal);
                Assert.Contains(StorageFailure.ReadOnlyEn, refused.Stderr, StringComparison.Ordinal);
                Assert.DoesNotContain("内部错误", refused.Stderr, StringComparison.Ordinal);

                await mount.RemountAsync(readOnly: false);
                Assert.Equal(before, await ChecksumsAsync(db));
                var ok = await CliRunner.RunAsync(db, "import", "rd", rd, "--unit", "万元", "--user", "read-only");
                Assert.True(ok.ExitCode == 0, ok.Stderr);
                Assert.Contains($"新增 {Units} inserted", ok.Stdout, StringComparison.Ordinal);
            }
            finally
            {
                File.Delete(rd);
            }
        }
    }

    [Fact]
    public async Task Postgres_TablespaceFullDuringImport_ClearError_NothingHalfWritten_NextImportSucceeds()
    {
        Assert.SkipWhen(!TestDatabase.IsPostgres, "runs with the PostgreSQL suite");
        var (mount, reason) = await TmpfsMount.TryMountAsync(48);
        Assert.SkipWhen(mount is null, reason);
        await using (mount)
        {
            var space = Path.Combine(mount!.Dir, "tablespace");
            Directory.CreateDirectory(space);
            await using var cluster = await PgCluster.StartAsync();
            await cluster.ChownAsync(space);
            await using (var conn = new NpgsqlConnection(cluster.ConnectionString()))
            {
                await conn.OpenAsync(Ct);
                foreach (var sql in new[] { $"CREATE TABLESPACE small LOCATION '{space}'", "CREATE DATABASE rdinvest TABLESPACE small" })
                {
                    await using var cmd = new NpgsqlCommand(sql, conn);
                    await cmd.ExecuteNonQueryAsync(Ct);
                }
            }
            var db = cluster.ConnectionString("rdinvest");
            await SeedAsync(db);
            var rd = RdFile(Path.GetTempPath());
            try
            {
                var before = await ChecksumsAsync(db);
                var filler = mount.Fill(leaveKb: 48);
                var full = await CliRunner.RunAsync(db, "import", "rd", rd, "--unit", "万元", "--user", "full-disk");
                Assert.Equal(1, full.ExitCode);
                Assert.Contains(StorageFailure.FullZh, full.Stderr, StringComparison.Ordinal);
                Assert.Contains(StorageFailure.FullEn, full.Stderr, StringComparison.Ordinal);
                File.Delete(filler);
                Assert.Equal(before, await ChecksumsAsync(db));
                Assert.Equal(0, (await CliRunner.RunAsync(db, "audit", "verify")).ExitCode);

                var ok = await CliRunner.RunAsync(db, "import", "rd", rd, "--unit", "万元", "--user", "full-disk");
                Assert.True(ok.ExitCode == 0, ok.Stderr);
                Assert.Contains($"新增 {Units} inserted", ok.Stdout, StringComparison.Ordinal);

                // A database that only reads (as a standby does): the same clear refusal, nothing written.
                await using (var conn = new NpgsqlConnection(cluster.ConnectionString()))
                {
                    await conn.OpenAsync(Ct);
                    await using var cmd = new NpgsqlCommand("ALTER DATABASE rdinvest SET default_transaction_read_only = on", conn);
                    await cmd.ExecuteNonQueryAsync(Ct);
                }
                NpgsqlConnection.ClearAllPools();
                var imported = await ChecksumsAsync(db);
                var refused = await CliRunner.RunAsync(db, "import", "rd", RdFile(Path.GetTempPath(), changed: true), "--unit", "万元", "--user", "read-only");
                Assert.Equal(1, refused.ExitCode);
                Assert.Contains(StorageFailure.ReadOnlyZh, refused.Stderr, StringComparison.Ordinal);
                Assert.Contains(StorageFailure.ReadOnlyEn, refused.Stderr, StringComparison.Ordinal);
                Assert.Equal(imported, await ChecksumsAsync(db));
            }
            finally
            {
                File.Delete(rd);
                NpgsqlConnection.ClearAllPools();
            }
        }
    }

    /// <summary>Schema, reference data and the units the R&amp;D file names.</summary>
    private static async Task SeedAsync(string db)
    {
        var target = DbTarget.Parse(db);
        await using (var context = target.CreateContext())
        {
            await new DbInitHandler(context, target, TimeProvider.System).HandleAsync(Ct);
        }
        var units = SampleFiles.WriteCsv(Path.Combine(Path.GetTempPath(), $"rdinvest-units-{Guid.NewGuid():N}.csv"), SampleFiles.Rows("units", Units));
        var parks = SampleFiles.WriteCsv(Path.Combine(Path.GetTempPath(), $"rdinvest-parks-{Guid.NewGuid():N}.csv"), SampleFiles.Rows("parks", 0));
        try
        {
            foreach (var (kind, file) in new[] { ("parks", parks), ("units", units) })
            {
                await using var context = target.CreateContext();
                var r = await new ImportFileHandler(context, TimeProvider.System).HandleAsync(new ImportRequest(kind, file, User: "seed"), Ct);
                Assert.True(r.Written, kind);
            }
        }
        finally
        {
            File.Delete(units);
            File.Delete(parks);
        }
        SqliteConnection.ClearAllPools();
    }

    private static string RdFile(string dir, bool changed = false)
    {
        var rows = SampleFiles.Rows("rd", Units);
        if (changed)
        {
            var col = ImportKinds.Rd.Columns.ToList().FindIndex(c => c.Key == "invention_patents");
            rows[1][col] = "99";
        }
        return SampleFiles.WriteCsv(Path.Combine(dir, $"rd-{Guid.NewGuid():N}.csv"), rows);
    }

    private static async Task<IReadOnlyDictionary<string, TableChecksum>> ChecksumsAsync(string db)
    {
        await using var context = DbTarget.Parse(db).CreateContext();
        var sums = await TableChecksums.ComputeAsync(context, Ct);
        SqliteConnection.ClearAllPools();
        return sums;
    }
}
