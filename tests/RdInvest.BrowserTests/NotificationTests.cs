using Microsoft.Playwright;

namespace RdInvest.BrowserTests;

/// <summary>The public side: the portal and a released notification, without signing in.</summary>
public sealed class NotificationTests(BrowserApp app)
{
    [Fact]
    public async Task Portal_SignedOut_ShowsTheReleasedNotificationFiguresAndMap()
    {
        await using var s = await Session.OpenAsync(app);
        await s.GoAsync("/");
        await s.Page.Locator("#map[data-ready=true]").WaitForAsync();
        Assert.Equal(5, await s.Page.Locator("[data-testid=cards] .rd-card").CountAsync());
        Assert.DoesNotContain("初步", await s.Page.Locator("main").InnerTextAsync());
        Assert.Equal(1, await s.Page.Locator("[data-testid=notifications] tbody tr").CountAsync());
        await s.ShotAsync("portal");
        Assert.True(s.Errors.Count == 0, string.Join("\n", s.Errors));
    }

    [Fact]
    public async Task Notification_Released_OpensWithoutSignIn_AndDownloadsAsPdf()
    {
        await using var s = await Session.OpenAsync(app);
        await s.GoAsync("/notifications");
        await s.ShotAsync("notifications");
        await s.Page.Locator("[data-testid=notifications] a").First.ClickAsync();
        await s.Page.WaitForURLAsync(u => u.Contains("/notifications/", StringComparison.Ordinal));
        Assert.Contains("通报", await s.Page.Locator("h1.rd-title").InnerTextAsync());
        Assert.True(await s.Page.Locator(".rd-doc table").CountAsync() >= 3);
        Assert.True(await s.Page.Locator(".rd-doc svg").CountAsync() >= 3);
        await s.ShotAsync("notification");
        var download = await s.Page.RunAndWaitForDownloadAsync(() => s.Page.Locator("[data-testid=download-pdf]").ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
    }
}
