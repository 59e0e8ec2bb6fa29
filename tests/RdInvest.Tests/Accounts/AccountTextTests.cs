using RdInvest.Accounts;
using Xunit;

namespace RdInvest.Tests.Accounts;

public sealed class AccountTextTests
{
    [Theory]
    [InlineData("wang")]
    [InlineData("王小明")]
    [InlineData("调岗 / transfer")]
    [InlineData("emoji 😀 keeps its pair")]
    public void Check_PlainText_IsKept(string value) => Assert.Equal(value, AccountText.Check("name", value, 64));

    [Theory]
    [InlineData("a\0b", 2)]
    [InlineData("line\nbreak", 5)]
    [InlineData("abc\u202Efdp", 4)]
    [InlineData("\u2066isolate", 1)]
    [InlineData("\u200Fmark", 1)]
    public void Check_ControlOrBidiCharacter_NamesFieldAndPosition(string value, int position)
    {
        var e = Assert.Throws<AccountFieldError>(() => AccountText.Check("reason", value, 200));
        Assert.Equal("reason", e.Field);
        Assert.Contains($"character {position} ", e.MessageEn, StringComparison.Ordinal);
        Assert.Contains("reason", e.MessageZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_LoneSurrogate_IsRefused()
    {
        // Built at run time: an attribute cannot carry a lone surrogate.
        var value = "lone " + (char)0xD83D + " surrogate";
        Assert.Contains("character 6 ", Assert.Throws<AccountFieldError>(() => AccountText.Check("name", value, 64)).MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TooLong_SaysTheLimitWithoutEchoingTheValue()
    {
        var e = Assert.Throws<AccountFieldError>(() => AccountText.Check("name", new string('x', 1_000_000), AccountText.MaxUserName));
        Assert.Equal("field name: 1000000 characters, more than the limit of 64", e.MessageEn);
        Assert.True(e.MessageZh.Length < 100);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Required_Blank_IsRefused(string? value) =>
        Assert.Equal("name", Assert.Throws<AccountFieldError>(() => AccountText.Required("name", value, 64)).Field);
}
