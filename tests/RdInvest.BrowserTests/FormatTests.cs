using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RdInvest.Web;
using RdInvest.Web.Pages;

namespace RdInvest.BrowserTests;

/// <summary>The pages' one number formatter, with the real resources (no browser needed).</summary>
public sealed class FormatTests
{
    private static Format For(string culture)
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        var c = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentUICulture = c;
        return new Format(c, new StringLocalizer<SharedResource>(factory));
    }

    [Fact]
    public void Format_Chinese_YiWanPercentGrowthDate()
    {
        var f = For("zh-CN");
        Assert.Equal("6,353.00 亿元", f.Yi(635_300_000_000m));
        Assert.Equal("12.35 万元", f.Wan(123_456m));
        Assert.Equal("1.49%", f.Percent(1.4899m));
        Assert.Equal("▲ +12.30%", f.Growth(12.3m));
        Assert.Equal("▼ -18.00%", f.Growth(-18m));
        Assert.Equal("112家", f.Count(112));
        Assert.Equal("2023年12月31日", f.Date(new DateTime(2023, 12, 31, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(Format.Missing, f.Yi(null));
    }

    [Fact]
    public void Format_English_UnitsInEnglish()
    {
        var f = For("en");
        Assert.Equal("63.53 100m yuan", f.Yi(6_353_000_000m));
        Assert.Equal("31 Dec 2023", f.Date(new DateTime(2023, 12, 31, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("112", f.Count(112));
    }
}
