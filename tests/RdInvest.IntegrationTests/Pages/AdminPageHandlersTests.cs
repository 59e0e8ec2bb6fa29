using System.Net;
using System.Net.Http.Json;
using RdInvest.Accounts;
using RdInvest.Auditing;
using RdInvest.IntegrationTests.Api;
using Xunit;
using static RdInvest.IntegrationTests.Api.ApiHost;

namespace RdInvest.IntegrationTests.Pages;

/// <summary>
/// The library handlers behind the users and audit pages, on SQLite and PostgreSQL: the audit log filtered by who,
/// what and when and paged in the database (the page and GET /api/v1/audit share it), and the add-user errors that
/// name their field so a form can show them beside it.
/// </summary>
public sealed class AdminPageHandlersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AuditQuery_WhoWhatWhen_FiltersAndPagesInTheDatabase()
    {
        await using var host = await CreateAsync();
        await using var db = host.Database.Open();
        var handler = new AuditQueryHandler(db);
        var all = await handler.PageAsync(new AuditQuery(), 1, 1000, Ct);
        // The set-up wrote one user.add and one user.token per role, and saved a round.
        Assert.True(all.Matching >= Roles.All.Count * 2, $"{all.Matching} entries");
        Assert.Equal(all.Items.Select(i => i.Id).OrderDescending(), all.Items.Select(i => i.Id));

        var adds = await handler.PageAsync(new AuditQuery(Action: "user.add"), 1, 3, Ct);
        Assert.Equal(Roles.All.Count, adds.Matching);
        Assert.Equal(3, adds.Items.Count);
        Assert.All(adds.Items, i => Assert.Equal("user.add", i.Action));
        // "user." is a prefix of every account action; an action in the middle of a name is not matched.
        Assert.Equal(Roles.All.Count * 2, (await handler.PageAsync(new AuditQuery(Action: "user."), 1, 100, Ct)).Matching);
        Assert.Equal(0, (await handler.PageAsync(new AuditQuery(Action: "add"), 1, 100, Ct)).Matching);

        // A page past the end is the last page.
        var last = await handler.PageAsync(new AuditQuery(Action: "user.add"), 99, 3, Ct);
        Assert.Equal((Roles.All.Count + 2) / 3, last.Page);
        Assert.Equal(Roles.All.Count - ((last.Page - 1) * 3), last.Items.Count);

        Assert.Equal(all.Items.Count(i => i.Actor.Contains("tes", StringComparison.Ordinal)), (await handler.PageAsync(new AuditQuery(Actor: "tes"), 1, 1, Ct)).Matching);
        Assert.Equal(0, (await handler.PageAsync(new AuditQuery(Actor: "nobody"), 1, 1, Ct)).Matching);
        Assert.Equal(2, (await handler.PageAsync(new AuditQuery(Entity: "user", Key: "auditor"), 1, 10, Ct)).Matching);
        Assert.Equal(2, (await handler.PageAsync(new AuditQuery(Text: "auditor"), 1, 10, Ct)).Matching);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(all.Matching, (await handler.PageAsync(new AuditQuery(From: today.AddDays(-1), To: today), 1, 1, Ct)).Matching);
        Assert.Equal(0, (await handler.PageAsync(new AuditQuery(To: today.AddDays(-1)), 1, 1, Ct)).Matching);
        Assert.Equal(0, (await handler.PageAsync(new AuditQuery(From: today.AddDays(1)), 1, 1, Ct)).Matching);
        var backwards = await Assert.ThrowsAsync<AuditFilterError>(() => handler.PageAsync(new AuditQuery(From: today, To: today.AddDays(-1)), 1, 1, Ct));
        Assert.Equal("to", backwards.Field);

        var sorted = await handler.ListAsync(new AuditQuery(Sort: "action", Desc: false, Take: 1000), Ct);
        Assert.Equal(sorted.Select(i => i.Action).Order(StringComparer.Ordinal), sorted.Select(i => i.Action));

        var one = await handler.FindAsync(adds.Items[0].Id, Ct);
        Assert.NotNull(one);
        Assert.Contains(AuditChanges.Of(one.OldValues, one.NewValues), c => c.Field == "role" && c.Before is null && c.After is not null && c.Changed);
        Assert.Null(await handler.FindAsync(999_999, Ct));
    }

    [Fact]
    public async Task AuditApi_ActorActionAndDates_AreTheHandlersFilters()
    {
        await using var host = await CreateAsync();
        using var c = host.Client(Roles.Auditor);
        var adds = await ReadAsync(await c.GetAsync("/api/v1/audit?action=user.add&take=1000", Ct));
        Assert.Equal(Roles.All.Count, adds.GetArrayLength());
        var today = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(0, (await ReadAsync(await c.GetAsync($"/api/v1/audit?to={today}", Ct))).GetArrayLength());
        using var backwards = await c.GetAsync("/api/v1/audit?from=2024-06-30&to=2024-01-01", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal("to", (await ReadAsync(backwards)).GetProperty("field").GetString());
    }

    [Theory]
    [InlineData(Roles.CountyOfficer, "999999", "scope")]
    [InlineData(Roles.CityOfficer, CountyIn, "scope")]
    [InlineData(Roles.CountyOfficer, null, "scope")]
    [InlineData(Roles.Auditor, CountyIn, "scope")]
    [InlineData("chief", null, "role")]
    public async Task AddUser_BadRoleOrScope_Is400NamingTheField_NothingStored(string role, string? scope, string field)
    {
        await using var host = await CreateAsync();
        using var c = host.Client(Roles.SecurityAdmin);
        using var r = await c.PostAsJsonAsync("/api/v1/users", new { name = "new-user", role, scope, password = (string?)null }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal(field, (await ReadAsync(r)).GetProperty("field").GetString());
        await using var db = host.Database.Open();
        Assert.DoesNotContain(await new ListUsersHandler(db, TimeProvider.System).HandleAsync(Ct), u => u.Name == "new-user");
    }
}
