using Microsoft.EntityFrameworkCore;
using RdInvest.Data;
using RdInvest.Exporting;
using RdInvest.Importing;
using RdInvest.IntegrationTests.Importing;
using RdInvest.Payments;
using Xunit;

namespace RdInvest.IntegrationTests.Payments;

/// <summary>
/// 二(一)2: the award-use import (same contract as every kind) and the report of payments whose use for R&amp;D is
/// unreported or below the amount, per league/city.
/// </summary>
public sealed class AwardUseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Three R1 payments of 300,000 yuan: two to an enterprise in 新城区 (呼和浩特), one in 东河区 (包头).</summary>
    private static async Task<long[]> SeedAsync(ImportTestDb t)
    {
        await using var db = t.Context();
        var now = DateTime.UtcNow;
        var a = new ReportingUnit { CreditCode = RdInvest.Common.CreditCode.Complete("91150102MA0000201"), Name = "甲企业", Sector = Sectors.Enterprise, DivisionCode = "150102", UpdatedAt = now };
        var b = new ReportingUnit { CreditCode = RdInvest.Common.CreditCode.Complete("91150202MA0000202"), Name = "乙企业", Sector = Sectors.Enterprise, DivisionCode = "150202", UpdatedAt = now };
        db.Units.AddRange(a, b);
        await db.SaveChangesAsync(Ct);
        IncentivePayment Pay(ReportingUnit u, string rule, int year, long fen, string? period) => new()
        {
            UnitId = u.Id, RuleId = rule, Year = year, AmountFen = fen, PaidOn = new DateOnly(year, 6, 30), Source = "manual", Period = period, CreatedAt = now,
        };
        var payments = new[] { Pay(a, "R1", 2022, 300_000_00, "once"), Pay(a, "R2", 2022, 500_000_00, "2022"), Pay(b, "R1", 2022, 300_000_00, "once") };
        db.Payments.AddRange(payments);
        await db.SaveChangesAsync(Ct);
        return payments.Select(p => p.Id).ToArray();
    }

    [Fact]
    public async Task Import_CsvAndXlsx_AtomicIdempotentRevisedAuditedAndRoundTrips()
    {
        await using var t = await ImportTestDb.CreateAsync();
        var ids = await SeedAsync(t);
        var csv = Path.Combine(t.Dir, "use.csv");
        // 万元: 30 万元 = 300,000 yuan.
        await File.WriteAllTextAsync(csv, $"payment_id,year,amount\n{ids[0]},2022,10\n{ids[0]},2023,20\n{ids[1]},2023,40\n", Ct);
        var first = await t.ImportAsync("award-use", csv);
        Assert.True(first.Accepted, string.Join("\n", first.Findings.Select(f => f.MessageEn)));
        Assert.Equal(3L, first.Inserted);
        var again = await t.ImportAsync("award-use", csv);
        Assert.Equal((0L, 0L, 3L), (again.Inserted, again.Updated, again.Unchanged));

        // Chinese headers in XLSX: a changed amount is a revision with an audit entry of old and new values.
        var xlsx = Path.Combine(t.Dir, "use.xlsx");
        TabularFileWriter.Write(xlsx, ["奖补发放记录编号", "年份", "用于研发的金额(万元)"], [[ids[1].ToString(System.Globalization.CultureInfo.InvariantCulture), "2023", "50"]]);
        var changed = await t.ImportAsync("award-use", xlsx);
        Assert.True(changed.Accepted, string.Join("\n", changed.Findings.Select(f => f.MessageEn)));
        Assert.Equal(1L, changed.Updated);
        await using (var db = t.Context())
        {
            var use = await db.AwardUses.AsNoTracking().SingleAsync(u => u.PaymentId == ids[1], Ct);
            Assert.Equal((500_000_00L, 2), (use.AmountFen, use.Revision));
            var audit = await db.Audit.AsNoTracking().SingleAsync(a => a.Action == "import.update" && a.Entity == "award_uses", Ct);
            Assert.Contains("40000000", audit.OldValues, StringComparison.Ordinal);
            Assert.Contains("50000000", audit.NewValues, StringComparison.Ordinal);
        }

        // Every finding at once; nothing written.
        var bad = Path.Combine(t.Dir, "bad.csv");
        await File.WriteAllTextAsync(bad, $"payment_id,year,amount\n999999,2022,1\n{ids[2]},2022,\n{ids[2]},2023,-1\nabc,2022,1\n", Ct);
        var rejected = await t.ImportAsync("award-use", bad);
        Assert.False(rejected.Accepted);
        Assert.Equal([(2, "unknown-payment"), (3, "missing-value"), (4, "negative-amount"), (5, "invalid-number")],
            rejected.Findings.Select(f => (f.Row, f.Rule)).ToList());
        await using (var db = t.Context())
        {
            Assert.Equal(3, await db.AwardUses.CountAsync(Ct));
        }

        // Export (both label languages) imports back unchanged; the template carries the columns.
        foreach (var (file, zh) in new[] { ("use-export.csv", false), ("use-export.xlsx", true) })
        {
            var path = Path.Combine(t.Dir, file);
            await using (var context = t.Context())
            {
                await new ExportHandler(context).HandleAsync(new ExportRequest("award-use", path, LabelsZh: zh), Ct);
            }
            var back = await t.ImportAsync("award-use", path);
            Assert.True(back.Accepted, string.Join("\n", back.Findings.Select(f => f.MessageEn)));
            Assert.Equal((0L, 0L, 3L), (back.Inserted, back.Updated, back.Unchanged));
        }
        var template = Path.Combine(t.Dir, "award-use-template.csv");
        await new WriteTemplateHandler().HandleAsync(new WriteTemplateRequest("award-use", template), Ct);
        Assert.StartsWith("奖补发放记录编号,年份,用于研发的金额(万元)", (await File.ReadAllLinesAsync(template, Ct))[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_UnreportedAndBelowTheAmount_PerLeagueCity()
    {
        await using var t = await ImportTestDb.CreateAsync();
        var ids = await SeedAsync(t);
        var csv = Path.Combine(t.Dir, "use.csv");
        // Payment 1 (300,000): 100,000 + 200,000 = 300,000 used: met. Payment 2 (500,000): 400,000 used: 100,000 short.
        // Payment 3 (300,000): nothing reported.
        await File.WriteAllTextAsync(csv, $"payment_id,year,amount\n{ids[0]},2022,10\n{ids[0]},2023,20\n{ids[1]},2023,40\n", Ct);
        Assert.True((await t.ImportAsync("award-use", csv)).Accepted);

        await using var db = t.Context();
        var report = await new AwardUseReportHandler(db).HandleAsync(new AwardUseReportRequest(2022), Ct);
        Assert.Equal([(ids[1], "below", 500_000m, (decimal?)400_000m, 100_000m, "150100"), (ids[2], "unreported", 300_000m, null, 300_000m, "150200")],
            report.Lines.Select(l => (l.PaymentId, l.Status, l.Amount, l.Used, l.Shortfall, l.LeagueCity)).ToList());
        Assert.Equal([("150100", 2, 0, 1, 100_000m), ("150200", 1, 1, 0, 300_000m)],
            report.ByLeagueCity.Select(c => (c.LeagueCity, c.Payments, c.Unreported, c.Below, c.Shortfall)).ToList());
        var r1Only = await new AwardUseReportHandler(db).HandleAsync(new AwardUseReportRequest(null, "hte-reward"), Ct);
        Assert.Equal([ids[2]], r1Only.Lines.Select(l => l.PaymentId));

        var xlsx = Path.Combine(t.Dir, "report.xlsx");
        AwardUseReportHandler.Write(xlsx, report);
        var sheets = MiniExcelLibs.MiniExcel.GetSheetNames(xlsx);
        Assert.Equal(2, sheets.Count);
        var rows = MiniExcelLibs.MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: sheets[0]).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["below", "unreported"], rows.Select(r => r["status"].ToString()));
    }
}
