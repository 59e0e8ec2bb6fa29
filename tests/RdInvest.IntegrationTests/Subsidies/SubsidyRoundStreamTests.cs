using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Plans;
using RdInvest.Subsidies;
using Xunit;

namespace RdInvest.IntegrationTests.Subsidies;

/// <summary>
/// The streamed round (claims without explanations, lines written as they are computed) equals the whole computation:
/// the same totals, the same lines, the same JSON byte for byte when explanations are asked for, and the same JSON
/// less the explanation keys when they are not. On SQLite and PostgreSQL (RDINVEST_TEST_PG).
/// </summary>
public sealed class SubsidyRoundStreamTests : IAsyncLifetime
{
    private static readonly string[] ExplanationKeys = ["explanation_zh", "explanation_en", "r1_explanation_zh", "r1_explanation_en"];
    private TestDatabase _t = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _t = await TestDatabase.CreateAsync();
        await _t.InitAsync();
        await using var db = _t.Open();
        var now = DateTime.UtcNow;
        var counties = new[] { "150102", "150202", "150200" };
        var units = Enumerable.Range(1, 48).Select(i => new ReportingUnit
        {
            CreditCode = $"S{(1000 - i * 7):D4}X{i:D3}",
            Name = $"企业{i}",
            Sector = i % 16 == 0 ? Sectors.University : Sectors.Enterprise,
            DivisionCode = counties[i % 3],
            UpdatedAt = now,
        }).ToList();
        db.Units.AddRange(units);
        await db.SaveChangesAsync(Ct);
        foreach (var (u, i) in units.Select((u, i) => (u, i + 1)))
        {
            // Intensities from 0 to about 9 %, some at exactly a tier, some without revenue, some capped.
            var revenue = i % 11 == 0 ? 0L : 100_000_000_00L + i * 1_234_567_00L;
            var rd = i % 13 == 0 ? revenue / 100 : revenue / 1000 * (i % 90) + i * 37;
            if (i % 7 == 0)
            {
                rd = 200_000_000_00L;
            }
            db.RdRecords.Add(new UnitRdRecord { UnitId = u.Id, Year = 2023, RdTotalFen = rd, RevenueFen = i % 17 == 0 ? null : revenue, UpdatedAt = now });
            if (i % 4 != 0)
            {
                db.RdRecords.Add(new UnitRdRecord { UnitId = u.Id, Year = 2022, RdTotalFen = rd * (i % 5) / 4, RevenueFen = revenue, UpdatedAt = now });
            }
            if (i % 3 == 0)
            {
                db.Certifications.Add(new Certification
                {
                    UnitId = u.Id, Kind = CertificationKinds.HighTech, Number = $"GR{i}", Issued = new DateOnly(2019 + i % 6, 1 + i % 12, 1),
                    Relocated = i % 2 == 0, UpdatedAt = now,
                });
            }
            if (i % 9 == 0)
            {
                db.Payments.Add(new IncentivePayment
                {
                    UnitId = u.Id, RuleId = "R1", Year = 2022, AmountFen = 300_000_00L, PaidOn = new DateOnly(2022, 9, 1), Source = "stream test",
                    Period = "once", CreatedAt = now,
                });
            }
            if (i % 10 == 0)
            {
                db.Payments.Add(new IncentivePayment
                {
                    UnitId = u.Id, RuleId = "R2", Year = 2024, AmountFen = 10_000_00L, PaidOn = new DateOnly(2024, 3, 1), Source = "stream test",
                    Period = "2024", CreatedAt = now,
                });
            }
        }
        await db.SaveChangesAsync(Ct);
    }

    public async ValueTask DisposeAsync() => await _t.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("1234567")]
    [InlineData("0")]
    public async Task StreamAsync_EqualsTheWholeRound_LineForLine(string? budgetText)
    {
        decimal? budget = budgetText is null ? null : decimal.Parse(budgetText, System.Globalization.CultureInfo.InvariantCulture);
        var plan = PlanLoader.BuiltIn("im-rd-2021-2025");
        await using var db = _t.Open();
        var handler = new SubsidyRoundHandler(db);
        var whole = await handler.HandleAsync(new SubsidyRoundRequest(2024, budget), plan, Ct);
        var stream = await handler.StreamAsync(new SubsidyRoundRequest(2024, budget), plan, Ct);
        Assert.Equal(45, whole.Lines.Count);
        Assert.Equal(budget is null, whole.ScaleFactor is null);
        Assert.Contains(whole.Lines, l => l.R1 is { Amount: > 0m });
        Assert.Contains(whole.Lines, l => l.Applicant.R2Paid is not null);
        Assert.Equal(whole.TotalClaims, stream.TotalClaims);
        Assert.Equal(whole.TotalPaid, stream.TotalPaid);
        Assert.Equal(whole.ByLeagueCity, stream.ByLeagueCity);
        var lines = stream.Lines(explain: false).ToList();
        Assert.Equal(whole.Lines.Select(l => (l.Applicant.CreditCode, l.Claim.Amount, l.Paid)), lines.Select(l => (l.Applicant.CreditCode, l.Claim.Amount, l.Paid)));

        var expected = JsonSerializer.Serialize(SubsidyRoundView.Of(whole), JsonDefaults.Indented);
        Assert.Equal(expected, Streamed(stream, explain: true));

        var brief = JsonNode.Parse(Streamed(stream, explain: false))!;
        var withoutExplanations = JsonNode.Parse(expected)!;
        foreach (var line in withoutExplanations["lines"]!.AsArray())
        {
            foreach (var key in ExplanationKeys)
            {
                Assert.True(line!.AsObject().Remove(key), key);
            }
        }
        Assert.True(JsonNode.DeepEquals(withoutExplanations, brief), brief.ToJsonString());
    }

    [Fact]
    public async Task SubsidyRoundCli_Explain_AddsTheExplanationsToTheSameLines()
    {
        var plain = await CliRunner.RunAsync(_t.DbArgument, "subsidy-round", "--year", "2024", "--budget", "1234567", "--json");
        var explained = await CliRunner.RunAsync(_t.DbArgument, "subsidy-round", "--year", "2024", "--budget", "1234567", "--json", "--explain");
        Assert.True(plain.ExitCode == 0, plain.Stderr);
        Assert.True(explained.ExitCode == 0, explained.Stderr);
        var p = JsonNode.Parse(plain.Stdout)!;
        var e = JsonNode.Parse(explained.Stdout)!;
        Assert.Equal(45, p["lines"]!.AsArray().Count);
        Assert.All(p["lines"]!.AsArray(), l => Assert.DoesNotContain(ExplanationKeys, k => l!.AsObject().ContainsKey(k)));
        var first = e["lines"]!.AsArray().First(l => (decimal)l!["paid"]! > 0m)!;
        Assert.Contains("〔二(二)6〕", (string)first["explanation_zh"]!, StringComparison.Ordinal);
        Assert.Contains("按比例核减", (string)first["explanation_zh"]!, StringComparison.Ordinal);
        Assert.Contains("floored to the yuan", (string)first["explanation_en"]!, StringComparison.Ordinal);
        foreach (var line in e["lines"]!.AsArray())
        {
            foreach (var key in ExplanationKeys)
            {
                line!.AsObject().Remove(key);
            }
        }
        Assert.True(JsonNode.DeepEquals(p, e));
        Assert.Equal(1_234_567m, (decimal)p["budget"]!);
        Assert.True((decimal)p["total_paid"]! <= 1_234_567m);
        var text = await CliRunner.RunAsync(_t.DbArgument, "subsidy-round", "--year", "2024", "--budget", "1234567");
        Assert.True(text.ExitCode == 0, text.Stderr);
        Assert.Contains("企业 enterprises: 45", text.Stdout, StringComparison.Ordinal);
        Assert.Contains($"拨付合计 paid: {RdInvest.Policy.RuleFormat.Money((decimal)p["total_paid"]!)} 元", text.Stdout, StringComparison.Ordinal);
    }

    private static string Streamed(RdInvest.Policy.SubsidyRoundStream stream, bool explain)
    {
        using var output = new MemoryStream();
        SubsidyRoundJson.Write(output, stream, explain, JsonDefaults.Indented);
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
