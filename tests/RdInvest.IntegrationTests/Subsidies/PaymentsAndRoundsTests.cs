using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using RdInvest.Auditing;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Payments;
using RdInvest.Plans;
using RdInvest.Subsidies;
using Xunit;

namespace RdInvest.IntegrationTests.Subsidies;

/// <summary>
/// Payments (R1 once per enterprise ever) and saved rounds (save → approve → export) against a real database: the
/// round's R1 flags, the payments and audit entries an approval records, and the refusals.
/// </summary>
public sealed class PaymentsAndRoundsTests : IAsyncLifetime
{
    // A: R2 claim 220,000, high-tech certificate 2022-05-01 (first). B: R2 claim 260,000, certificate 2022-03-01 (first).
    // C: R2 claim 220,000, certificates 2019-06-01 and 2022-06-01 (a renewal: not first, not relocated).
    private static readonly string A = CreditCode.Complete("91150102MA00000A1");
    private static readonly string B = CreditCode.Complete("91150202MA00000B2");
    private static readonly string C = CreditCode.Complete("91150102MA00000C3");
    private static readonly Plan s_plan = PlanLoader.BuiltIn("im-rd-2021-2025");

    private TestDatabase _t = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _t = await TestDatabase.CreateAsync();
        await _t.InitAsync();
        await using var db = _t.Open();
        var now = DateTime.UtcNow;
        ReportingUnit Unit(string code, string name, string division) =>
            new() { CreditCode = code, Name = name, Sector = Sectors.Enterprise, DivisionCode = division, UpdatedAt = now };
        var a = Unit(A, "甲公司", "150102");
        var b = Unit(B, "乙公司", "150202");
        var c = Unit(C, "丙公司", "150102");
        db.Units.AddRange(a, b, c);
        await db.SaveChangesAsync(Ct);
        UnitRdRecord Rec(ReportingUnit u, int year, decimal rd, decimal revenue) =>
            new() { UnitId = u.Id, Year = year, RdTotalFen = Money.ToFen(rd), RevenueFen = Money.ToFen(revenue), UpdatedAt = now };
        db.RdRecords.AddRange(
            Rec(a, 2022, 4_000_000m, 100_000_000m), Rec(a, 2021, 3_000_000m, 90_000_000m),
            Rec(b, 2022, 2_000_000m, 50_000_000m),
            Rec(c, 2022, 4_000_000m, 100_000_000m), Rec(c, 2021, 3_000_000m, 90_000_000m));
        Certification Cert(ReportingUnit u, string number, DateOnly issued) =>
            new() { UnitId = u.Id, Kind = CertificationKinds.HighTech, Number = number, Issued = issued, Relocated = false, UpdatedAt = now };
        db.Certifications.AddRange(
            Cert(a, "GR202215000001", new DateOnly(2022, 5, 1)),
            Cert(b, "GR202215000002", new DateOnly(2022, 3, 1)),
            Cert(c, "GR201915000003", new DateOnly(2019, 6, 1)),
            Cert(c, "GR202215000003", new DateOnly(2022, 6, 1)));
        await db.SaveChangesAsync(Ct);
    }

    public async ValueTask DisposeAsync() => await _t.DisposeAsync();

    private static Actor Tester => Actor.Cli("test");

    private async Task<PaymentView> PayAsync(string creditCode, string rule, int year, decimal amount)
    {
        await using var db = _t.Open();
        return await new PaymentHandler(db, TimeProvider.System).RecordAsync(new PaymentInput(creditCode, rule, year, amount, new DateOnly(year, 6, 30)), Tester, Ct);
    }

    private async Task<SavedRound> SaveAsync(int year = 2023, decimal? budget = null)
    {
        await using var db = _t.Open();
        return await new SavedRoundHandler(db, TimeProvider.System).SaveAsync(new SubsidyRoundRequest(year, budget), s_plan, Tester, Ct);
    }

    private async Task<ApprovedRound> ApproveAsync(long id)
    {
        await using var db = _t.Open();
        return await new SavedRoundHandler(db, TimeProvider.System).ApproveAsync(id, s_plan, Tester, Ct);
    }

    [Fact]
    public async Task Payments_R1Twice_RefusedWithTheEarlierPaymentNamed()
    {
        await PayAsync(A, "R1", 2022, 300_000m);
        var e = await Assert.ThrowsAsync<ConflictError>(() => PayAsync(A, "hte-reward", 2024, 300_000m));
        Assert.Contains("只奖励一次", e.MessageZh, StringComparison.Ordinal);
        Assert.Contains("once per enterprise ever", e.MessageEn, StringComparison.Ordinal);
        Assert.Contains("2022", e.MessageEn, StringComparison.Ordinal);
        // R2 is once per year: another year is fine, the same year is refused.
        await PayAsync(A, "R2", 2022, 100_000m);
        await PayAsync(A, "R2", 2023, 100_000m);
        await Assert.ThrowsAsync<ConflictError>(() => PayAsync(A, "R2", 2023, 1m));
        await using var db = _t.Open();
        Assert.Equal(3, await db.Payments.CountAsync(Ct));
        Assert.Equal(3, await db.Audit.CountAsync(x => x.Action == "payment.record", Ct));
    }

    [Fact]
    public async Task Payments_UniqueIndex_RefusesASecondR1EvenBehindTheHandlersBack()
    {
        await PayAsync(A, "R1", 2022, 300_000m);
        await using var db = _t.Open();
        var unit = await db.Units.SingleAsync(u => u.CreditCode == A, Ct);
        db.Payments.Add(new IncentivePayment
        {
            UnitId = unit.Id, RuleId = "R1", Year = 2025, AmountFen = 1, PaidOn = new DateOnly(2025, 1, 1), Source = "sql", Period = PaymentRules.Once, CreatedAt = DateTime.UtcNow,
        });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task Round_EnterpriseAlreadyPaidR1_IsFlaggedAndOthersClaimR1()
    {
        await PayAsync(A, "R1", 2022, 300_000m);
        await using var db = _t.Open();
        var r = await new SubsidyRoundHandler(db).HandleAsync(new SubsidyRoundRequest(2023, null), s_plan, Ct);
        var byCode = r.Lines.ToDictionary(l => l.Applicant.CreditCode);
        Assert.Equal(2022, byCode[A].Applicant.R1Paid!.Year);
        Assert.Equal(300_000m, byCode[A].Applicant.R1Paid!.Amount);
        Assert.Equal(0m, byCode[A].R1!.Amount);
        Assert.Equal(300_000m, byCode[B].R1!.Amount);
        Assert.Equal(new DateOnly(2022, 3, 1), byCode[B].R1Certificate!.Issued);
        Assert.True(byCode[B].R1FirstTime);
        // A renewal after a pre-plan certificate is not a first certification.
        Assert.False(byCode[C].R1FirstTime);
        Assert.Equal(0m, byCode[C].R1!.Amount);
        Assert.Equal(300_000m, r.R1TotalClaims);
        // The new keys sit beside the old ones in the JSON.
        var json = System.Text.Json.JsonSerializer.SerializeToNode(SubsidyRoundFiles.ToJson(r))!;
        var lineA = json["lines"]!.AsArray().Single(l => (string?)l!["credit_code"] == A)!;
        Assert.Equal(2022, (int)lineA["r1_paid_year"]!);
        Assert.Equal(300_000m, (decimal)lineA["r1_paid_amount"]!);
        Assert.Equal(220_000m, (decimal)lineA["claim"]!);
        Assert.Equal(1, (int)json["r1_already_paid"]!);
        Assert.Equal(300_000m, (decimal)json["r1_total_claims"]!);
    }

    [Fact]
    public async Task Approve_RecordsPaymentsAndAudit_SecondApproveAndSecondRoundRefused()
    {
        var other = await SaveAsync(budget: 100_000m);
        var saved = await SaveAsync(budget: 350_000m);
        Assert.Equal(SubsidyRoundStatuses.Draft, saved.Round.Status);
        // Claims 220,000 + 260,000 + 220,000 = 700,000 against 350,000: half each.
        Assert.Equal(350_000m, saved.Round.TotalPaid);
        var approved = await ApproveAsync(saved.Round.Id);
        Assert.Equal(3, approved.R2Payments);
        Assert.Equal(350_000m, approved.R2Total);
        Assert.Equal(2, approved.R1Payments); // A and B; C's renewal is not eligible
        Assert.Equal(600_000m, approved.R1Total);
        await using (var db = _t.Open())
        {
            var payments = await db.Payments.AsNoTracking().ToListAsync(Ct);
            Assert.Equal(5, payments.Count);
            Assert.All(payments, p => Assert.Equal(saved.Round.Id, p.RoundId));
            Assert.Equal(Money.ToFen(350_000m), payments.Where(p => p.RuleId == "R2").Sum(p => p.AmountFen));
            Assert.Equal(5, await db.Audit.CountAsync(x => x.Action == "payment.record", Ct));
            Assert.Equal(1, await db.Audit.CountAsync(x => x.Action == "subsidy_round.approve", Ct));
            Assert.True((await AuditChain.VerifyAsync(db, Ct)).Intact);
            Assert.Equal(SubsidyRoundStatuses.Approved, (await db.SubsidyRounds.SingleAsync(r => r.Id == saved.Round.Id, Ct)).Status);
        }
        var twice = await Assert.ThrowsAsync<ConflictError>(() => ApproveAsync(saved.Round.Id));
        Assert.Contains("不能重复批准", twice.MessageZh, StringComparison.Ordinal);
        var secondOfYear = await Assert.ThrowsAsync<ConflictError>(() => ApproveAsync(other.Round.Id));
        Assert.Contains("only one round per year", secondOfYear.MessageEn, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ConflictError>(() => SaveAsync(budget: 1m));
        // The next year's round sees the R1 payments and claims nothing for A and B.
        var next = await SaveAsync(2024);
        Assert.Equal(0m, next.Round.R1TotalClaims);
    }

    [Fact]
    public async Task Approve_DataChangedSinceSaved_Refused()
    {
        var saved = await SaveAsync();
        await using (var db = _t.Open())
        {
            var unit = await db.Units.SingleAsync(u => u.CreditCode == B, Ct);
            var rec = await db.RdRecords.SingleAsync(r => r.UnitId == unit.Id && r.Year == 2022, Ct);
            rec.RdTotalFen += 100;
            await db.SaveChangesAsync(Ct);
        }
        var e = await Assert.ThrowsAsync<ConflictError>(() => ApproveAsync(saved.Round.Id));
        Assert.Contains("changed since it was computed", e.MessageEn, StringComparison.Ordinal);
        Assert.Contains("数据已变化", e.MessageZh, StringComparison.Ordinal);
        await using var check = _t.Open();
        Assert.Equal(0, await check.Payments.CountAsync(Ct));
    }

    [Fact]
    public async Task Approve_R2AlreadyPaidForTheYear_RefusedNamingTheEnterprise()
    {
        var saved = await SaveAsync();
        await PayAsync(C, "R2", 2023, 50_000m);
        var e = await Assert.ThrowsAsync<ConflictError>(() => ApproveAsync(saved.Round.Id));
        Assert.Contains(C, e.MessageZh, StringComparison.Ordinal);
        Assert.Contains("already paid", e.MessageEn, StringComparison.Ordinal);
        await using var db = _t.Open();
        Assert.Equal(1, await db.Payments.CountAsync(Ct));
    }

    [Fact]
    public async Task Export_PaymentList_TotalsEqualTheRound()
    {
        var saved = await SaveAsync(budget: 350_000m);
        await ApproveAsync(saved.Round.Id);
        await using var db = _t.Open();
        var round = await new SavedRoundHandler(db, TimeProvider.System).GetAsync(saved.Round.Id, Ct);
        var dir = Directory.CreateTempSubdirectory("rdinvest-export-");
        try
        {
            var xlsx = Path.Combine(dir.FullName, "payments.xlsx");
            SubsidyRoundFiles.WritePayments(xlsx, round);
            var rows = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "拨付名单 payments").Cast<IDictionary<string, object?>>().ToList();
            var lines = rows.Where(r => (string?)r["credit_code"] != "合计 / total").ToList();
            var total = rows.Single(r => (string?)r["credit_code"] == "合计 / total");
            Assert.Equal([A, C, B], lines.Select(r => (string)r["credit_code"]!));
            Assert.Equal(round.Round.TotalPaid, lines.Sum(r => Convert.ToDecimal(r["r2_amount"], System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(round.Round.TotalPaid, Convert.ToDecimal(total["r2_amount"], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(round.Round.R1TotalClaims, Convert.ToDecimal(total["r1_amount"], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(950_000m, Convert.ToDecimal(total["total"], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("呼和浩特市", (string?)lines[0]["league_city"]);
            // The payments recorded at approval are the list's.
            var paid = await db.Payments.AsNoTracking().SumAsync(p => p.AmountFen, Ct);
            Assert.Equal(Money.ToFen(950_000m), paid);
            var csv = Path.Combine(dir.FullName, "payments.csv");
            SubsidyRoundFiles.WritePayments(csv, round);
            Assert.EndsWith("合计 / total,3 家企业 enterprises,,,350000,600000,950000", File.ReadAllLines(csv)[^1], StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
