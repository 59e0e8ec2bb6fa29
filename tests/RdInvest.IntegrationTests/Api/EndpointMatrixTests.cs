using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RdInvest.Accounts;
using Xunit;
using static RdInvest.IntegrationTests.Api.ApiHost;

namespace RdInvest.IntegrationTests.Api;

/// <summary>
/// Every endpoint of the running app (from its EndpointDataSource) × every role × in-scope / out-of-scope, plus
/// anonymous, asserting the status. An endpoint without an entry here fails the test, so a new endpoint cannot
/// ship without its authorization being stated.
/// </summary>
public sealed class EndpointMatrixTests
{
    private enum Variant { In, Out }

    /// <summary>
    /// One endpoint: the roles its policy admits (null = any signed-in user), whether ids in the address are scoped,
    /// the statuses that mean "allowed", the address and body for each variant, and per-role exceptions. With
    /// <c>Then</c>, a write that succeeds once answers <c>Then</c> to every later allowed caller of the same variant (a
    /// create meets the existing row: 409; an update sends the stale revision 1: 409), so each status is exact. An
    /// unscoped endpoint's two variants are the same request. With <c>State</c>, both counties' approval for the year is
    /// put in that status before each request, so a transition allowed from it answers exactly 200.
    /// </summary>
    private sealed record Case(
        IReadOnlyList<string>? Roles,
        bool Scoped,
        int[] Ok,
        Func<Variant, string> Url,
        Func<Variant, object?>? Body = null,
        bool Public = false,
        Dictionary<string, int[]>? Except = null,
        bool OnceOnly = false,
        Func<string?, Variant, int[]?>? Custom = null,
        bool Multipart = false,
        int[]? Then = null,
        string? State = null,
        Func<Variant, string>? File = null,
        string? MultipartCsv = null,
        Func<string?, Variant, (string Url, string File)?>? ByRole = null);

    private static readonly int[] Ok200 = [200];
    private static readonly int[] Created = [201];
    private static readonly int[] Updated = [200];
    private static readonly int[] Conflict = [409];
    private static readonly int[] Transition = [200];
    private static readonly int[] Forbidden = [403];
    private static readonly int[] NotFound = [404];

    private static string Pick(Variant v, string inside, string outside) => v == Variant.In ? inside : outside;

    /// <summary>Roles with no division in their scope (park admin, enterprise) see no division's data.</summary>
    private static readonly Dictionary<string, int[]> NoDivisionScope = new()
    {
        [Roles.ParkAdmin] = NotFound,
        [Roles.Enterprise] = NotFound,
        [Roles.FinanceInstitution] = NotFound,
    };

    /// <summary>A financial institution sees no reporting unit (its borrowers come with its loans).</summary>
    private static readonly Dictionary<string, int[]> NoUnitScope = new() { [Roles.FinanceInstitution] = NotFound };

    private static object UnitBody(string creditCode, string division, int? revision) =>
        new { credit_code = creditCode, name = "新企业", sector = "enterprise", division_code = division, revision };

    private static readonly Dictionary<string, Case> s_cases = new()
    {
        ["GET /health"] = new(null, false, Ok200, _ => "/health", Public: true),
        ["GET /health/live"] = new(null, false, Ok200, _ => "/health/live", Public: true),
        ["GET /health/ready"] = new(null, false, Ok200, _ => "/health/ready", Public: true),
        ["POST /api/v1/account/login"] = new(null, false, [401], _ => "/api/v1/account/login",
            // A fresh unknown name each time: the per-name limit on failed sign-ins is not what this row tests.
            _ => new { user_name = "nobody-" + Guid.NewGuid().ToString("N")[..8], password = "wrong-password" }, Public: true, OnceOnly: true),
        // One's own password, with the current one: signed out the body must name the account (missing: 422); signed in a
        // wrong current password is 401 (one failure towards the lockout).
        ["POST /api/v1/account/password"] = new(null, false, [401], _ => "/api/v1/account/password",
            _ => new { current_password = "wrong-password", new_password = "Another-pass-123" }, Public: true, OnceOnly: true,
            Custom: (role, _) => role is null ? [422] : null),
        ["POST /api/v1/account/logout"] = new(null, false, [204], _ => "/api/v1/account/logout"),
        ["GET /api/v1/account/me"] = new(null, false, Ok200, _ => "/api/v1/account/me"),
        ["GET /api/v1/account/csrf"] = new(null, false, Ok200, _ => "/api/v1/account/csrf"),
        ["GET /api/v1/divisions"] = new(null, false, Ok200, _ => "/api/v1/divisions?level=league_city"),
        ["GET /api/v1/divisions/{code}/figures"] = new(null, true, Ok200, v => $"/api/v1/divisions/{Pick(v, CountyIn, CountyOut)}/figures", Except: NoDivisionScope),
        ["GET /api/v1/divisions/{code}/figures/{year}"] = new(null, true, Ok200, v => $"/api/v1/divisions/{Pick(v, CountyIn, CountyOut)}/figures/{Year}", Except: NoDivisionScope),
        // Published figures are the region's to write (as their import is).
        ["POST /api/v1/divisions/{code}/figures"] = new([Roles.RegionAdmin, Roles.RegionAnalyst], true, Created, v => $"/api/v1/divisions/{Pick(v, CountyIn, CountyOut)}/figures",
            _ => new { year = 2023, rd_total = 1000m }, Then: Conflict),
        ["PUT /api/v1/divisions/{code}/figures/{year}"] = new([Roles.RegionAdmin, Roles.RegionAnalyst], true, Updated, v => $"/api/v1/divisions/{Pick(v, CountyIn, CountyOut)}/figures/{Year}",
            _ => new { year = Year, rd_total = 1000m, revision = 1 }, Then: Conflict),
        ["GET /api/v1/units"] = new(null, false, Ok200, _ => "/api/v1/units"),
        ["POST /api/v1/units"] = new(Roles.DataWriters, true, Created, _ => "/api/v1/units",
            v => UnitBody(Pick(v, UnitNew, UnitNewOut), Pick(v, CountyIn, CountyOut), null), Then: Conflict),
        ["GET /api/v1/units/{creditCode}"] = new(null, true, Ok200, v => $"/api/v1/units/{Pick(v, UnitIn, UnitOut)}", Except: NoUnitScope),
        ["PUT /api/v1/units/{creditCode}"] = new(Roles.DataWriters, true, Updated, v => $"/api/v1/units/{Pick(v, UnitIn, UnitOut)}",
            v => UnitBody(Pick(v, UnitIn, UnitOut), Pick(v, CountyIn, CountyOut), 1), Then: Conflict),
        ["GET /api/v1/units/{creditCode}/records"] = new(null, true, Ok200, v => $"/api/v1/units/{Pick(v, UnitIn, UnitOut)}/records", Except: NoUnitScope),
        ["GET /api/v1/units/{creditCode}/records/{year}"] = new(null, true, Ok200, v => $"/api/v1/units/{Pick(v, UnitIn, UnitOut)}/records/{Year}", Except: NoUnitScope),
        ["POST /api/v1/units/{creditCode}/records"] = new(Roles.DataWriters, true, Created, v => $"/api/v1/units/{Pick(v, UnitIn, UnitOut)}/records",
            _ => new { year = 2023, rd_total = 100m }, Then: Conflict),
        ["PUT /api/v1/units/{creditCode}/records/{year}"] = new(Roles.DataWriters, true, Updated, v => $"/api/v1/units/{Pick(v, UnitIn, UnitOut)}/records/{Year}",
            _ => new { year = Year, rd_total = 100m, revision = 1 }, Then: Conflict),
        ["GET /api/v1/indicators/{code}/{year}"] = new(null, true, Ok200, v => $"/api/v1/indicators/{Pick(v, CountyIn, CountyOut)}/{Year}?status=preliminary", Except: NoDivisionScope),
        ["GET /api/v1/progress/{code}/{year}"] = new(null, true, Ok200, v => $"/api/v1/progress/{Pick(v, CountyIn, CountyOut)}/{Year}", Except: NoDivisionScope),
        ["GET /api/v1/reconcile/{year}"] = new(Roles.RegionReaders, false, Ok200, _ => $"/api/v1/reconcile/{Year}"),
        ["GET /api/v1/rules"] = new(null, false, Ok200, _ => "/api/v1/rules"),
        ["POST /api/v1/rules/{rule}/calc"] = new(null, false, Ok200, _ => "/api/v1/rules/R7/calc",
            _ => new { inputs = new Dictionary<string, string> { ["taxable_income"] = "10000000" }, date = "2023-12-31" }),
        // Batches compute for many enterprises at once: region roles and finance only (county officers are refused).
        ["POST /api/v1/rules/{rule}/batch"] = new(Roles.SubsidyRunners, false, Ok200, _ => "/api/v1/rules/R7/batch?date=2023-12-31", Multipart: true,
            MultipartCsv: "case,taxable_income\na,10000000\nb,2000000\n"),
        ["GET /api/v1/subsidy-rounds/preview/{year}"] = new(Roles.SubsidyRunners, false, Ok200, _ => "/api/v1/subsidy-rounds/preview/2023?budget=1000000"),
        ["POST /api/v1/subsidy-rounds"] = new(Roles.SubsidyApprovers, false, Created, _ => "/api/v1/subsidy-rounds", _ => new { year = 2023, budget = 1000000m }),
        ["GET /api/v1/subsidy-rounds"] = new(Roles.SubsidyReaders, false, Ok200, _ => "/api/v1/subsidy-rounds"),
        ["GET /api/v1/subsidy-rounds/{id}"] = new(Roles.SubsidyReaders, false, Ok200, _ => $"/api/v1/subsidy-rounds/{SavedRound}"),
        // The first approver approves; every later call finds it approved (409).
        ["POST /api/v1/subsidy-rounds/{id}/approve"] = new(Roles.SubsidyApprovers, false, Transition, _ => $"/api/v1/subsidy-rounds/{SavedRound}/approve",
            Then: Conflict),
        ["GET /api/v1/subsidy-rounds/{id}/payments"] = new(Roles.SubsidyReaders, false, Ok200, _ => $"/api/v1/subsidy-rounds/{SavedRound}/payments?format=csv"),
        ["GET /api/v1/payments"] = new(Roles.PaymentReaders, false, Ok200, _ => "/api/v1/payments?rule=R2&year=2021"),
        // Finance records by hand; the same R2 payment of a year again is refused by the once-only rule. R2 of 2021 leaves
        // the saved 2023 round (approved later in key order) unchanged.
        ["POST /api/v1/payments"] = new(Roles.PaymentRecorders, false, Created, _ => "/api/v1/payments",
            _ => new { credit_code = UnitIn, rule = "R2", year = 2021, amount = 1000m }, Then: Conflict),
        ["GET /api/v1/payments/award-use"] = new(Roles.SubsidyReaders, false, Ok200, _ => "/api/v1/payments/award-use?format=xlsx"),
        ["GET /api/v1/approvals"] = new(Roles.Approvers, false, Ok200, _ => $"/api/v1/approvals?year={Year}"),
        ["GET /api/v1/approvals/{county}/{year}"] = new(Roles.Approvers, true, Ok200, v => $"/api/v1/approvals/{Pick(v, CountyIn, CountyOut)}/{Year}"),
        ["POST /api/v1/approvals/{county}/{year}/submit"] = new(Roles.Approvers, true, Transition, v => $"/api/v1/approvals/{Pick(v, CountyIn, CountyOut)}/{Year}/submit", State: Data.DataStatuses.Draft,
            Except: new() { [Roles.CityOfficer] = Forbidden, [Roles.RegionAnalyst] = Forbidden }),
        ["POST /api/v1/approvals/{county}/{year}/approve"] = new(Roles.Approvers, true, Transition, v => $"/api/v1/approvals/{Pick(v, CountyIn, CountyOut)}/{Year}/approve", State: Data.DataStatuses.Submitted,
            Except: new() { [Roles.CountyOfficer] = Forbidden, [Roles.RegionAnalyst] = Forbidden }),
        ["POST /api/v1/approvals/{county}/{year}/finalise"] = new(Roles.Approvers, true, Transition, v => $"/api/v1/approvals/{Pick(v, CountyIn, CountyOut)}/{Year}/finalise", State: Data.DataStatuses.Approved,
            Except: new() { [Roles.CountyOfficer] = Forbidden, [Roles.CityOfficer] = Forbidden }),
        ["POST /api/v1/approvals/{county}/{year}/return"] = new(Roles.Approvers, true, Transition, v => $"/api/v1/approvals/{Pick(v, CountyIn, CountyOut)}/{Year}/return",
            _ => new { reason = "数据有误" }, State: Data.DataStatuses.Submitted, Except: new() { [Roles.CountyOfficer] = Forbidden }),
        ["POST /api/v1/approvals/{county}/{year}/reopen"] = new(Roles.Admins, true, Transition, v => $"/api/v1/approvals/{Pick(v, CountyIn, CountyOut)}/{Year}/reopen",
            _ => new { reason = "更正" }, State: Data.DataStatuses.Final),
        ["POST /api/v1/approvals/league-cities/{code}/{year}/approve"] = new(Roles.Approvers, true, Ok200,
            v => $"/api/v1/approvals/league-cities/{Pick(v, LeagueIn, LeagueOut)}/{Year}/approve",
            Except: new() { [Roles.CountyOfficer] = Forbidden, [Roles.RegionAnalyst] = Forbidden }),
        // A dry-run rd file of the in-scope or the out-of-scope unit: region roles import either; county and city officers
        // only their own divisions' rows (an out-of-scope row is a finding: 422). Other kinds are region-only (ImportScopeTests).
        // A park administrator imports park-figures (and units) of their own park only: a dry run of their park's row is
        // accepted, another park's row is an outside-park finding (422); rd is not theirs to import (403).
        ["POST /api/v1/imports/{kind}"] = new(Roles.Importers, false, Ok200, _ => "/api/v1/imports/rd?dry_run=true",
            Multipart: true, File: v => $"credit_code,year,rd_total,revenue\n{Pick(v, UnitIn, UnitOut)},2023,100,5000\n",
            Custom: (role, v) => v == Variant.Out && role is Roles.CountyOfficer or Roles.CityOfficer or Roles.ParkAdmin or Roles.FinanceInstitution ? [422] : null,
            ByRole: (role, v) => role switch
            {
                Roles.ParkAdmin => ("/api/v1/imports/park-figures?dry_run=true", $"park_id,year,rd_total\n{Pick(v, ParkIn, ParkOut)},2023,100\n"),
                // A financial institution imports its own loans: its branch's loan is accepted, another bank's an outside-institution finding.
                Roles.FinanceInstitution => ("/api/v1/imports/loans?dry_run=true",
                    $"loan_id,lender_code,borrower,kind,granted_on,matures_on,amount,annual_rate\nLN-NEW,{Pick(v, BranchIn, InstitutionOut)},{UnitIn},credit,2023-01-05,2024-01-05,100,4.35%\n"),
                _ => null,
            }),
        ["GET /api/v1/imports/templates/{kind}"] = new(Roles.Importers, false, Ok200, _ => "/api/v1/imports/templates/units"),
        ["GET /api/v1/reporting-quality/{year}"] = new(Roles.RegionReaders, false, Ok200, _ => $"/api/v1/reporting-quality/{Year}"),
        ["GET /api/v1/parks/evaluation/{year}"] = new(Roles.RegionReaders, false, Ok200, _ => $"/api/v1/parks/evaluation/{Year}"),
        ["GET /api/v1/parks/{parkId}/indicators/{year}"] = new(null, true, Ok200, v => $"/api/v1/parks/{Pick(v, ParkIn, ParkOut)}/indicators/{Year}",
            Except: new() { [Roles.Enterprise] = NotFound, [Roles.FinanceInstitution] = NotFound }),
        ["GET /api/v1/assessment/{year}"] = new(Roles.RegionReaders, false, Ok200, _ => $"/api/v1/assessment/{Year}"),
        ["GET /api/v1/finance/stats/{year}"] = new(Roles.RegionReaders, false, Ok200, _ => $"/api/v1/finance/stats/{Year}"),
        ["GET /api/v1/finance/evaluation/{year}"] = new(Roles.RegionReaders, false, Ok200, _ => $"/api/v1/finance/evaluation/{Year}"),
        // Loans and financing: region roles and finance read all; a financial institution its own and its branches' (another's: 404).
        ["GET /api/v1/finance/loans"] = new(Roles.FinanceRecordReaders, false, Ok200, _ => "/api/v1/finance/loans"),
        ["GET /api/v1/finance/loans/{lender}/{loanId}"] = new(Roles.FinanceRecordReaders, true, Ok200,
            v => v == Variant.In ? $"/api/v1/finance/loans/{BranchIn}/{LoanIn}" : $"/api/v1/finance/loans/{InstitutionOut}/{LoanOut}"),
        ["GET /api/v1/finance/financing"] = new(Roles.FinanceRecordReaders, false, Ok200, _ => "/api/v1/finance/financing"),
        ["GET /api/v1/finance/financing/{id}"] = new(Roles.FinanceRecordReaders, true, Ok200, v => $"/api/v1/finance/financing/{Pick(v, EventIn, EventOut)}"),
        ["GET /api/v1/finance-rounds/preview/{year}"] = new(Roles.SubsidyRunners, false, Ok200, _ => $"/api/v1/finance-rounds/preview/{Year}?budget=1000000"),
        ["POST /api/v1/finance-rounds"] = new(Roles.SubsidyApprovers, false, Created, _ => "/api/v1/finance-rounds", _ => new { year = Year, budget = 1000000m }),
        ["GET /api/v1/finance-rounds"] = new(Roles.SubsidyReaders, false, Ok200, _ => "/api/v1/finance-rounds"),
        ["GET /api/v1/finance-rounds/{id}"] = new(Roles.SubsidyReaders, false, Ok200, _ => $"/api/v1/finance-rounds/{SavedFinanceRound}"),
        // The first approver approves; every later call finds it approved (409).
        ["POST /api/v1/finance-rounds/{id}/approve"] = new(Roles.SubsidyApprovers, false, Transition, _ => $"/api/v1/finance-rounds/{SavedFinanceRound}/approve",
            Then: Conflict),
        ["GET /api/v1/notifications"] = new(null, false, Ok200, _ => "/api/v1/notifications", Public: true),
        ["GET /api/v1/notifications/{id}/download"] = new(null, false, Ok200,
            v => $"/api/v1/notifications/{(v == Variant.In ? ReleasedNotification : DraftNotification)}/download", Public: true,
            // Released: anyone, signed in or not. Draft: region roles only; everyone else is told it does not exist.
            Custom: (role, v) => v == Variant.In || (role is not null && Roles.RegionReaders.Contains(role)) ? Ok200 : NotFound),
        ["POST /api/v1/notifications"] = new([Roles.RegionAdmin, Roles.RegionAnalyst], false, Ok200, _ => "/api/v1/notifications", _ => new { year = Year }),
        // Released once; releasing a released notification is a conflict.
        ["POST /api/v1/notifications/{id}/release"] = new([Roles.RegionAdmin, Roles.RegionAnalyst], false, Ok200,
            _ => $"/api/v1/notifications/{DraftNotification}/release", Then: [409]),
        // Accounts are the security administrator's alone (三员分立): the system administrator (region admin) and the
        // auditor are refused like everyone else.
        ["GET /api/v1/users"] = new(Roles.AccountAdmins, false, Ok200, _ => "/api/v1/users"),
        ["POST /api/v1/users"] = new(Roles.AccountAdmins, false, Created, _ => "/api/v1/users",
            _ => new { name = "new-analyst", role = Roles.RegionAnalyst, scope = (string?)null, password = (string?)null }, Then: Conflict),
        ["POST /api/v1/users/{name}/tokens"] = new(Roles.AccountAdmins, false, Ok200, _ => "/api/v1/users/auditor/tokens"),
        ["GET /api/v1/users/{name}/tokens"] = new(Roles.AccountAdmins, false, Ok200, _ => "/api/v1/users/auditor/tokens"),
        // A token id that does not exist: the admin gets past authorization to the lookup (404); the roles' own tokens stay valid.
        ["DELETE /api/v1/users/{name}/tokens/{id}"] = new(Roles.AccountAdmins, false, NotFound, _ => "/api/v1/users/auditor/tokens/999999"),
        // The account POST /api/v1/users created (keys sort it first); disabling twice and enabling twice are both idempotent.
        ["POST /api/v1/users/{name}/disable"] = new(Roles.AccountAdmins, false, Ok200, _ => "/api/v1/users/new-analyst/disable", _ => new { reason = "矩阵测试" }),
        ["POST /api/v1/users/{name}/enable"] = new(Roles.AccountAdmins, false, Ok200, _ => "/api/v1/users/new-analyst/enable"),
        // The account POST /api/v1/users created gets another role; the same change again is idempotent (200).
        ["PUT /api/v1/users/{name}/role"] = new(Roles.AccountAdmins, false, Ok200, _ => "/api/v1/users/new-analyst/role",
            _ => new { role = Roles.Finance, scope = (string?)null }),
        // The audit log is the audit administrator's (auditor) alone: the region (system) administrator is refused.
        ["GET /api/v1/audit"] = new(Roles.AuditReaders, false, Ok200, _ => "/api/v1/audit"),
        ["GET /api/v1/audit/export"] = new(Roles.AuditReaders, false, Ok200, _ => "/api/v1/audit/export?from=2020-01-01"),
        ["GET /api/v1/audit/verify"] = new(Roles.AuditReaders, false, Ok200, _ => "/api/v1/audit/verify"),
    };

    private static int[] Expected(Case c, string? role, Variant v, bool write)
    {
        if (c.Custom?.Invoke(role, v) is { } custom)
        {
            return custom;
        }
        if (role is null)
        {
            return c.Public ? c.Ok : [401];
        }
        if (c.Roles is not null && !c.Roles.Contains(role))
        {
            return Forbidden;
        }
        // The security administrator's scope holds no data at all: every addressed division, unit or park is outside it.
        if (c.Scoped && role == Roles.SecurityAdmin)
        {
            return write ? Forbidden : NotFound;
        }
        var global = Roles.Global.Contains(role);
        if (v == Variant.Out && c.Scoped && !global)
        {
            return write ? Forbidden : NotFound;
        }
        return c.Except is not null && c.Except.TryGetValue(role, out var e) ? e : c.Ok;
    }

    private static async Task SetApprovalAsync(ApiHost host, string status, CancellationToken ct)
    {
        await using var db = host.Database.Open();
        foreach (var county in new[] { CountyIn, CountyOut })
        {
            var a = await db.Approvals.FirstOrDefaultAsync(x => x.CountyCode == county && x.Year == Year, ct);
            if (a is null)
            {
                a = new Data.CountyApproval { CountyCode = county, Year = Year };
                db.Approvals.Add(a);
            }
            a.Status = status;
        }
        await db.SaveChangesAsync(ct);
    }

    private static IReadOnlyList<string> EndpointKeys(ApiHost host) =>
        host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } t && (t.StartsWith("/api/v1", StringComparison.Ordinal) || t.StartsWith("/health", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => $"{m} {Regex.Replace(e.RoutePattern.RawText!.TrimEnd('/'), ":[a-z]+", "")}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Matrix_EveryEndpointHasAnEntry_NoneMissingOrStale()
    {
        // Every role signs in once per rate-limited row: more than the default per-address limit of one client.
        await using var host = await CreateAsync(new Dictionary<string, string> { ["sign_in_per_minute"] = "100" });
        var keys = EndpointKeys(host);
        var missing = keys.Where(k => !s_cases.ContainsKey(k)).ToList();
        var stale = s_cases.Keys.Where(k => !keys.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "endpoints without a matrix entry: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "matrix entries without an endpoint: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Matrix_AndOpenApi_ListTheSameEndpoints()
    {
        var ct = TestContext.Current.CancellationToken;
        // Every role signs in once per rate-limited row: more than the default per-address limit of one client.
        await using var host = await CreateAsync(new Dictionary<string, string> { ["sign_in_per_minute"] = "100" });
        using var response = await host.Client(null).GetAsync("/openapi/v1.json", ct);
        response.EnsureSuccessStatusCode();
        using var doc = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var documented = doc.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(op => op.Name is "get" or "post" or "put" or "delete" or "patch")
                .Select(op => $"{op.Name.ToUpperInvariant()} {path.Name.TrimEnd('/')}"))
            .Where(k => k.Contains(" /api/v1", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        var listed = s_cases.Keys.Where(k => k.Contains(" /api/v1", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.True(documented.Count > 20, "the OpenAPI document lists almost nothing");
        Assert.Equal(listed, documented);
    }

    [Fact]
    public async Task Matrix_EveryEndpointRoleAndScope_AnswersTheExpectedStatus()
    {
        // Every role signs in once per rate-limited row: more than the default per-address limit of one client.
        await using var host = await CreateAsync(new Dictionary<string, string> { ["sign_in_per_minute"] = "100" });
        var failures = new StringBuilder();
        var checkedCount = 0;
        var ct = TestContext.Current.CancellationToken;
        foreach (var key in EndpointKeys(host))
        {
            if (!s_cases.TryGetValue(key, out var c))
            {
                failures.AppendLine(CultureInfo.InvariantCulture, $"{key}: no matrix entry");
                continue;
            }
            var method = new HttpMethod(key[..key.IndexOf(' ', StringComparison.Ordinal)]);
            var succeeded = new HashSet<Variant>();
            var write = method != HttpMethod.Get;
            foreach (var role in Roles.All.Cast<string?>().Append(null))
            {
                foreach (var v in c.OnceOnly ? [Variant.In] : new[] { Variant.In, Variant.Out })
                {
                    if (c.State is { } state)
                    {
                        await SetApprovalAsync(host, state, ct);
                    }
                    using var client = host.Client(role);
                    var byRole = c.ByRole?.Invoke(role, v);
                    using var request = new HttpRequestMessage(method, byRole?.Url ?? c.Url(v));
                    if (c.Multipart)
                    {
                        var form = new MultipartFormDataContent();
                        var file = byRole?.File ?? c.File?.Invoke(v) ?? c.MultipartCsv ?? "division_code,year,rd_total\n150102,2023,abc\n";
                        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(file)), "file", c.MultipartCsv is null ? "import.csv" : "cases.csv");
                        request.Content = form;
                    }
                    else if (c.Body?.Invoke(v) is { } body)
                    {
                        request.Content = JsonContent.Create(body, body.GetType());
                    }
                    else if (write)
                    {
                        request.Content = JsonContent.Create(new { });
                    }
                    using var response = await client.SendAsync(request, ct);
                    var status = (int)response.StatusCode;
                    var expected = Expected(c, role, v, write);
                    if (c.Then is not null && ReferenceEquals(expected, c.Ok) && !succeeded.Add(c.Scoped ? v : Variant.In))
                    {
                        expected = c.Then;
                    }
                    checkedCount++;
                    if (!expected.Contains(status))
                    {
                        var text = await response.Content.ReadAsStringAsync(ct);
                        failures.AppendLine(CultureInfo.InvariantCulture, $"{key} as {role ?? "anonymous"} ({v}): {status}, expected {string.Join("|", expected)} — {text[..Math.Min(text.Length, 300)]}");
                    }
                    if (status >= 500)
                    {
                        failures.AppendLine(CultureInfo.InvariantCulture, $"{key} as {role ?? "anonymous"} ({v}): server error");
                    }
                }
            }
        }
        Assert.True(failures.Length == 0, failures.ToString());
        Assert.True(checkedCount > 500, $"only {checkedCount} requests checked");
    }
}
