using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RdInvest.Auditing;
using Xunit;

namespace RdInvest.IntegrationTests.Backup;

/// <summary>`rdinvest backup`: a checked copy with the same rows and an intact audit chain, on SQLite and PostgreSQL.</summary>
public sealed class BackupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Backup_OfADatabaseInUse_HoldsTheSameRowsAndTheAuditHead_NeverOverwrites()
    {
        await using var t = await TestDatabase.CreateAsync();
        await t.InitAsync();
        var add = await CliRunner.RunAsync(t.DbArgument, "user", "add", "li", "--role", "region_analyst");
        Assert.True(add.ExitCode == 0, add.Stderr);
        var dir = Directory.CreateTempSubdirectory("rdinvest-backup-");
        try
        {
            var file = Path.Combine(dir.FullName, TestDatabase.IsPostgres ? "rdinvest.dump" : "rdinvest-backup.db");
            var r = await CliRunner.RunAsync(t.DbArgument, "backup", "--out", file, "--json");
            Assert.True(r.ExitCode == 0, r.Stderr);
            using var doc = JsonDocument.Parse(r.Stdout);
            var root = doc.RootElement;
            Assert.True(root.GetProperty("audit_intact").GetBoolean());
            Assert.Equal(116, root.GetProperty("rows").GetProperty("divisions").GetInt64());
            Assert.Equal(1, root.GetProperty("rows").GetProperty("users").GetInt64());
            Assert.True(File.Exists(file));
            Assert.Equal(new FileInfo(file).Length, root.GetProperty("bytes").GetInt64());
            Assert.Empty(Directory.GetFiles(dir.FullName, "*.partial"));

            var head = (await CliRunner.RunAsync(t.DbArgument, "audit", "head")).Stdout.Trim();
            Assert.Equal(head, root.GetProperty("audit_head").GetString());
            if (!TestDatabase.IsPostgres)
            {
                // The SQLite backup is itself a database: the same divisions, users and an intact chain with the same head.
                await using var copy = RdInvest.Data.DbTarget.Parse(file).CreateContext();
                Assert.Equal(116, await copy.Divisions.CountAsync(Ct));
                Assert.Equal("li", (await copy.Users.SingleAsync(Ct)).UserName);
                var verify = await AuditChain.VerifyAsync(copy, Ct, AuditAnchor.Parse(head));
                Assert.True(verify.Intact, verify.ReasonEn);
            }
            var again = await CliRunner.RunAsync(t.DbArgument, "backup", "--out", file);
            Assert.Equal(2, again.ExitCode);
            Assert.Contains("不会覆盖", again.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
