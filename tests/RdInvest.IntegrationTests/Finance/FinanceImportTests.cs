using Microsoft.EntityFrameworkCore;
using RdInvest.IntegrationTests.Importing;

namespace RdInvest.IntegrationTests.Finance;

public sealed class FinanceImportTests
{
    private static async Task<ImportTestDb> SeededAsync()
    {
        var db = await ImportTestDb.CreateAsync();
        foreach (var kind in new[] { "parks", "units", "institutions" })
        {
            var r = await db.ImportAsync(kind, SampleFiles.WriteCsv(Path.Combine(db.Dir, kind + ".csv"), SampleFiles.Rows(kind, 10)));
            Assert.True(r.Accepted, string.Join("\n", r.Findings.Select(f => f.MessageEn)));
        }
        return db;
    }

    [Fact]
    public async Task ImportLoans_RateAsFractionOrPercent_StoresTheSameRateAndMoneyInTheFileUnit()
    {
        await using var db = await SeededAsync();
        var header = new[] { "贷款编号", "贷款机构代码", "借款单位统一社会信用代码", "贷款类型", "发放日期", "到期日期", "贷款金额(元)", "年利率" };
        var file = SampleFiles.WriteCsv(Path.Combine(db.Dir, "loans.csv"),
        [
            header,
            ["A1", SampleFiles.Institution(1), SampleFiles.Code(1), "credit", "2023-01-05", "2024-01-04", "1,000,000.50", "0.0435"],
            ["A2", SampleFiles.Institution(1), SampleFiles.Code(2), "credit", "2023年2月1日", "2024-01-31", "250000", "4.35%"],
        ]);

        var result = await db.ImportAsync("loans", file, unit: "元");

        Assert.True(result.Accepted, string.Join("\n", result.Findings.Select(f => f.MessageEn)));
        await using var context = db.Context();
        var loans = await context.Loans.AsNoTracking().OrderBy(l => l.LoanId).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([43500L, 43500L], loans.Select(l => l.AnnualRateBp4));
        Assert.Equal([100_000_050L, 25_000_000L], loans.Select(l => l.AmountFen));
        Assert.Equal(new DateOnly(2023, 2, 1), loans[1].GrantedOn);
    }

    [Fact]
    public async Task ImportLoans_SeveralBadRows_ReportsEveryFindingAndStoresNothing()
    {
        await using var db = await SeededAsync();
        var rows = SampleFiles.Rows("loans", 6);
        rows[2][9] = "4.35";                                 // a bare number above 1: ambiguous
        rows[4][1] = SampleFiles.Institution(7);             // an institution not imported
        rows[5][6] = "2020-01-01";                           // matures before it is granted
        var result = await db.ImportAsync("loans", SampleFiles.WriteCsv(Path.Combine(db.Dir, "bad.csv"), rows));

        Assert.False(result.Accepted);
        Assert.Equal(["invalid-rate@3", "unknown-institution@5", "loan-date-order@6"], result.Findings.Select(f => $"{f.Rule}@{f.Row}"));
        Assert.Equal(0, await db.CountAsync("loans"));
    }

    [Fact]
    public async Task ImportLoans_SameFileTwice_ChangesNothing_ThenAChangeIsARevisionWithAudit()
    {
        await using var db = await SeededAsync();
        var rows = SampleFiles.Rows("loans", 8);
        var path = SampleFiles.WriteCsv(Path.Combine(db.Dir, "loans.csv"), rows);
        var first = await db.ImportAsync("loans", path);
        var again = await db.ImportAsync("loans", path);
        rows[3][7] = "2023-06-30";
        var changed = await db.ImportAsync("loans", SampleFiles.WriteCsv(Path.Combine(db.Dir, "loans2.csv"), rows));

        Assert.Equal((8L, 0L), (first.Inserted, first.Updated));
        Assert.Equal((0L, 0L, 8L), (again.Inserted, again.Updated, again.Unchanged));
        Assert.Equal((0L, 1L), (changed.Inserted, changed.Updated));
        await using var context = db.Context();
        var ct = TestContext.Current.CancellationToken;
        var loan = await context.Loans.AsNoTracking().SingleAsync(l => l.LoanId == "DK00003", ct);
        Assert.Equal((2, new DateOnly(2023, 6, 30)), (loan.Revision, loan.RepaidOn!.Value));
        Assert.Equal(1, await context.Audit.CountAsync(a => a.Action == "import.update" && a.Entity == "loans", ct));
    }

    [Fact]
    public async Task ImportInstitutions_BranchOfAnUnknownBank_IsRefused()
    {
        await using var db = await ImportTestDb.CreateAsync();
        var result = await db.ImportAsync("institutions", SampleFiles.WriteCsv(Path.Combine(db.Dir, "i.csv"),
        [
            ["code", "name", "kind", "parent_code", "division_code"],
            [SampleFiles.Institution(3), "支行", "tech_branch", SampleFiles.Institution(1), "150102"],
        ]));

        Assert.Equal(["unknown-institution@2/parent_code"], result.Findings.Select(f => $"{f.Rule}@{f.Row}/{f.Column}"));
        Assert.Equal(0, await db.CountAsync("fin_institutions"));
    }
}
