using RdInvest.Accounts;

namespace RdInvest.BrowserTests;

/// <summary>axe on every page of the web platform reports no serious or critical violation (GB/T 37668-2019, WCAG level).</summary>
public sealed class AccessibilityTests(BrowserApp app)
{
    public static TheoryData<string?, string> Pages => new()
    {
        { null, "/" },
        { null, "/login" },
        { null, "/notifications" },
        { null, "/notifications/1" },
        { Roles.RegionAdmin, "/" },
        { Roles.CityOfficer, "/" },
        { Roles.CountyOfficer, "/" },
        { Roles.ParkAdmin, "/" },
        { Roles.RegionAdmin, "/notifications" },
        { Roles.RegionAdmin, "/logout" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Axe_Page_NoSeriousOrCriticalViolation(string? role, string path)
    {
        await using var s = await Session.OpenAsync(app, role);
        await s.GoAsync(path);
        var violations = await s.SeriousViolationsAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
