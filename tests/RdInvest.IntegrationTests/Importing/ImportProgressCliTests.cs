using System.Text.Json;

namespace RdInvest.IntegrationTests.Importing;

/// <summary>The import's progress line: on stderr with --progress (or on a terminal), never mixed into --json stdout.</summary>
public sealed class ImportProgressCliTests
{
    [Fact]
    public async Task Import_WithProgress_ShowsRowsAndRateOnStderrAndKeepsJsonStdoutClean()
    {
        await using var db = await ImportTestDb.CreateAsync();
        await db.ImportAsync("parks", SampleFiles.WriteCsv(Path.Combine(db.Dir, "parks.csv"), SampleFiles.Rows("parks", 0)));
        await db.ImportAsync("units", SampleFiles.WriteCsv(Path.Combine(db.Dir, "units.csv"), SampleFiles.Rows("units", 40)));
        var rd = SampleFiles.WriteCsv(Path.Combine(db.Dir, "rd.csv"), SampleFiles.Rows("rd", 40));

        var quiet = await CliRunner.RunAsync(db.Target.ConnectionString, "import", "rd", rd, "--dry-run", "--json");
        var shown = await CliRunner.RunAsync(db.Target.ConnectionString, "import", "rd", rd, "--progress", "--json");

        Assert.Equal(0, quiet.ExitCode);
        Assert.DoesNotContain("rows read", quiet.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("rows read", shown.Stderr, StringComparison.Ordinal);
        Assert.Contains("rows/s", shown.Stderr, StringComparison.Ordinal);
        Assert.Contains("行/秒", shown.Stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(shown.Stdout);
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
        Assert.DoesNotContain("rows read", shown.Stdout, StringComparison.Ordinal);
    }
}
