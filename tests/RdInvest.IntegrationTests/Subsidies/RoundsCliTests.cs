using System.Text.Json;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.IntegrationTests.Foundation;
using RdInvest.Plans;
using Xunit;

namespace RdInvest.IntegrationTests.Subsidies;

/// <summary>`rdinvest payments`, the saved-round commands and `calc --plan` with plans loaded into the database, as a user runs them.</summary>
public sealed class RoundsCliTests : IAsyncLifetime
{
    private static readonly string A = CreditCode.Complete("91150102MA00000A1");
    private static readonly string B = CreditCode.Complete("91150202MA00000B2");
    private TestDatabase _t = null!;
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("rdinvest-rounds-cli-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _t = await TestDatabase.CreateAsync();
        await _t.InitAsync();
        await using var db = _t.Open();
        var now = DateTime.UtcNow;
        var a = new ReportingUnit { CreditCode = A, Name = "甲公司", Sector = Sectors.Enterprise, DivisionCode = "150102", UpdatedAt = now };
        var b = new ReportingUnit { CreditCode = B, Name = "乙公司", Sector = Sectors.Enterprise, DivisionCode = "150202", UpdatedAt = now };
        db.Units.AddRange(a, b);
        await db.SaveChangesAsync(Ct);
        db.RdRecords.AddRange(
            new UnitRdRecord { UnitId = a.Id, Year = 2022, RdTotalFen = Money.ToFen(4_000_000m), RevenueFen = Money.ToFen(100_000_000m), UpdatedAt = now },
            new UnitRdRecord { UnitId = b.Id, Year = 2022, RdTotalFen = Money.ToFen(2_000_000m), RevenueFen = Money.ToFen(50_000_000m), UpdatedAt = now });
        db.Certifications.Add(new Certification { UnitId = b.Id, Kind = CertificationKinds.HighTech, Number = "GR2022", Issued = new DateOnly(2022, 3, 1), UpdatedAt = now });
        await db.SaveChangesAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _t.DisposeAsync();
        _dir.Delete(recursive: true);
    }

    private Task<CliRunner.Result> Run(params string[] args) => CliRunner.RunAsync(_t.DbArgument, args);

    [Fact]
    public async Task PaymentsRecord_R1Twice_SecondIsRefusedInBothLanguages()
    {
        var first = await Run("payments", "record", "--unit", A, "--rule", "R1", "--year", "2022", "--amount", "300000", "--paid-on", "2022-09-01");
        Assert.True(first.ExitCode == 0, first.Stderr);
        var second = await Run("payments", "record", "--unit", A, "--rule", "hte-reward", "--year", "2023", "--amount", "300000");
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("只奖励一次", second.Stderr, StringComparison.Ordinal);
        Assert.Contains("once per enterprise ever", second.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", second.Stderr, StringComparison.Ordinal);
        var list = await Run("payments", "list", "--unit", A, "--json");
        using var doc = JsonDocument.Parse(list.Stdout);
        var only = Assert.Single(doc.RootElement.EnumerateArray());
        Assert.Equal("R1", only.GetProperty("rule").GetString());
        Assert.Equal("2022-09-01", only.GetProperty("paid_on").GetString());
        // The round flags the enterprise paid (A) and claims R1 for the certified one never paid (B).
        var round = await Run("subsidy-round", "--year", "2023", "--json");
        using var r = JsonDocument.Parse(round.Stdout);
        var lines = r.RootElement.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("credit_code").GetString()!);
        Assert.Equal(2022, lines[A].GetProperty("r1_paid_year").GetInt32());
        Assert.Equal(300_000m, lines[A].GetProperty("r1_paid_amount").GetDecimal());
        Assert.Equal(JsonValueKind.Null, lines[B].GetProperty("r1_paid_year").ValueKind);
        Assert.Equal(300_000m, lines[B].GetProperty("r1_claim").GetDecimal());
        Assert.Contains("R1 已领取 already paid 2022 300,000", (await Run("subsidy-round", "--year", "2023")).Stdout, StringComparison.Ordinal);

        // calc hte-reward --unit reads the certificate and the payments: B is owed R1 until it is paid.
        var before = await Run("calc", "hte-reward", "--unit", B, "--json");
        Assert.True(before.ExitCode == 0, before.Stderr);
        Assert.Equal(300_000m, JsonDocument.Parse(before.Stdout).RootElement.GetProperty("amount").GetDecimal());
        Assert.Equal(0, (await Run("payments", "record", "--unit", B, "--rule", "R1", "--year", "2023", "--amount", "300000")).ExitCode);
        var after = await Run("calc", "hte-reward", "--unit", B, "--json");
        Assert.Equal(0m, JsonDocument.Parse(after.Stdout).RootElement.GetProperty("amount").GetDecimal());
        var noCertificate = await Run("calc", "hte-reward", "--unit", A);
        Assert.Equal(2, noCertificate.ExitCode);
        Assert.Contains("no high-tech certificate", noCertificate.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubsidyRound_SaveListApproveExport_EndToEnd()
    {
        // Claims (no 2021 records, so no increments): A 4,000,000 × 3 % = 120,000, B 2,000,000 × 3 % = 60,000; scaled to
        // 150,000: 100,000 and 50,000.
        var save = await Run("subsidy-round", "--year", "2023", "--budget", "150000", "--save", "--json");
        Assert.True(save.ExitCode == 0, save.Stderr);
        using var saved = JsonDocument.Parse(save.Stdout);
        var id = saved.RootElement.GetProperty("round_id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(150_000m, saved.RootElement.GetProperty("total_paid").GetDecimal());
        Assert.Contains("draft", (await Run("subsidy-round", "list")).Stdout, StringComparison.Ordinal);

        var approve = await Run("subsidy-round", "approve", id);
        Assert.True(approve.ExitCode == 0, approve.Stderr);
        Assert.Contains("R2 发放 2 笔", approve.Stdout, StringComparison.Ordinal);
        Assert.Contains("R1 发放 1 笔", approve.Stdout, StringComparison.Ordinal);
        var twice = await Run("subsidy-round", "approve", id);
        Assert.Equal(1, twice.ExitCode);
        Assert.Contains("cannot be approved twice", twice.Stderr, StringComparison.Ordinal);
        var another = await Run("subsidy-round", "--year", "2023", "--save");
        Assert.Equal(1, another.ExitCode);
        Assert.Contains("already approved", another.Stderr, StringComparison.Ordinal);

        var file = Path.Combine(_dir.FullName, "payments.csv");
        var export = await Run("subsidy-round", "export", id, "--out", file);
        Assert.True(export.ExitCode == 0, export.Stderr);
        Assert.EndsWith(",150000,300000,450000", File.ReadAllLines(file)[^1], StringComparison.Ordinal);
        var payments = await Run("payments", "list", "--json");
        using var p = JsonDocument.Parse(payments.Stdout);
        Assert.Equal(450_000m, p.RootElement.EnumerateArray().Sum(x => x.GetProperty("amount").GetDecimal()));
        Assert.Contains("intact", (await Run("audit", "verify")).Stdout, StringComparison.Ordinal);
        var missing = await Run("subsidy-round", "approve", "999");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no subsidy round 999", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calc_PlanLoadedIntoTheDatabase_UsesItsParameters()
    {
        // The shipped plan with another id and a higher innovation-voucher cap.
        var text = PlanLoader.BuiltInFiles().Single(f => f.Name.StartsWith("im-rd-2021-2025", StringComparison.Ordinal)).Text
            .Replace("id: im-rd-2021-2025", "id: im-rd-variant", StringComparison.Ordinal);
        var at = text.IndexOf("innovation_voucher.cap:", StringComparison.Ordinal);
        var cap = text.IndexOf("value: 500000", at, StringComparison.Ordinal);
        text = text[..cap] + "value: 800000" + text[(cap + "value: 500000".Length)..];
        var file = Path.Combine(_dir.FullName, "im-rd-variant.yaml");
        await File.WriteAllTextAsync(file, text, Ct);
        var small = Path.Combine(_dir.FullName, "test-small-2026-2030.yaml");
        await File.WriteAllTextAsync(small, RdInvestPlanFixtures.SmallPlan, Ct);

        var unknown = await Run("calc", "innovation-voucher", "service_cost=2000000", "--plan", "im-rd-variant");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("可用方案：im-rd-2021-2025", unknown.Stderr, StringComparison.Ordinal);
        Assert.Contains("available plans: im-rd-2021-2025", unknown.Stderr, StringComparison.Ordinal);

        Assert.Equal(0, (await Run("plan", "load", file)).ExitCode);
        Assert.Equal(0, (await Run("plan", "load", small)).ExitCode);
        File.Delete(file); // from now on only the database has it
        var builtIn = await Run("calc", "innovation-voucher", "service_cost=2000000", "--json");
        var variant = await Run("calc", "innovation-voucher", "service_cost=2000000", "--plan", "im-rd-variant", "--json");
        Assert.True(variant.ExitCode == 0, variant.Stderr);
        Assert.Equal(500_000m, JsonDocument.Parse(builtIn.Stdout).RootElement.GetProperty("amount").GetDecimal());
        Assert.Equal(800_000m, JsonDocument.Parse(variant.Stdout).RootElement.GetProperty("amount").GetDecimal());

        // The small plan is found in the database; it has no rule parameters, and says so.
        var smallCalc = await Run("calc", "innovation-voucher", "service_cost=2000000", "--plan", "test-small-2026-2030");
        Assert.Equal(1, smallCalc.ExitCode);
        Assert.Contains("test-small-2026-2030 has no parameter innovation_voucher", smallCalc.Stderr, StringComparison.Ordinal);
        var stillUnknown = await Run("calc", "list", "--plan", "nope");
        Assert.Contains("im-rd-variant", stillUnknown.Stderr, StringComparison.Ordinal);
        Assert.Contains("test-small-2026-2030", stillUnknown.Stderr, StringComparison.Ordinal);
    }
}
