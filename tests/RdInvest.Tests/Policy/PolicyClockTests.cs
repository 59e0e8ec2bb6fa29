using Xunit;

namespace RdInvest.Tests.Policy;

/// <summary>Policy/ stays pure: no clock and no database (STYLE.md "Pure where it matters"); the date is always passed in.</summary>
public sealed class PolicyClockTests
{
    [Fact]
    public void PolicySources_AnyFile_ReadNoClockAndNoDatabase()
    {
        var files = Directory.GetFiles(RepoPaths.Of("src", "RdInvest", "Policy"), "*.cs", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        string[] banned = ["EntityFrameworkCore", "AspNetCore", "RdInvest.Data", "DateTime.Now", "DateTime.Today", "DateTime.UtcNow", "TimeProvider.System"];
        Assert.All(files, f =>
        {
            var text = File.ReadAllText(f);
            Assert.All(banned, b => Assert.DoesNotContain(b, text, StringComparison.Ordinal));
        });
    }
}
