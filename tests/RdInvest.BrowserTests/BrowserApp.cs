using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RdInvest.Data;
using RdInvest.Demo;
using RdInvest.Web;

[assembly: AssemblyFixture(typeof(RdInvest.BrowserTests.BrowserApp))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace RdInvest.BrowserTests;

/// <summary>
/// The web platform on a free loopback port over a fresh SQLite demo database (published figures, the synthetic
/// population, one account per role, a released notification), and Debian's Chromium driven by Playwright — no
/// browser is downloaded. Under PostgreSQL (RDINVEST_TEST_PG) the suite is skipped: it reads the same handlers the
/// integration tests run on both providers. Without /usr/bin/chromium it skips, or fails under CI=true.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

    private DirectoryInfo? _dir;
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public string? SkipReason { get; private set; }

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public IReadOnlyList<DemoAccount> Accounts { get; private set; } = [];

    /// <summary>The app's database, for a test that must change it behind the app's back (and puts it back).</summary>
    public DbTarget Database { get; private set; } = null!;

    public NotificationSummaryLite? Released { get; private set; }

    /// <summary>The web host's services (a test that checks or prepares the database through the library's handlers).</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("the app is not started");

    public static string ScreenshotDir { get; } = Environment.GetEnvironmentVariable("RDINVEST_SCREENSHOTS") is { Length: > 0 } d ? d
        : Path.Combine(RepoRoot(), "artifacts", "TestResults", "browser-screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("RDINVEST_TEST_PG")))
        {
            SkipReason = "the browser suite runs on SQLite only (RDINVEST_TEST_PG is set); the pages' handlers are covered on PostgreSQL by the integration tests";
            return;
        }
        if (!File.Exists(ChromiumPath))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException($"{ChromiumPath} is missing under CI=true; scripts/setup-report-tools.sh installs it");
            }
            SkipReason = $"{ChromiumPath} is missing; run scripts/setup-report-tools.sh";
            return;
        }
        var ct = TestContext.Current.CancellationToken;
        _dir = Directory.CreateTempSubdirectory("rdinvest-browser-");
        var target = DbTarget.Resolve(Path.Combine(_dir.FullName, "demo.db"));
        Database = target;
        await using (var db = target.CreateContext())
        {
            await new DbInitHandler(db, target, TimeProvider.System).HandleAsync(ct);
            await new DemoHandler(db, TimeProvider.System).HandleAsync(new DemoRequest(), ct);
        }
        _app = RdInvestWebHost.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], target);
        await _app.StartAsync(ct);
        BaseUrl = _app.Urls.First().TrimEnd('/');
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RdInvestDb>();
            Accounts = await new DemoAccountsHandler(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), db, TimeProvider.System).HandleAsync(ct);
            var n = await new DemoNotificationHandler(db, TimeProvider.System).HandleAsync(Plans.PlanResolver.DefaultPlan, ct);
            Released = n is null ? null : new NotificationSummaryLite(n.Id, n.Year);
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Args = ChromiumArgs, Headless = true });
        Directory.CreateDirectory(ScreenshotDir);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir?.Delete(recursive: true);
    }

    public DemoAccount Account(string role) => Accounts.First(a => a.Role == role);

    private static string RepoRoot()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "RdInvest.slnx")))
        {
            d = d.Parent;
        }
        return d?.FullName ?? AppContext.BaseDirectory;
    }
}

/// <summary>The released demo notification's id and year.</summary>
public sealed record NotificationSummaryLite(long Id, int Year);
