using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace RdInvest.IntegrationTests.Foundation;

public sealed class PlanCommandTests
{
    [Fact]
    public async Task PlanShow_ImPlan_PrintsTargetsT1ToT14()
    {
        await using var t = await TestDatabase.CreateAsync();
        await t.InitAsync();
        var r = await CliRunner.RunAsync(t.DbArgument, "plan", "show", "im-rd-2021-2025", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var targets = doc.RootElement.GetProperty("targets").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 14).Select(i => $"T{i}"), targets.Select(x => x.GetProperty("id").GetString()));
        foreach (var x in targets)
        {
            Assert.False(string.IsNullOrEmpty(x.GetProperty("clause").GetString()));
            Assert.False(string.IsNullOrEmpty(x.GetProperty("kind").GetString()));
            Assert.True(x.GetProperty("value").ValueKind == JsonValueKind.Number || x.GetProperty("values_by_category").ValueKind == JsonValueKind.Object);
        }
        Assert.Equal(37000000000m, targets[1].GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task PlanLoad_ASecondPlanFile_IsListedBesideTheFirst()
    {
        await using var t = await TestDatabase.CreateAsync();
        await t.InitAsync();
        var file = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, RdInvestPlanFixtures.SmallPlan, TestContext.Current.CancellationToken);
        try
        {
            var load = await CliRunner.RunAsync(t.DbArgument, "plan", "load", file);
            Assert.True(load.ExitCode == 0, load.Stderr);
            var again = await CliRunner.RunAsync(t.DbArgument, "plan", "load", file);
            Assert.Contains("unchanged", again.Stdout, StringComparison.Ordinal);
            await using (var db = t.Open())
            {
                // The load is audited with the file and its hash; the unchanged reload writes nothing.
                var loads = await db.Audit.Where(a => a.Action == "plan.load" && a.EntityKey == "test-small-2026-2030").ToListAsync(TestContext.Current.CancellationToken);
                var entry = Assert.Single(loads);
                Assert.Equal(Path.GetFileName(file), entry.SourceFile);
                Assert.Equal(64, entry.SourceSha256!.Length);
                Assert.True((await RdInvest.Auditing.AuditChain.VerifyAsync(db, TestContext.Current.CancellationToken)).Intact);
            }

            var list = await CliRunner.RunAsync(t.DbArgument, "plan", "list", "--json");
            using var doc = JsonDocument.Parse(list.Stdout);
            Assert.Equal(["im-rd-2021-2025", "test-small-2026-2030"],
                doc.RootElement.EnumerateArray().Select(p => p.GetProperty("id").GetString()));

            var show = await CliRunner.RunAsync(t.DbArgument, "plan", "show", "test-small-2026-2030", "--json");
            using var sdoc = JsonDocument.Parse(show.Stdout);
            Assert.Equal("A1", sdoc.RootElement.GetProperty("targets")[0].GetProperty("id").GetString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task PlanLoad_BrokenFile_RejectedWithLineAndNothingStored()
    {
        await using var t = await TestDatabase.CreateAsync();
        await t.InitAsync();
        var file = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, RdInvestPlanFixtures.SmallPlan.Replace("kind: growth", "kind: upward", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        try
        {
            var r = await CliRunner.RunAsync(t.DbArgument, "plan", "load", file);
            Assert.Equal(1, r.ExitCode);
            Assert.Contains("kind", r.Stderr, StringComparison.Ordinal);
            Assert.Contains("line", r.Stderr, StringComparison.Ordinal);
            var list = await CliRunner.RunAsync(t.DbArgument, "plan", "list", "--json");
            using var doc = JsonDocument.Parse(list.Stdout);
            Assert.Equal(1, doc.RootElement.GetArrayLength());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task PlanShow_UnknownId_IsRejectedInBothLanguages()
    {
        await using var t = await TestDatabase.CreateAsync();
        await t.InitAsync();
        var r = await CliRunner.RunAsync(t.DbArgument, "plan", "show", "no-such-plan");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("没有方案", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("no plan", r.Stderr, StringComparison.Ordinal);
    }
}

internal static class RdInvestPlanFixtures
{
    /// <summary>The unit tests' second plan file (tests/RdInvest.Tests/Cases/plans), read from the repository.</summary>
    public static string SmallPlan => File.ReadAllText(RepoPaths.Of("tests", "RdInvest.Tests", "Cases", "plans", "test-small-2026-2030.yaml"));
}
