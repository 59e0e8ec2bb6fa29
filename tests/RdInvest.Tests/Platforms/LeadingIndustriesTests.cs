using RdInvest.Plans;
using RdInvest.Platforms;
using Xunit;

namespace RdInvest.Tests.Platforms;

public sealed class LeadingIndustriesTests
{
    private static readonly (string Name, string Text) File = PlanLoader.BuiltInFiles().Single(f => f.Name.StartsWith("im-rd-2021-2025", StringComparison.Ordinal));

    [Fact]
    public void BuiltInPlan_LeadingIndustries_AreAFlaggedDefaultListThatT11Uses()
    {
        var plan = PlanLoader.Parse(File.Text, File.Name);
        var list = LeadingIndustries.Of(plan, 2023);
        Assert.NotNull(list);
        Assert.Contains("C26", list);
        Assert.DoesNotContain("C30", list);
        Assert.All(plan.Parameters[LeadingIndustries.Parameter].Values, v => Assert.True(v.IsDefault));
        Assert.Equal("leading_industry_platform_share", plan.Target("T11")!.Indicator);
        Assert.Null(LeadingIndustries.Of(plan, 2020));
    }

    [Fact]
    public void NextPlan_WithItsOwnList_LoadsWithoutCodeChange()
    {
        var text = File.Text.Replace("value: [B06, C13, C14, C15, C25, C26, C27, C31, C32, C38, D44]", "value: [C30, I65]", StringComparison.Ordinal);
        Assert.NotEqual(File.Text, text);
        var plan = PlanLoader.Parse(text, "next.yaml");
        Assert.Equal(["C30", "I65"], LeadingIndustries.Of(plan, 2024));
    }

    [Theory]
    [InlineData("[C26, 26]", "26")]
    [InlineData("[C26, c26x]", "c26x")]
    [InlineData("C26", "\"C26\"")]
    public void Plan_MalformedList_IsRefusedNamingTheParameterAndTheValue(string value, string bad)
    {
        var text = File.Text.Replace("[B06, C13, C14, C15, C25, C26, C27, C31, C32, C38, D44]", value, StringComparison.Ordinal);
        var e = Assert.Throws<PlanException>(() => PlanLoader.Parse(text, "bad.yaml"));
        Assert.Contains(LeadingIndustries.Parameter, e.MessageEn, StringComparison.Ordinal);
        Assert.Contains(bad, e.MessageZh, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("C2614", true)]
    [InlineData("C26", true)]
    [InlineData("C3091", false)]
    [InlineData("D4411", true)]
    [InlineData(null, false)]
    public void Contains_MatchesByPrefix(string? code, bool expected) =>
        Assert.Equal(expected, LeadingIndustries.Contains(["B06", "C26", "D44"], code));

    [Theory]
    [InlineData("2023-12-31", null, true)]
    [InlineData("2024-01-01", null, false)]
    [InlineData("2020-01-01", "2023-12-31", true)]
    [InlineData("2020-01-01", "2023-12-30", false)]
    public void Validity_CountsWhenRecognisedByAndValidThrough31December(string from, string? until, bool counts)
    {
        var p = new Platform
        {
            Id = "P", Name = "P", Type = PlatformTypes.KeyLab, Level = PlatformLevels.Region,
            RecognisedOn = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            ValidUntil = until is null ? null : DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture),
        };
        Assert.Equal(counts, PlatformValidity.CountsIn(p, 2023));
        Assert.Equal(counts, PlatformValidity.In(2023).Compile()(p));
    }
}
