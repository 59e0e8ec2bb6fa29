using RdInvest.Common;
using RdInvest.Policy;
using RdInvest.Policy.Rules;
using Xunit;

namespace RdInvest.Tests.Policy;

public sealed class RuleInputParserTests
{
    private static RuleInputs Parse(RuleDefinition rule, params string[] args) =>
        RuleInputParser.Parse(rule, RuleInputParser.SplitAssignments(args));

    [Theory]
    [InlineData("4.35%", "0.0435")]
    [InlineData("4.35 %", "0.0435")]
    [InlineData("0.0435", "0.0435")]
    public void Parse_RateAsRatioOrPercent_IsTheSameRate(string text, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Parse(LoanInterest.Definition, "principal=1", $"annual_rate={text}", "days=1").Rate("annual_rate"));

    [Fact]
    public void Parse_MissingInput_NamesItWithExitCode2()
    {
        var e = Assert.Throws<UserError>(() => Parse(PostSubsidy.Definition, "year=2023", "rd_prev=1"));
        Assert.Equal(2, e.ExitCode);
        Assert.Contains("revenue_prev", e.MessageZh, StringComparison.Ordinal);
        Assert.Contains("revenue_prev", e.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownInput_NamesIt()
    {
        var e = Assert.Throws<UserError>(() => Parse(PostSubsidy.Definition, "year=2023", "rd_prev=1", "revenue_prev=2", "rdprev2=3"));
        Assert.Equal(2, e.ExitCode);
        Assert.Contains("rdprev2", e.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BareWord_IsUsageError() =>
        Assert.Equal(2, Assert.Throws<UserError>(() => RuleInputParser.SplitAssignments(["year"])).ExitCode);

    [Fact]
    public void Parse_DuplicateInput_IsUsageError() =>
        Assert.Equal(2, Assert.Throws<UserError>(() => Parse(LoanInterest.Definition, "days=1", "days=2", "principal=1", "annual_rate=1%")).ExitCode);

    [Theory]
    [InlineData("true", true)]
    [InlineData("是", true)]
    [InlineData("1", true)]
    [InlineData("no", false)]
    [InlineData("否", false)]
    public void Parse_Boolean_AcceptsCommonSpellings(string text, bool expected) =>
        Assert.Equal(expected, Parse(HteReward.Definition, "certified_on=2022-01-01", $"first_time={text}", "relocated=false").Boolean("first_time"));

    [Fact]
    public void Parse_OptionalWithDefault_TakesTheDefault() =>
        Assert.False(Parse(HteReward.Definition, "certified_on=2022-01-01", "first_time=true", "relocated=false").Boolean("rewarded_before"));

    [Theory]
    [InlineData("C16", 'C', 16)]
    [InlineData("c1610", 'C', 16)]
    [InlineData("1610", 'C', 16)]
    [InlineData("7010", 'K', 70)]
    [InlineData("R90", 'R', 90)]
    public void IndustryCode_ValidForms_GiveSectionAndDivision(string text, char section, int division)
    {
        Assert.True(IndustryCode.TryParse(text, out var code));
        Assert.Equal(new IndustryCode(section, division), code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("C")]
    [InlineData("99")]
    [InlineData("F16")]
    [InlineData("C161012")]
    public void IndustryCode_Invalid_IsRejected(string text) => Assert.False(IndustryCode.TryParse(text, out _));
}
