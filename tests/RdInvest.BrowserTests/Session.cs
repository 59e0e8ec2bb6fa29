using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace RdInvest.BrowserTests;

/// <summary>One browser context (its own cookies), signed in or not, collecting console errors and page errors.</summary>
public sealed partial class Session : IAsyncDisposable
{
    private readonly BrowserApp _app;
    private readonly IBrowserContext _context;

    public IPage Page { get; }

    public List<string> Errors { get; } = [];

    private Session(BrowserApp app, IBrowserContext context, IPage page)
    {
        _app = app;
        _context = context;
        Page = page;
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                Errors.Add(m.Text);
            }
        };
        page.PageError += (_, e) => Errors.Add(e);
    }

    public static async Task<Session> OpenAsync(BrowserApp app, string? role = null)
    {
        Assert.SkipWhen(app.SkipReason is not null, app.SkipReason ?? "");
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            AcceptDownloads = true,
        });
        var s = new Session(app, context, await context.NewPageAsync());
        if (role is not null)
        {
            await s.SignInAsync(app.Account(role).Name);
        }
        return s;
    }

    public async Task SignInAsync(string name)
    {
        await Page.GotoAsync("/login");
        await Page.FillAsync("#UserName", name);
        await Page.FillAsync("#Password", Demo.DemoAccountsHandler.Password);
        await Page.ClickAsync("form button[type=submit].btn-primary");
        await Page.WaitForURLAsync(_app.BaseUrl + "/");
    }

    public async Task<IResponse?> GoAsync(string path)
    {
        var r = await Page.GotoAsync(path);
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return r;
    }

    /// <summary>The navigation keys shown (data-nav of the left navigation's links).</summary>
    public async Task<IReadOnlyList<string>> NavigationAsync() =>
        (await Page.Locator("nav.rd-side a[data-nav]").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('data-nav'))")).ToList();

    /// <summary>A full-page screenshot into the test results' screenshot folder.</summary>
    public async Task ShotAsync(string name) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.ScreenshotDir, name + ".png"), FullPage = true });

    /// <summary>axe on the current page: the serious and critical violations, each with its rule and first target.</summary>
    public async Task<IReadOnlyList<string>> SeriousViolationsAsync()
    {
        var result = await Page.RunAxe();
        return result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    public static partial Regex Chinese();

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
