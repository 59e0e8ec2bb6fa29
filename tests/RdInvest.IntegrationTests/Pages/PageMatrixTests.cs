using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RdInvest.Accounts;
using RdInvest.IntegrationTests.Api;
using Xunit;
using static RdInvest.IntegrationTests.Api.ApiHost;

namespace RdInvest.IntegrationTests.Pages;

/// <summary>
/// Every Razor page route of the running app (from its EndpointDataSource) × every role, signed in with a real cookie
/// session, × an in-scope and an out-of-scope id, plus anonymous, asserting the exact status: 200 where the page is
/// shown, 403 for a role the page refuses, 404 for an id outside the reader's scope (or one that does not exist),
/// 302 to /login for anonymous visitors except on public pages. Who may open a page comes from <see cref="PageAccess"/>
/// (the table the host authorizes from); each route has one row here saying which URLs to try. A route without a
/// row, or a row without a route, fails the test, so a new page cannot ship without its access stated.
/// </summary>
public sealed class PageMatrixTests
{
    private enum Variant { In, Out }

    /// <summary>What the id in a page's URL is: none (both variants are the same URL), a scoped id (the Out URL names
    /// one outside the in-scope roles' scope: 404 for every role that is not region-wide), or a missing one (the Out
    /// URL names an id that does not exist: 404 for every role admitted).</summary>
    private enum Ids { None, Scoped, Missing }

    /// <summary>
    /// One page route: the URL of each variant, what its id is, the status that means "shown" (200 unless the page
    /// redirects by design), <c>Public</c> for a page outside <see cref="PageAccess"/> that anyone may open (sign-in,
    /// sign-out, language), and per role/variant exceptions (null = the derived status).
    /// </summary>
    private sealed record Row(Func<Variant, string> Url, Ids Ids = Ids.None, int Ok = 200, bool Public = false, Func<string?, Variant, int?>? Custom = null);

    private static string Pick(Variant v, string inside, string outside) => v == Variant.In ? inside : outside;

    /// <summary>Keyed by the route as the app maps it. Adding a page is one row.</summary>
    private static readonly Dictionary<string, Row> s_rows = new(StringComparer.Ordinal)
    {
        ["/"] = new(_ => "/"),
        ["/login"] = new(_ => "/login", Public: true),
        ["/logout"] = new(_ => "/logout", Public: true),
        ["/account/password"] = new(_ => "/account/password", Public: true),
        // GET only goes back home (switching the language is a POST).
        ["/culture"] = new(_ => "/culture", Ok: 302, Public: true),
        ["/divisions/{code?}"] = new(v => "/divisions/" + Pick(v, CountyIn, CountyOut), Ids.Scoped),
        ["/targets"] = new(_ => "/targets"),
        ["/parks"] = new(_ => "/parks"),
        ["/assessment"] = new(_ => "/assessment"),
        ["/notifications"] = new(_ => "/notifications"),
        // Released: anyone, signed in or not. Draft: region roles only; everyone else is told it does not exist.
        ["/notifications/{id:long}"] = new(v => "/notifications/" + (v == Variant.In ? ReleasedNotification : DraftNotification), Ids.Missing,
            Custom: (role, v) => v == Variant.Out && role is not null && Roles.RegionReaders.Contains(role) ? 200 : null),
        ["/units"] = new(_ => "/units"),
        // The security administrator sees no unit at all (accounts, not data); a financial institution sees no reporting
        // unit either (its borrowers come with its loans).
        ["/units/{code}"] = new(v => "/units/" + Pick(v, UnitIn, UnitOut), Ids.Scoped,
            Custom: (role, _) => role is Roles.SecurityAdmin or Roles.FinanceInstitution ? 404 : null),
        ["/imports"] = new(_ => "/imports"),
        ["/approvals"] = new(_ => "/approvals"),
        ["/calc"] = new(_ => "/calc"),
        ["/calc/{slug}"] = new(v => "/calc/" + Pick(v, "post-subsidy", "no-such-rule"), Ids.Missing),
        ["/me"] = new(_ => "/me"),
        ["/subsidy-rounds"] = new(_ => "/subsidy-rounds"),
        ["/subsidy-rounds/{id:long}"] = new(v => "/subsidy-rounds/" + Pick(v, "1", "999999"), Ids.Missing),
        ["/payments"] = new(_ => "/payments"),
        ["/finance-rounds"] = new(_ => "/finance-rounds"),
        ["/finance-rounds/{id:long}"] = new(v => "/finance-rounds/" + Pick(v, "1", "999999"), Ids.Missing),
        ["/users"] = new(_ => "/users"),
        ["/users/{name}"] = new(v => "/users/" + Pick(v, "auditor", "no-such-user"), Ids.Missing),
        ["/audit"] = new(_ => "/audit?verify=chain"),
        ["/audit/{id:long}"] = new(v => "/audit/" + Pick(v, "1", "999999"), Ids.Missing),
        ["/finance/institutions"] = new(_ => "/finance/institutions?kind=bank"),
        ["/finance/loans"] = new(_ => "/finance/loans?st=yes"),
        ["/finance/stats/{year:int?}"] = new(_ => "/finance/stats/2023"),
        ["/finance/evaluation/{year:int?}"] = new(_ => "/finance/evaluation/2023"),
    };

    /// <summary>A page route and the page it belongs to (its path under Pages/, e.g. /Units/Show).</summary>
    private sealed record PageRoute(string Key, string ViewPath);

    private static IReadOnlyList<PageRoute> PageRoutes(ApiHost host) =>
        host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(x => x.Page is not null)
            // A page declared without a template answers at both /x and /x/index; the alias is not a page of its own.
            .Where(x => !(x.Page!.AttributeRouteInfo?.Template ?? "").EndsWith("Index", StringComparison.Ordinal))
            .Select(x => new PageRoute("/" + x.Endpoint.RoutePattern.RawText!.Trim('/').ToLowerInvariant(), x.Page!.ViewEnginePath))
            .DistinctBy(r => r.Key).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();

    /// <summary>The <see cref="PageAccess"/> entry a page falls under: the folder it sits in, or the home page.</summary>
    private static PageEntry? EntryOf(string viewPath)
    {
        var parts = viewPath.Trim('/').Split('/');
        // The deepest folder the page sits in (Finance/Stats/Index falls under Finance/Stats).
        return parts.Length > 1 ? PageAccess.Pages.Where(p => p.Folder.Length > 0 && viewPath.Trim('/').StartsWith(p.Folder + "/", StringComparison.Ordinal))
                .OrderByDescending(p => p.Folder.Length).FirstOrDefault()
            : viewPath == "/Index" ? PageAccess.Pages.Single(p => p.Folder.Length == 0) : null;
    }

    private static int Expected(Row row, PageEntry? entry, string? role, Variant v)
    {
        if (row.Custom?.Invoke(role, v) is { } custom)
        {
            return custom;
        }
        var open = entry?.Anonymous ?? row.Public;
        if (role is null && !open)
        {
            return 302;
        }
        if (role is not null && entry is not null && !entry.Admits(new UserScope(role.Replace('_', '-'), role, ScopeOf(role))))
        {
            return 403;
        }
        if (v == Variant.Out && (row.Ids == Ids.Missing || (row.Ids == Ids.Scoped && (role is null || !Roles.Global.Contains(role)))))
        {
            return 404;
        }
        return row.Ok;
    }

    /// <summary>A browser-like client of the role: cookies kept, signed in through the sign-in endpoint (anonymous when role is null).</summary>
    private static async Task<HttpClient> SessionAsync(ApiHost host, string? role, CancellationToken ct)
    {
        var c = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (role is not null)
        {
            using var login = await c.PostAsJsonAsync("/api/v1/account/login", new { user_name = role.Replace('_', '-'), password = "Correct-horse-battery-9" }, ct);
            login.EnsureSuccessStatusCode();
        }
        return c;
    }

    [Fact]
    public async Task FinanceInstitution_SeesItsOwnLoansAndInstitutionsOnly()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await CreateAsync();
        using var bank = await SessionAsync(host, Roles.FinanceInstitution, ct);
        var loans = await bank.GetStringAsync("/finance/loans", ct);
        Assert.Contains(LoanIn, loans, StringComparison.Ordinal);
        Assert.DoesNotContain(LoanOut, loans, StringComparison.Ordinal);
        var institutions = await bank.GetStringAsync("/finance/institutions", ct);
        Assert.Contains(BranchIn, institutions, StringComparison.Ordinal);
        Assert.DoesNotContain(InstitutionOut, institutions, StringComparison.Ordinal);
        // The finance office reads every lender's loans.
        using var finance = await SessionAsync(host, Roles.Finance, ct);
        var all = await finance.GetStringAsync("/finance/loans", ct);
        Assert.Contains(LoanIn, all, StringComparison.Ordinal);
        Assert.Contains(LoanOut, all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Matrix_EveryPageRouteHasARow_NoneMissingOrStale()
    {
        await using var host = await CreateAsync();
        var keys = PageRoutes(host).Select(r => r.Key).ToList();
        var missing = keys.Where(k => !s_rows.ContainsKey(k)).ToList();
        var stale = s_rows.Keys.Where(k => !keys.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "page routes without a matrix row: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "matrix rows without a page route: " + string.Join(", ", stale));
        // Every entry of the access table is a page the app has (the navigation links to it).
        var views = PageRoutes(host).Select(r => EntryOf(r.ViewPath)?.Key).ToHashSet();
        Assert.All(PageAccess.Pages, p => Assert.Contains(p.Key, views));
    }

    [Fact]
    public async Task Matrix_EveryPageRoleAndScope_AnswersTheExpectedStatus()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await CreateAsync();
        var routes = PageRoutes(host);
        var failures = new StringBuilder();
        var checkedCount = 0;
        foreach (var role in Roles.All.Cast<string?>().Append(null))
        {
            using var client = await SessionAsync(host, role, ct);
            foreach (var route in routes)
            {
                if (!s_rows.TryGetValue(route.Key, out var row))
                {
                    failures.AppendLine(CultureInfo.InvariantCulture, $"{route.Key}: no matrix row");
                    continue;
                }
                var entry = EntryOf(route.ViewPath);
                foreach (var v in row.Ids == Ids.None ? [Variant.In] : new[] { Variant.In, Variant.Out })
                {
                    var url = row.Url(v);
                    using var response = await client.GetAsync(url, ct);
                    var status = (int)response.StatusCode;
                    var expected = Expected(row, entry, role, v);
                    checkedCount++;
                    var who = role ?? "anonymous";
                    if (status != expected)
                    {
                        var text = await response.Content.ReadAsStringAsync(ct);
                        failures.AppendLine(CultureInfo.InvariantCulture, $"{route.Key} {url} as {who} ({v}): {status}, expected {expected} — {text[..Math.Min(text.Length, 200)]}");
                    }
                    else if (status == 302 && role is null && !row.Public && response.Headers.Location?.ToString() is { } to
                        && !to.Contains("/login?ReturnUrl=", StringComparison.OrdinalIgnoreCase))
                    {
                        failures.AppendLine(CultureInfo.InvariantCulture, $"{route.Key} as anonymous: redirected to {to}, not to /login");
                    }
                }
            }
            // The session is still the role's: a signed-out client would have passed as anonymous.
            if (role is not null)
            {
                using var me = await client.GetAsync("/api/v1/account/me", ct);
                Assert.Equal(role, (await ReadAsync(me)).GetProperty("role").GetString());
            }
        }
        Assert.True(failures.Length == 0, failures.ToString());
        Assert.True(checkedCount > 150, $"only {checkedCount} requests checked");
    }
}
