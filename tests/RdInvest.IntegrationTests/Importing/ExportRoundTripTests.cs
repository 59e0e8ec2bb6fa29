using RdInvest.Exporting;

namespace RdInvest.IntegrationTests.Importing;

public sealed class ExportRoundTripTests
{
    private static readonly string[] Order = ["parks", "units", "division-figures", "park-figures", "rd", "certifications", "projects", "platforms", "platform-evaluations",
        "institutions", "loans", "financing"];

    [Fact]
    public async Task Export_ThenImport_ChangesNothingForEveryKind()
    {
        await using var db = await ImportTestDb.CreateAsync();
        foreach (var kind in Order)
        {
            var result = await db.ImportAsync(kind, SampleFiles.WriteCsv(Path.Combine(db.Dir, kind + ".csv"), SampleFiles.Rows(kind, 30)));
            Assert.True(result.Accepted, kind + ": " + string.Join("\n", result.Findings.Select(f => $"{f.Row} {f.Column} {f.MessageEn}")));
            Assert.True(result.Inserted > 0, kind);
        }

        foreach (var kind in Order)
        {
            foreach (var (file, zh) in new[] { ($"{kind}-export.csv", false), ($"{kind}-export.xlsx", true) })
            {
                var path = Path.Combine(db.Dir, file);
                await using (var context = db.Context())
                {
                    await new ExportHandler(context).HandleAsync(new ExportRequest(kind, path, LabelsZh: zh), TestContext.Current.CancellationToken);
                }
                var again = await db.ImportAsync(kind, path);
                Assert.True(again.Accepted, $"{file}: " + string.Join("\n", again.Findings.Select(f => $"{f.Row} {f.Column} {f.MessageEn}")));
                Assert.Equal((0L, 0L), (again.Inserted, again.Updated));
                Assert.True(again.Unchanged > 0, file);
            }
        }
    }

    [Fact]
    public async Task Export_FormulaLikeText_IsNeutralised()
    {
        await using var db = await ImportTestDb.CreateAsync();
        await db.ImportAsync("division-figures", SampleFiles.WriteCsv(Path.Combine(db.Dir, "df.csv"), SampleFiles.Rows("division-figures", 0)));
        var path = Path.Combine(db.Dir, "df-export.csv");
        await using (var context = db.Context())
        {
            await new ExportHandler(context).HandleAsync(new ExportRequest("division-figures", path, Year: 2023, Division: "150200"), TestContext.Current.CancellationToken);
        }
        var lines = File.ReadAllLines(path);
        Assert.Equal(2, lines.Length);
        Assert.EndsWith(",\"'=cmd|' /C calc'!A0\"", lines[1], StringComparison.Ordinal);
    }
}
