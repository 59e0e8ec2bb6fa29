using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RdInvest.Data;
using RdInvest.Demo;
using RdInvest.Web;

namespace RdInvest.Bench;

/// <summary>
/// Server time of the web pages on the demo data: the host on a loopback port, each page loaded 20 times after a
/// warm-up (median of the full response over loopback), anonymous and signed in as the demo accounts.
/// </summary>
public static partial class PagesBench
{
    public static async Task RunAsync(DbTarget target)
    {
        var ct = CancellationToken.None;
        await using (var db = target.CreateContext())
        {
            await new DbInitHandler(db, target, TimeProvider.System).HandleAsync(ct);
            await new DemoHandler(db, TimeProvider.System).HandleAsync(new DemoRequest(), ct);
        }
        var app = RdInvestWebHost.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], target);
        await app.StartAsync(ct);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RdInvestDb>();
            await new DemoAccountsHandler(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), db, TimeProvider.System).HandleAsync(ct);
            await new DemoNotificationHandler(db, TimeProvider.System).HandleAsync(Plans.PlanResolver.DefaultPlan, ct);
        }
        var baseUrl = app.Urls.First().TrimEnd('/');
        Console.WriteLine("| page | as | median ms (20 loads) |");
        Console.WriteLine("|---|---|---:|");
        foreach (var (account, paths) in new (string?, string[])[]
        {
            (null, ["/", "/login", "/notifications", "/notifications/1"]),
            ("demo-admin", ["/", "/?status=preliminary", "/notifications"]),
            ("demo-city", ["/"]),
            ("demo-county", ["/"]),
        })
        {
            using var client = await ClientAsync(baseUrl, account);
            foreach (var path in paths)
            {
                var ms = await Timing.MedianMsAsync(async () =>
                {
                    using var r = await client.GetAsync(path, ct);
                    r.EnsureSuccessStatusCode();
                    await r.Content.ReadAsByteArrayAsync(ct);
                }, runs: 20);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {path} | {account ?? "anonymous"} | {ms:F1} |"));
            }
        }
        await app.StopAsync(ct);
    }

    private static async Task<HttpClient> ClientAsync(string baseUrl, string? account)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = new Uri(baseUrl) };
        if (account is not null)
        {
            var form = await client.GetStringAsync("/login");
            var token = TokenRegex().Match(form).Groups[1].Value;
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = account,
                ["Password"] = DemoAccountsHandler.Password,
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            });
            using var r = await client.PostAsync("/login", content);
            r.EnsureSuccessStatusCode();
        }
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
