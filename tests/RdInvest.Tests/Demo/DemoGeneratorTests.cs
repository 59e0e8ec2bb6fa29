using RdInvest.Demo;
using Xunit;

namespace RdInvest.Tests.Demo;

public sealed class DemoGeneratorTests
{
    [Theory]
    [InlineData(0L, new[] { 0.3, 1, 0.2 }, 1)]
    [InlineData(1L, new[] { 0.5, 0.5, 1 }, 2)]
    [InlineData(999_999L, new[] { 0.333, 0.333, 1 }, 2)]
    [InlineData(12_345L, new[] { 0.7, 1, 0.6, 0.1 }, 1)] // fractions over 1 are capped, never negative
    [InlineData(7L, new[] { 0.0, 0.0, 0.0, 1 }, 3)]
    public void Split_AnyFractions_PartsSumExactlyAndAreNonNegative(long total, double[] fractions, int rest)
    {
        var parts = DemoGenerator.Split(total, fractions, rest);

        Assert.Equal(total, parts.Sum());
        Assert.All(parts, p => Assert.True(p >= 0));
    }

    [Fact]
    public void Split_Fractions_FloorsAllButRest()
    {
        Assert.Equal([33L, 33L, 34L], DemoGenerator.Split(100, [0.335, 0.335, 1], 2));
    }
}
