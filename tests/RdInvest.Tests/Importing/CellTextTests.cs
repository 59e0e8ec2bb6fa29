using RdInvest.Importing;

namespace RdInvest.Tests.Importing;

public sealed class CellTextTests
{
    [Theory]
    [InlineData("1,234.5", "1234.5")]
    [InlineData(" 12 ", "12")]
    [InlineData("１２３．４", "123.4")]
    [InlineData("１,２３４", "1234")]
    [InlineData("0.93%", "0.93")]
    [InlineData("1E-05", "0.00001")]
    [InlineData("(12)", "-12")]
    public void TryDecimal_WrittenAsPeopleDo_ParsesExactly(string raw, string expected)
    {
        Assert.True(CellText.TryDecimal(CellText.Clean(raw)!, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("1,23")]
    [InlineData("12a")]
    [InlineData("1.2.3")]
    public void TryDecimal_Garbage_Fails(string raw) => Assert.False(CellText.TryDecimal(raw, out _));

    [Theory]
    [InlineData("2023-01-05")]
    [InlineData("2023/1/5")]
    [InlineData("2023年1月5日")]
    [InlineData("２０２３年１月５日")]
    [InlineData("2023.1.5")]
    [InlineData("20230105")]
    [InlineData("44931")]
    [InlineData("2023-01-05 00:00:00")]
    public void TryDate_AnyUsualForm_IsJan5(string raw)
    {
        Assert.True(CellText.TryDate(CellText.Clean(raw)!, out var date));
        Assert.Equal(new DateOnly(2023, 1, 5), date);
    }

    [Theory]
    [InlineData("是", true)]
    [InlineData("否", false)]
    [InlineData("Y", true)]
    [InlineData("n", false)]
    [InlineData("TRUE", true)]
    [InlineData("0", false)]
    public void TryBool_ChineseAndEnglish_Parse(string raw, bool expected)
    {
        Assert.True(CellText.TryBool(raw, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("'=SUM(A1)", "=SUM(A1)")]
    [InlineData("'-稀土", "-稀土")]
    [InlineData("'ok", "'ok")]
    public void Clean_NeutralisedExportCell_GetsItsTextBack(string raw, string expected) =>
        Assert.Equal(expected, CellText.Clean(raw));

    [Fact]
    public void Header_LabelWithFullWidthUnit_SplitsUnit()
    {
        var (name, unit) = CellText.Header(" R&D经费内部支出（万元） ");
        Assert.Equal(("r&d经费内部支出", "万元"), (name, unit));
    }
}
