using System.Text.Json;
using RdInvest.Backup;
using Xunit;

namespace RdInvest.IntegrationTests.Backup;

/// <summary>`rdinvest restore`: a backup put back keeps every row and the audit chain; a newer database is not replaced silently.</summary>
public sealed class RestoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<IReadOnlyDictionary<string, TableChecksum>> ChecksumsAsync(TestDatabase t)
    {
        await using var db = t.Open();
        return await TableChecksums.ComputeAsync(db, Ct);
    }

    [Fact]
    public async Task Restore_OfABackup_KeepsEveryRow_PassesTheAnchor_AndRefusesToReplaceANewerDatabase()
    {
        await using var source = await TestDatabase.CreateAsync();
        await source.InitAsync();
        Assert.Equal(0, (await CliRunner.RunAsync(source.DbArgument, "user", "add", "li", "--role", "region_analyst")).ExitCode);
        var dir = Directory.CreateTempSubdirectory("rdinvest-restore-");
        try
        {
            var file = Path.Combine(dir.FullName, TestDatabase.IsPostgres ? "rdinvest.dump" : "rdinvest-backup.db");
            var backup = await CliRunner.RunAsync(source.DbArgument, "backup", "--out", file, "--json");
            Assert.True(backup.ExitCode == 0, backup.Stderr);
            string head;
            using (var doc = JsonDocument.Parse(backup.Stdout))
            {
                head = doc.RootElement.GetProperty("audit_head").GetString()!;
            }
            var before = await ChecksumsAsync(source);
            Assert.True(before["divisions"].Rows == 116 && before["users"].Rows == 1);

            // Into an empty database: every table's rows and checksums are the same, and the anchor passes.
            await using var target = await TestDatabase.CreateAsync();
            var r = await CliRunner.RunAsync(target.DbArgument, "restore", file, "--anchor", head, "--json");
            Assert.True(r.ExitCode == 0, r.Stderr);
            using (var doc = JsonDocument.Parse(r.Stdout))
            {
                Assert.True(doc.RootElement.GetProperty("audit_intact").GetBoolean());
                Assert.Equal(head, doc.RootElement.GetProperty("anchor_checked").GetString());
                Assert.Equal(head, doc.RootElement.GetProperty("audit_head").GetString());
            }
            Assert.Equal(before, await ChecksumsAsync(target));
            var verify = await CliRunner.RunAsync(target.DbArgument, "audit", "verify", "--anchor", head);
            Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);

            // The source moves on; the older backup does not replace it without --force, and nothing changes.
            Assert.Equal(0, (await CliRunner.RunAsync(source.DbArgument, "user", "add", "wang", "--role", "auditor")).ExitCode);
            var newer = await ChecksumsAsync(source);
            var refused = await CliRunner.RunAsync(source.DbArgument, "restore", file);
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("--force", refused.Stderr, StringComparison.Ordinal);
            Assert.Contains(TestDatabase.IsPostgres ? "不是空的" : "比备份新", refused.Stderr, StringComparison.Ordinal);
            Assert.Equal(newer, await ChecksumsAsync(source));

            var forced = await CliRunner.RunAsync(source.DbArgument, "restore", file, "--force", "--anchor", head);
            Assert.True(forced.ExitCode == 0, forced.Stderr);
            Assert.Equal(before, await ChecksumsAsync(source));

            // A file that is not a backup: a clear error, and the database in place is untouched.
            var junk = Path.Combine(dir.FullName, "junk.bin");
            await File.WriteAllBytesAsync(junk, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 256))], Ct);
            var bad = await CliRunner.RunAsync(source.DbArgument, "restore", junk, "--force");
            Assert.NotEqual(0, bad.ExitCode);
            Assert.DoesNotContain("   at ", bad.Stderr, StringComparison.Ordinal);
            Assert.Matches(TestDatabase.IsPostgres ? "pg_restore" : "SQLite", bad.Stderr);
            Assert.Equal(before, await ChecksumsAsync(source));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
