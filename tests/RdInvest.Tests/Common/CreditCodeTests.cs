using RdInvest.Common;
using Xunit;

namespace RdInvest.Tests.Common;

public sealed class CreditCodeTests
{
    [Theory]
    [InlineData("9144030071526726XG")] // the worked example of GB 32100: Σ = 1782, 31 − 15 = 16 → G
    [InlineData("91150100MA0N1B2C4B")]
    [InlineData("12150000460012344M")]
    [InlineData("91150200114750512U")]
    [InlineData("91150602MA7QX3KU4H")]
    public void Check_ValidCode_IsValidWithoutWarning(string code)
    {
        var check = CreditCode.Check(code);

        Assert.Equal(CreditCodeStatus.Valid, check.Status);
        Assert.False(check.OrganisationCodeCheckMismatch);
        Assert.True(CreditCode.IsValid(code));
    }

    [Theory]
    [InlineData("9144030071526726XH", CreditCodeStatus.WrongCheckCharacter, 18)]
    [InlineData("9144030071526726X0", CreditCodeStatus.WrongCheckCharacter, 18)]
    [InlineData("9144030071526726xg", CreditCodeStatus.InvalidCharacter, 17)]
    [InlineData("9144030071526726XG0", CreditCodeStatus.WrongLength, null)]
    [InlineData("9144030071526726X", CreditCodeStatus.WrongLength, null)]
    [InlineData("", CreditCodeStatus.Empty, null)]
    [InlineData(null, CreditCodeStatus.Empty, null)]
    [InlineData("91440300I1526726XG", CreditCodeStatus.InvalidCharacter, 9)]
    [InlineData("91440300O1526726XG", CreditCodeStatus.InvalidCharacter, 9)]
    [InlineData("91440300S1526726XG", CreditCodeStatus.InvalidCharacter, 9)]
    [InlineData("91440300V1526726XG", CreditCodeStatus.InvalidCharacter, 9)]
    [InlineData("91440300Z1526726XG", CreditCodeStatus.InvalidCharacter, 9)]
    [InlineData("9144030071526726X-", CreditCodeStatus.InvalidCharacter, 18)]
    public void Check_InvalidCode_ReportsStatusAndPosition(string? code, CreditCodeStatus status, int? position)
    {
        var check = CreditCode.Check(code);

        Assert.Equal(status, check.Status);
        Assert.Equal(position, check.Position);
        Assert.False(CreditCode.IsValid(code));
        Assert.NotEmpty(check.MessageZh);
        Assert.NotEmpty(check.MessageEn);
    }

    [Fact]
    public void Check_WrongCheckCharacter_NamesExpectedCharacter()
    {
        Assert.Equal('G', CreditCode.Check("9144030071526726XH").ExpectedCheck);
    }

    [Fact]
    public void Check_EmbeddedOrganisationCodeMismatch_IsValidWithWarning()
    {
        // GB 32100 check holds, but the GB 11714 check digit of 46001234 is 4, not 0: some registries issue such codes.
        var check = CreditCode.Check("911501004600123409");

        Assert.Equal(CreditCodeStatus.Valid, check.Status);
        Assert.True(check.OrganisationCodeCheckMismatch);
    }

    [Theory]
    [InlineData("9144030071526726X", "9144030071526726XG")]
    [InlineData("91150100MA0N1B2C4", "91150100MA0N1B2C4B")]
    public void Complete_Body17_AppendsCheckCharacter(string body, string expected)
    {
        Assert.Equal(expected, CreditCode.Complete(body));
    }

    [Theory]
    [InlineData("71526726", 'X')]
    [InlineData("46001234", '4')]
    [InlineData("MA0N1B2C", '4')]
    public void OrganisationCheck_Body8_ReturnsGb11714Check(string body, char expected)
    {
        Assert.Equal(expected, CreditCode.OrganisationCheck(body));
    }
}
