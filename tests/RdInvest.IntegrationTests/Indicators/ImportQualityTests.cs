using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using RdInvest.Assessment;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Importing;
using RdInvest.Indicators;
using Xunit;

namespace RdInvest.IntegrationTests.Indicators;

/// <summary>
/// Reporting quality's import error and warning rates: every row of every import, accepted or rejected,
/// counted under its unit's league/city and its year.
/// </summary>
public sealed class ImportQualityTests
{
    private static readonly string A1 = CreditCode.Complete("91150102MA0000011");
    private static readonly string A2 = CreditCode.Complete("91150102MA0000012");
    private static readonly string B1 = CreditCode.Complete("91150202MA0000013");
    private static readonly string B2 = CreditCode.Complete("91150200MA0000014");
    private static readonly string Unknown = CreditCode.Complete("91150200MA0000099");

    [Fact]
    public async Task ReportingQuality_RejectedAndAcceptedImportsOfTwoLeagues_GiveExactRowsAndRatesPerLeague()
    {
        await using var t = await TestDatabase.CreateAsync();
        await t.InitAsync();
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.Zero));
        await using (var db = t.Open())
        {
            // Two units in a county of 150100; one in a county of 150200 and one registered at 150200 itself.
            db.Units.AddRange(
                new ReportingUnit { CreditCode = A1, Name = "甲一", Sector = Sectors.Enterprise, DivisionCode = "150102", UpdatedAt = clock.GetUtcNow().UtcDateTime },
                new ReportingUnit { CreditCode = A2, Name = "甲二", Sector = Sectors.Enterprise, DivisionCode = "150102", UpdatedAt = clock.GetUtcNow().UtcDateTime },
                new ReportingUnit { CreditCode = B1, Name = "乙一", Sector = Sectors.Enterprise, DivisionCode = "150202", UpdatedAt = clock.GetUtcNow().UtcDateTime },
                new ReportingUnit { CreditCode = B2, Name = "乙二", Sector = Sectors.Enterprise, DivisionCode = "150200", UpdatedAt = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(ct);
        }
        var dir = Directory.CreateTempSubdirectory("rdinvest-quality-");
        try
        {
            async Task<ImportResult> Import(string kind, string name, string csv)
            {
                var path = Path.Combine(dir.FullName, name);
                await File.WriteAllTextAsync(path, csv, ct);
                await using var db = t.Open();
                return await new ImportFileHandler(db, clock).HandleAsync(new ImportRequest(kind, path, User: "test"), ct);
            }

            // Rejected: 150100 two rows, one error; 150200 two rows, one warning (R&D above half of revenue); one unknown unit.
            var rejected = await Import("rd", "rd-2023-first.csv", string.Join('\n', "credit_code,year,rd_total,revenue",
                $"{A1},2023,100,1000", $"{A2},2023,abc,1000", $"{B1},2023,600,1000", $"{B2},2023,100,1000", $"{Unknown},2023,100,1000"));
            Assert.False(rejected.Accepted);
            await using (var db = t.Open())
            {
                Assert.Equal(0, await db.RdRecords.CountAsync(ct));
            }
            // Accepted with warnings: 150100 two rows, one warning; 150200 two rows, one warning.
            var accepted = await Import("rd", "rd-2023-second.csv", string.Join('\n', "credit_code,year,rd_total,revenue",
                $"{A1},2023,100,1000", $"{A2},2023,600,1000", $"{B1},2023,600,1000", $"{B2},2023,100,1000"));
            Assert.True(accepted.Accepted && accepted.Written, string.Join("; ", accepted.Findings.Select(f => f.Rule)));
            // A units file has no year: its rows count for the year it was imported in (2024).
            var units = await Import("units", "units.csv", string.Join('\n', "credit_code,name,sector,division_code",
                $"{CreditCode.Complete("91150102MA0000015")},甲三,enterprise,150102", $"{CreditCode.Complete("91150202MA0000016")},乙三,enterprise,150202"));
            Assert.True(units.Accepted);

            await using var check = t.Open();
            var report = await new ReportingQualityHandler(check).ReportAsync(2023, ct);
            var a = report.Results.Single(q => q.Division == "150100");
            var b = report.Results.Single(q => q.Division == "150200");
            Assert.Equal((4, 1, 1, 25m, 25m), (a.ImportRows, a.ErrorRows, a.WarningRows, a.ErrorRate, a.WarningRate));
            Assert.Equal((4, 0, 2, 0m, 50m), (b.ImportRows, b.ErrorRows, b.WarningRows, b.ErrorRate, b.WarningRate));
            Assert.Equal(new UnattributedImports(1, 1, 0), report.Unattributed);
            Assert.Equal(100m, report.Unattributed.ErrorRate);
            var other = report.Results.Single(q => q.Division == "150300");
            Assert.Equal((0, (decimal?)null, (decimal?)null), (other.ImportRows, other.ErrorRate, other.WarningRate));

            var next = await new ReportingQualityHandler(check).ReportAsync(2024, ct);
            Assert.Equal((1, 0, 0), next.Results.Where(q => q.Division == "150100").Select(q => (q.ImportRows, q.ErrorRows, q.WarningRows)).Single());
            Assert.Equal((1, 0, 0), next.Results.Where(q => q.Division == "150200").Select(q => (q.ImportRows, q.ErrorRows, q.WarningRows)).Single());

            // Both runs are logged with their per-league rows; the rejected one is audited without writing data.
            var runs = await check.ImportRuns.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct);
            Assert.Equal([false, true, true], runs.Select(r => r.Accepted));
            Assert.Equal((5, 2, 1), (runs[0].Rows, runs[0].Errors, runs[0].Warnings));
            var rejectedAudit = await check.Audit.AsNoTracking().SingleAsync(e => e.Action == "import.rejected", ct);
            Assert.Equal((rejected.Sha256, "rd-2023-first.csv"), (rejectedAudit.SourceSha256, rejectedAudit.SourceFile));
            using (var counts = JsonDocument.Parse(rejectedAudit.NewValues!))
            {
                Assert.Equal((5, 2, 1), (counts.RootElement.GetProperty("rows").GetInt32(), counts.RootElement.GetProperty("errors").GetInt32(),
                    counts.RootElement.GetProperty("warnings").GetInt32()));
            }
            Assert.True((await Auditing.AuditChain.VerifyAsync(check, ct)).Intact);

            // The assessment shows the rates beside the score.
            var assess = await new AssessHandler(check).HandleAsync(new AssessRequest(2023), ct);
            var row = assess.Results.Single(r => r.Division == "150200");
            Assert.Equal((0m, 50m), (row.ImportErrorRate, row.ImportWarningRate));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
