using Xunit;

namespace RdInvest.IntegrationTests.Indicators;

public sealed class SdmxExportTests
{
    [Fact]
    public async Task ExportIndicators_SdmxCsv_HasTheSdmxColumnsAndPublishedValues()
    {
        await using var t = await TestDatabase.CreateAsync();
        await t.InitAsync();
        var ct = TestContext.Current.CancellationToken;
        var figures = await CliRunner.RunAsync(t.DbArgument, "import", "division-figures", DataFile("im-official-figures.csv"), "--unit", "亿元");
        Assert.True(figures.ExitCode == 0, figures.Stdout + figures.Stderr);
        var file = Path.Combine(Path.GetTempPath(), $"sdmx-{Guid.NewGuid():N}.csv");
        try
        {
            var r = await CliRunner.RunAsync(t.DbArgument, "export", "indicators", "--format", "sdmx-csv", "--out", file);
            Assert.True(r.ExitCode == 0, r.Stderr);
            var lines = (await File.ReadAllLinesAsync(file, ct)).Select(l => l.TrimStart('\uFEFF')).ToList();
            Assert.Equal("STRUCTURE,STRUCTURE_ID,ACTION,DIVISION,INDICATOR,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,PROVENANCE", lines[0]);
            Assert.Contains("dataflow,RDINVEST:DF_RD_INDICATORS(1.0),I,150000,RD_TOTAL,2022,20950000000,CNY,R", lines);
            // No observation without a value: SDMX has no null.
            Assert.DoesNotContain(lines, l => l.Contains(",,CNY", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string DataFile(string name) => RepoPaths.Of("data", name);
}
