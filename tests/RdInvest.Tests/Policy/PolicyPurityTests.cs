using Xunit;

namespace RdInvest.Tests.Policy;

/// <summary>Policy/ stays pure: no database, no web, no clock (STYLE.md "Pure where it matters").</summary>
public sealed class PolicyPurityTests
{
    [Fact]
    public void PolicyFolder_Sources_ReferenceNoEfCoreAspNetOrClock()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RdInvest.slnx")))
        {
            dir = dir.Parent;
        }
        Assert.NotNull(dir);
        var files = Directory.GetFiles(Path.Combine(dir.FullName, "src", "RdInvest", "Policy"), "*.cs", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        string[] banned = ["EntityFrameworkCore", "AspNetCore", "RdInvest.Data", "DateTime.Now", "DateTime.Today", "DateTime.UtcNow", "TimeProvider.System"];
        Assert.All(files, f =>
        {
            var text = File.ReadAllText(f);
            Assert.All(banned, b => Assert.DoesNotContain(b, text, StringComparison.Ordinal));
        });
    }
}
