using RdInvest.Targets;
using Xunit;

namespace RdInvest.Tests.Targets;

/// <summary>Expected values computed by hand (and checked on a calculator), not by the code under test.</summary>
public sealed class TrajectoryTests
{
    [Fact]
    public void ExpectedGrowth_T1In2022_IsBaseTimes1Point2Squared()
    {
        // 161.07 × 1.2² = 231.9408 (亿元)
        Assert.Equal(231.9408m, Trajectory.ExpectedGrowth(161.07m, 0.2m, 2020, 2022));
    }

    [Fact]
    public void RequiredGrowth_T2From2022_Is20Point88Percent()
    {
        // (370 / 209.5)^(1/3) − 1 = 0.208758
        var g = Trajectory.RequiredGrowth(370m, 209.5m, 2022, 2025)!.Value;
        Assert.Equal(0.208758m, decimal.Round(g, 6));
    }

    [Fact]
    public void RealisedCagr_2020To2022_IsSquareRootOfRatioMinusOne()
    {
        // sqrt(209.5 / 161.07) − 1 = 0.140472
        Assert.Equal(0.140472m, decimal.Round(Trajectory.RealisedCagr(161.07m, 209.5m, 2020, 2022)!.Value, 6));
    }

    [Fact]
    public void RealisedCagr_InBaseYear_IsNull() => Assert.Null(Trajectory.RealisedCagr(100m, 120m, 2020, 2020));

    [Fact]
    public void ExpectedLevel_TwoFifthsOfTheWay_IsGeometricInterpolation()
    {
        // 100 × (200/100)^(2/5) = 131.9508
        Assert.Equal(131.9508m, decimal.Round(Trajectory.ExpectedLevel(100m, 200m, 2020, 2025, 2022), 4));
        // 161.07 × (370/161.07)^(2/5) = 224.6412
        Assert.Equal(224.6412m, decimal.Round(Trajectory.ExpectedLevel(161.07m, 370m, 2020, 2025, 2022), 4));
    }

    [Fact]
    public void ExpectedLinear_Midway_IsHalfTheGap() =>
        Assert.Equal(1500m, Trajectory.ExpectedLinear(1000m, 2000m, 2020, 2024, 2022));

    [Theory]
    [InlineData("231.95", "231.94", "on_track")]
    [InlineData("231.94", "231.94", "on_track")]
    [InlineData("220.35", "231.94", "at_risk")]   // 95.0 % of expected
    [InlineData("209.5", "231.94", "behind")]     // 90.3 % of expected
    public void Status_AgainstExpected_UsesTheAtRiskRatio(string actual, string expected, string status) =>
        Assert.Equal(status, Trajectory.Status(decimal.Parse(actual, System.Globalization.CultureInfo.InvariantCulture),
            decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), 0.95m));

    [Fact]
    public void Pow_IntegralExponent_IsExact() => Assert.Equal(1.728m, Trajectory.Pow(1.2m, 3));
}
