using RdInvest.Common;
using RdInvest.Plans;
using RdInvest.Policy;
using Xunit;

namespace RdInvest.Tests.Policy;

public sealed class SubsidyRoundTests
{
    private static readonly Plan Plan = PlanLoader.BuiltIn("im-rd-2021-2025");

    [Fact]
    public void Allocate_ClaimsWithinBudget_PaysEveryClaimInFull()
    {
        var paid = SubsidyRound.Allocate([300m, 200m], 1_000m, out var total, out var factor);
        Assert.Equal([300m, 200m], paid);
        Assert.Equal(500m, total);
        Assert.Null(factor);
    }

    [Fact]
    public void Allocate_NoBudget_PaysEveryClaim() =>
        Assert.Equal([5_000_000m, 1m], SubsidyRound.Allocate([5_000_000m, 1m], null, out _, out _));

    [Theory]
    // Hand-computed: 10,000,000 claimed against 5,000,000 halves each claim.
    [InlineData("5000000,3000000,2000000", "5000000", "2500000,1500000,1000000")]
    // 100 × 100 / 300 = 33.33 → 33; 200 × 100 / 300 = 66.67 → 66; 1 yuan undistributed.
    [InlineData("100,200", "100", "33,66")]
    // Each 1 × 2 / 3 = 0.67 floors to 0: the whole budget stays undistributed.
    [InlineData("1,1,1", "2", "0,0,0")]
    // A zero claim stays zero.
    [InlineData("0,400,600", "500", "0,200,300")]
    public void Allocate_ClaimsAboveBudget_ScalesAndFloorsEachClaim(string claims, string budget, string expected)
    {
        static decimal[] D(string s) => s.Split(',').Select(x => decimal.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var paid = SubsidyRound.Allocate(D(claims), D(budget)[0], out _, out var factor);
        Assert.Equal(D(expected), paid);
        Assert.NotNull(factor);
    }

    [Fact]
    public void Compute_ManyEnterprisesAndBudgets_NeverPaysMoreThanTheBudgetOrTheCap()
    {
        var random = new Random(20230101);
        var applicants = Enumerable.Range(0, 2_000).Select(i =>
        {
            var revenue = (decimal)random.NextInt64(1_000_000, 20_000_000_000);
            var rd = decimal.Round(revenue * random.Next(0, 900) / 10_000m, 2);
            decimal? rd2 = random.Next(10) == 0 ? null : decimal.Round(rd * random.Next(50, 130) / 100m, 2);
            return new SubsidyApplicant($"U{i}", $"企业{i}", $"15{i % 12:00}00", $"盟市{i % 12}", rd, revenue, rd2);
        }).ToList();
        foreach (var budget in new[] { 0m, 1m, 999_999.99m, 50_000_000m, 123_456_789m, 1_000_000_000m, 100_000_000_000m })
        {
            var r = SubsidyRound.Compute(2023, applicants, Plan, budget);
            Assert.True(r.TotalPaid <= budget, $"paid {r.TotalPaid} > budget {budget}");
            Assert.Equal(budget - r.TotalPaid, r.Remainder);
            Assert.All(r.Lines, l =>
            {
                Assert.True(l.Paid <= l.Claim.Amount);
                Assert.True(l.Paid <= 5_000_000m);
                Assert.True(l.Paid >= 0m);
                Assert.Equal(decimal.Floor(l.Paid), l.Paid);
            });
            if (r.ScaleFactor is not null)
            {
                // Flooring loses less than a yuan per enterprise.
                Assert.True(r.Remainder < r.Lines.Count(l => l.Claim.Amount > 0m) + 1m);
            }
            Assert.Equal(r.TotalPaid, r.ByLeagueCity.Sum(c => c.Paid));
            Assert.Equal(r.TotalClaims, r.ByLeagueCity.Sum(c => c.Claims));
            Assert.Equal(applicants.Count, r.ByLeagueCity.Sum(c => c.Enterprises));
        }
    }

    [Fact]
    public void Compute_ScaledRound_ExplainsTheScaling()
    {
        SubsidyApplicant[] applicants =
        [
            new("A", "甲", "150100", "呼和浩特市", 4_000_000m, 100_000_000m, 3_000_000m),
            new("B", "乙", "150200", "包头市", 2_000_000m, 50_000_000m, null),
        ];
        // Claims: A 220,000 (post-subsidy.csv base_plus_increment), B 60,000 (no_prev2_record: base only); total 280,000.
        var r = SubsidyRound.Compute(2023, applicants, Plan, 140_000m);
        Assert.Equal(280_000m, r.TotalClaims);
        Assert.Equal([110_000m, 30_000m], r.Lines.Select(l => l.Paid));
        Assert.Equal(0m, r.Remainder);
        Assert.All(r.Lines, l => Assert.Contains("按比例核减", l.ExplanationZh, StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2023, 12, 31), r.Date);
    }

    [Fact]
    public void Compute_NoYearMinus2Record_NoIncrementWithTheReason_ExplicitZeroCountsAsZero()
    {
        SubsidyApplicant[] applicants =
        [
            new("A", "甲", "150100", "呼和浩特市", 2_000_000m, 50_000_000m, null),
            new("B", "乙", "150100", "呼和浩特市", 2_000_000m, 50_000_000m, 0m),
        ];
        var r = SubsidyRound.Compute(2023, applicants, Plan, null);
        // Both 4 %: base 2,000,000 × 3 % = 60,000. A has no 2021 record: no increment. B reported 0 for 2021: (2,000,000 − 0) × 10 %.
        Assert.Equal([60_000m, 260_000m], r.Lines.Select(l => l.Claim.Amount));
        Assert.Equal([0m, 200_000m], r.Lines.Select(l => l.Claim.Outputs["increment"]));
        Assert.Contains("前年（2021 年）无研发投入记录，无法计算增量，增量补助为 0", r.Lines[0].ExplanationZh, StringComparison.Ordinal);
        Assert.DoesNotContain("无研发投入记录", r.Lines[1].ExplanationZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_NegativeBudget_IsUsageError() =>
        Assert.Equal(2, Assert.Throws<UserError>(() => SubsidyRound.Compute(2023, [], Plan, -1m)).ExitCode);

    private static SubsidyApplicant Holder(params HteCertificate[] certificates) =>
        new("A", "甲", "150100", "呼和浩特市", 4_000_000m, 100_000_000m, 3_000_000m) { HteCertificates = certificates };

    private static (decimal? Amount, bool? FirstTime) R1(SubsidyApplicant a, int year = 2023)
    {
        var (result, _, firstTime) = SubsidyRound.HteRewardFor(a, Plan, new DateOnly(year, 12, 31));
        return (result?.Amount, firstTime);
    }

    [Fact]
    public void HteRewardFor_NoCertificate_IsNotEvaluated() =>
        Assert.Equal((null, null), R1(Holder()));

    [Fact]
    public void HteRewardFor_FirstCertificateInThePlanPeriod_Claims300000() =>
        Assert.Equal((300_000m, true), R1(Holder(new HteCertificate(new DateOnly(2022, 3, 1), false))));

    [Fact]
    public void HteRewardFor_CertificateAfterTheRoundDate_IsIgnored() =>
        Assert.Equal((null, null), R1(Holder(new HteCertificate(new DateOnly(2024, 3, 1), false)), 2023));

    [Fact]
    public void HteRewardFor_RenewalOfAPrePlanCertificate_IsNotFirstAndGetsNothing() =>
        Assert.Equal((0m, false), R1(Holder(new HteCertificate(new DateOnly(2019, 6, 1), false), new HteCertificate(new DateOnly(2022, 6, 1), false))));

    [Fact]
    public void HteRewardFor_RelocatedWithAnEarlierCertificate_Claims300000() =>
        Assert.Equal((300_000m, false), R1(Holder(new HteCertificate(new DateOnly(2019, 6, 1), false), new HteCertificate(new DateOnly(2022, 6, 1), true))));

    [Fact]
    public void HteRewardFor_OnlyAPrePlanCertificate_IsOutsideThePlanPeriod()
    {
        var (result, certificate, _) = SubsidyRound.HteRewardFor(Holder(new HteCertificate(new DateOnly(2019, 6, 1), false)), Plan, new DateOnly(2023, 12, 31));
        Assert.Equal(0m, result!.Amount);
        Assert.Equal(new DateOnly(2019, 6, 1), certificate!.Issued);
        Assert.Contains("不在方案期", result.ExplanationZh(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_EnterpriseAlreadyPaidR1_ClaimsNothingAndKeepsTheR2Claim()
    {
        var paid = Holder(new HteCertificate(new DateOnly(2022, 3, 1), false)) with
        {
            R1Paid = new PriorPayment(2022, 300_000m, new DateOnly(2022, 9, 1), "manual"),
        };
        var r = SubsidyRound.Compute(2023, [paid], Plan, null);
        Assert.Equal(0m, r.Lines[0].R1!.Amount);
        Assert.Contains("只奖励一次", r.Lines[0].R1!.ExplanationZh(), StringComparison.Ordinal);
        Assert.Equal(220_000m, r.Lines[0].Claim.Amount);
        Assert.Equal(0m, r.R1TotalClaims);
    }
}
