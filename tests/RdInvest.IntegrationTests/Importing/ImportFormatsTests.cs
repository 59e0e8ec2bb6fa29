using System.Text;
using RdInvest.Common;

namespace RdInvest.IntegrationTests.Importing;

public sealed class ImportFormatsTests
{
    [Fact]
    public async Task ImportFormats_Gb18030CsvAndMessyXlsx_StoreSameValuesAsCleanCsv()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var dumps = new List<List<string>>();
        foreach (var variant in new[] { "clean", "gb18030", "xlsx" })
        {
            await using var db = await ImportTestDb.CreateAsync();
            foreach (var kind in new[] { "parks", "units", "rd" })
            {
                var rows = SampleFiles.Rows(kind, 60);
                var path = Path.Combine(db.Dir, $"{kind}-{variant}" + (variant == "xlsx" ? ".xlsx" : ".csv"));
                _ = variant switch
                {
                    "clean" => SampleFiles.WriteCsv(path, rows),
                    "gb18030" => SampleFiles.WriteCsv(path, SampleFiles.WithChineseHeaders(kind, rows), Encoding.GetEncoding("GB18030")),
                    _ => SampleFiles.WriteMessyXlsx(path, kind, rows),
                };
                var result = await db.ImportAsync(kind, path);
                Assert.True(result.Accepted, $"{variant} {kind}: " + string.Join("\n", result.Findings.Select(f => $"{f.Row} {f.Column} {f.Value} {f.MessageEn}")));
                Assert.Equal(rows.Count - 1, result.Inserted);
            }
            dumps.Add([.. await db.DumpAsync("units"), .. await db.DumpAsync("rd")]);
        }
        Assert.Equal(dumps[0], dumps[1]);
        Assert.Equal(dumps[0], dumps[2]);
        Assert.Contains(dumps[0], l => l.StartsWith(SampleFiles.Code(3) + ",2023,10030300,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_CorrectedFile_UpdatesOnlyChangedRecordsWithRevisionAndAudit()
    {
        await using var db = await ImportTestDb.CreateAsync();
        await db.ImportAsync("parks", SampleFiles.WriteCsv(Path.Combine(db.Dir, "parks.csv"), SampleFiles.Rows("parks", 0)));
        await db.ImportAsync("units", SampleFiles.WriteCsv(Path.Combine(db.Dir, "units.csv"), SampleFiles.Rows("units", 20)));
        var rows = SampleFiles.Rows("rd", 20);
        var first = await db.ImportAsync("rd", SampleFiles.WriteCsv(Path.Combine(db.Dir, "rd.csv"), rows));
        Assert.Equal(20, first.Inserted);
        var auditBefore = await db.CountAsync("audit_log");

        rows[5][ImportKindsIndex("invention_patents")] = "99";
        var corrected = SampleFiles.WriteCsv(Path.Combine(db.Dir, "rd-corrected.csv"), rows);
        var dry = await db.ImportAsync("rd", corrected, dryRun: true);
        Assert.Equal(1, dry.Updated);
        Assert.False(dry.Written);
        Assert.Equal(auditBefore, await db.CountAsync("audit_log"));

        var second = await db.ImportAsync("rd", corrected);

        Assert.Equal((0, 1, 19), (second.Inserted, second.Updated, second.Unchanged));
        await using var context = db.Context();
        var record = context.RdRecords.Single(r => r.InventionPatents == 99);
        Assert.Equal(2, record.Revision);
        var audit = context.Audit.Single(a => a.Action == "import.update");
        Assert.Equal("test", audit.Actor);
        Assert.Equal("rd-corrected.csv", audit.SourceFile);
        Assert.Equal(second.Sha256, audit.SourceSha256);
        Assert.Contains("\"InventionPatents\":5", audit.OldValues!.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\"InventionPatents\":99", audit.NewValues!.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_FileWithOneBadRow_WritesNothing()
    {
        await using var db = await ImportTestDb.CreateAsync();
        await db.ImportAsync("parks", SampleFiles.WriteCsv(Path.Combine(db.Dir, "parks.csv"), SampleFiles.Rows("parks", 0)));
        var rows = SampleFiles.Rows("units", 50);
        rows[40][3] = "159999";
        var result = await db.ImportAsync("units", SampleFiles.WriteCsv(Path.Combine(db.Dir, "units.csv"), rows));

        Assert.False(result.Accepted);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(("unknown-division", 41, "division_code"), (finding.Rule, finding.Row, finding.Column));
        Assert.Equal(0, await db.CountAsync("units"));
    }

    private static int ImportKindsIndex(string key) =>
        RdInvest.Importing.ImportKinds.Rd.Columns.ToList().FindIndex(c => c.Key == key);
}
