using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RdInvest.Accounts;
using RdInvest.Auditing;
using RdInvest.Common;
using RdInvest.Data;
using Xunit;

namespace RdInvest.IntegrationTests.Api;

/// <summary>
/// The real web host (WebApplicationFactory&lt;Program&gt;) on a fresh TestDatabase: two leagues/cities with a county
/// each, a unit and a park in each county, records and published figures for 2022, one user per role scoped to
/// the first county's side, each with an API token.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    public const string LeagueIn = "150100";
    public const string LeagueOut = "150200";
    public const string CountyIn = "150102";
    public const string CountyOut = "150202";
    public const string ParkIn = "park-in";
    public const string ParkOut = "park-out";
    public const int Year = 2022;
    public static readonly string UnitIn = CreditCode.Complete("91150102MA0000001");
    public static readonly string UnitOut = CreditCode.Complete("91150202MA0000002");
    public static readonly string UnitNew = CreditCode.Complete("91150102MA0000003");
    public static readonly string UnitNewOut = CreditCode.Complete("91150202MA0000004");

    /// <summary>Every test account's password: it keeps the default password policy (12+ characters, 3 classes).</summary>
    public const string TestPassword = "Correct-horse-battery-9";

    /// <summary>The finance_institution account's bank, its tech branch, and another bank; LoanIn/EventIn are the first's.</summary>
    public static readonly string InstitutionIn = CreditCode.Complete("91150100MA0B0001X");
    public static readonly string BranchIn = CreditCode.Complete("91150102MA0B0002X");
    public static readonly string InstitutionOut = CreditCode.Complete("91150200MA0B0003X");
    public const string LoanIn = "LN-IN";
    public const string LoanOut = "LN-OUT";
    public const string EventIn = "EV-IN";
    public const string EventOut = "EV-OUT";

    public const long ReleasedNotification = 1;
    public const long DraftNotification = 2;

    /// <summary>A draft post-subsidy round for 2023 (from the 2022 records), saved at set-up.</summary>
    public const long SavedRound = 1;

    /// <summary>A draft finance round for the set-up year, saved at set-up.</summary>
    public const long SavedFinanceRound = 1;

    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public TestDatabase Database { get; }
    public WebApplicationFactory<Program> Factory { get; }
    public IReadOnlyDictionary<string, string> Tokens { get; }

    private ApiHost(TestDatabase database, WebApplicationFactory<Program> factory, Dictionary<string, string> tokens)
    {
        Database = database;
        Factory = factory;
        Tokens = tokens;
    }

    public static string? ScopeOf(string role) => role switch
    {
        Roles.CityOfficer => LeagueIn,
        Roles.CountyOfficer => CountyIn,
        Roles.ParkAdmin => ParkIn,
        Roles.Enterprise => UnitIn,
        Roles.FinanceInstitution => InstitutionIn,
        _ => null,
    };

    /// <param name="settings">Host settings on top of the database's (e.g. a higher per-address sign-in limit for a test that signs in every role).</param>
    public static async Task<ApiHost> CreateAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var database = await TestDatabase.CreateAsync();
        await database.InitAsync();
        await using (var db = database.Open())
        {
            var now = DateTime.UtcNow;
            db.Parks.Add(new Park { Id = ParkIn, Name = "园区甲", Category = ParkCategories.RegionHtz, DivisionCode = CountyIn, UpdatedAt = now });
            db.Parks.Add(new Park { Id = ParkOut, Name = "园区乙", Category = ParkCategories.RegionHtz, DivisionCode = CountyOut, UpdatedAt = now });
            await db.SaveChangesAsync();
            var a = new ReportingUnit { CreditCode = UnitIn, Name = "甲企业", Sector = Sectors.Enterprise, DivisionCode = CountyIn, ParkId = ParkIn, AboveScale = true, UpdatedAt = now };
            var b = new ReportingUnit { CreditCode = UnitOut, Name = "乙企业", Sector = Sectors.Enterprise, DivisionCode = CountyOut, ParkId = ParkOut, AboveScale = true, UpdatedAt = now };
            db.Units.AddRange(a, b);
            await db.SaveChangesAsync();
            db.RdRecords.Add(new UnitRdRecord { UnitId = a.Id, Year = Year, RdTotalFen = 1_000_000_00, RevenueFen = 50_000_000_00, UpdatedAt = now });
            db.RdRecords.Add(new UnitRdRecord { UnitId = b.Id, Year = Year, RdTotalFen = 2_000_000_00, RevenueFen = 60_000_000_00, UpdatedAt = now });
            db.DivisionFigures.Add(new DivisionFigure { DivisionCode = CountyIn, Year = Year, RdTotalFen = 5_000_000_00, UpdatedAt = now });
            db.DivisionFigures.Add(new DivisionFigure { DivisionCode = CountyOut, Year = Year, RdTotalFen = 6_000_000_00, UpdatedAt = now });
            await db.SaveChangesAsync();
            db.Institutions.AddRange(
                new RdInvest.Finance.FinancialInstitution { Code = InstitutionIn, Name = "甲银行", Kind = "bank", DivisionCode = LeagueIn, UpdatedAt = now },
                new RdInvest.Finance.FinancialInstitution { Code = BranchIn, Name = "甲银行科技支行", Kind = "tech_branch", ParentCode = InstitutionIn, DivisionCode = CountyIn, UpdatedAt = now },
                new RdInvest.Finance.FinancialInstitution { Code = InstitutionOut, Name = "乙银行", Kind = "bank", DivisionCode = LeagueOut, UpdatedAt = now });
            await db.SaveChangesAsync();
            db.Loans.AddRange(
                new RdInvest.Finance.Loan { LenderCode = BranchIn, LoanId = LoanIn, BorrowerUnitId = a.Id, Kind = "credit", GrantedOn = new DateOnly(Year, 3, 1), MaturesOn = new DateOnly(Year + 1, 3, 1), AmountFen = 100_000_00, AnnualRateBp4 = 43_500, UpdatedAt = now },
                new RdInvest.Finance.Loan { LenderCode = InstitutionOut, LoanId = LoanOut, BorrowerUnitId = b.Id, Kind = "credit", GrantedOn = new DateOnly(Year, 3, 1), MaturesOn = new DateOnly(Year + 1, 3, 1), AmountFen = 200_000_00, AnnualRateBp4 = 43_500, UpdatedAt = now });
            db.FinancingEvents.AddRange(
                new RdInvest.Finance.FinancingEvent { Id = EventIn, UnitId = a.Id, Kind = "neeq", Date = new DateOnly(Year, 6, 1), AmountRaisedFen = 1_000_000_00, InstitutionCode = InstitutionIn, UpdatedAt = now },
                new RdInvest.Finance.FinancingEvent { Id = EventOut, UnitId = b.Id, Kind = "bond", Date = new DateOnly(Year, 6, 1), AmountRaisedFen = 2_000_000_00, InstitutionCode = InstitutionOut, UpdatedAt = now });
            await db.SaveChangesAsync();
            db.Notifications.Add(new Notification { Year = 2021, PlanId = "im-rd-2021-2025", Status = NotificationStatuses.Released, CreatedAt = now, ReleasedAt = now, Fingerprint = "f1", ContentHtml = "<h1>2021年通报</h1>" });
            await db.SaveChangesAsync();
            db.Notifications.Add(new Notification { Year = Year, PlanId = "im-rd-2021-2025", Status = NotificationStatuses.Draft, CreatedAt = now, Fingerprint = "f2", ContentHtml = "<h1>2022年通报（草稿）</h1>" });
            await db.SaveChangesAsync();
        }
        await using (var db = database.Open())
        {
            var saved = await new RdInvest.Subsidies.SavedRoundHandler(db, TimeProvider.System).SaveAsync(
                new RdInvest.Subsidies.SubsidyRoundRequest(Year + 1, 1_000_000m), RdInvest.Plans.PlanLoader.BuiltIn("im-rd-2021-2025"), Actor.Cli("test"), CancellationToken.None);
            if (saved.Round.Id != SavedRound)
            {
                throw new InvalidOperationException("the set-up round is not round 1");
            }
            var finance = await new RdInvest.Finance.SavedFinanceRoundHandler(db, TimeProvider.System).SaveAsync(
                new RdInvest.Finance.FinanceRoundRequest(Year, null), RdInvest.Plans.PlanLoader.BuiltIn("im-rd-2021-2025"), Actor.Cli("test"), CancellationToken.None);
            if (finance.Round.Id != SavedFinanceRound)
            {
                throw new InvalidOperationException("the set-up finance round is not round 1");
            }
        }
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("db", database.DbArgument);
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                b.UseSetting(key, value);
            }
            b.UseEnvironment("Production");
        });
        var tokens = new Dictionary<string, string>();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<RdInvestDb>();
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            foreach (var role in Roles.All)
            {
                await new AddUserHandler(users, db, TimeProvider.System)
                    .HandleAsync(new AddUserRequest(role.Replace('_', '-'), role, ScopeOf(role), TestPassword), Actor.Cli("test"), CancellationToken.None);
                tokens[role] = (await new IssueTokenHandler(db, TimeProvider.System).HandleAsync(role.Replace('_', '-'), null, Actor.Cli("test"), CancellationToken.None)).Token;
            }
        }
        return new ApiHost(database, factory, tokens);
    }

    /// <summary>A client signed in with the role's bearer token, or anonymous when role is null.</summary>
    public HttpClient Client(string? role)
    {
        var c = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (role is not null)
        {
            c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens[role]);
        }
        return c;
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage r) =>
        await r.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
