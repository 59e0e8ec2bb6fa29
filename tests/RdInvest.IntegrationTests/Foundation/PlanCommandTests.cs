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
    public async Task PlanCheck_ImPlan_PrintsTheT1T2DisagreementWithBothPathsAndRates()
    {
        await using var t = await TestDatabase.CreateAsync();
        await t.InitAsync();
        var r = await CliRunner.RunAsync(t.DbArgument, "plan", "check", "im-rd-2021-2025");
        Assert.True(r.ExitCode == 0, r.Stderr);
        // From the published 2020 figure 161.07亿: 161.07 × 1.2^5 = 400.79亿; (370 / 161.07)^(1/5) − 1 = 18.1 %.
        Assert.Contains("T1 与 T2 不一致（rd_total）：T1 按 2020 年 161.07亿元 年均增长 20%，2025 年约 400.8亿元；T2 要求 2025 年约 370亿元，相当于年均增长 18.1%", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("reaches about 400.8", r.Stdout, StringComparison.Ordinal);

        var json = await CliRunner.RunAsync(t.DbArgument, "plan", "check", "im-rd-2021-2025", "--json");
        using var doc = JsonDocument.Parse(json.Stdout);
        var c = Assert.Single(doc.RootElement.GetProperty("conflicts").EnumerateArray());
        Assert.Equal(16_107_000_000m, c.GetProperty("base_value").GetDecimal());
        Assert.Equal(18.1m, decimal.Round(c.GetProperty("implied_rate_percent").GetDecimal(), 1));

        // progress carries the same one-line note.
        var progress = await CliRunner.RunAsync(t.DbArgument, "progress", "--year", "2023", "--json");
        Assert.True(progress.ExitCode == 0, progress.Stderr);
        using var pdoc = JsonDocument.Parse(progress.Stdout);
        Assert.Contains("400.8亿元", pdoc.RootElement.GetProperty("notes")[0].GetProperty("zh").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanLoad_APlanWhoseTargetsDisagree_PrintsTheFinding()
    {
        await using var t = await TestDatabase.CreateAsync();
        await t.InitAsync();
        var file = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.yaml");
        var text = File.ReadAllText(RepoPaths.Of("plans", "im-rd-2021-2025.yaml"))
            .Replace("id: im-rd-2021-2025", "id: im-check-copy", StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, text, TestContext.Current.CancellationToken);
        try
        {
            var load = await CliRunner.RunAsync(t.DbArgument, "plan", "load", file);
            Assert.True(load.ExitCode == 0, load.Stderr);
            Assert.Contains("T1 与 T2 不一致", load.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
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
