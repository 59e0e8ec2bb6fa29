using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RdInvest.Accounts;
using RdInvest.Data;

namespace RdInvest.Demo;

/// <summary>A demo account: its name, role and scope (the password is <see cref="DemoAccountsHandler.Password"/>).</summary>
public sealed record DemoAccount(string Name, string Role, string? Scope);

/// <summary>
/// One account per role for the demo database (`rdinvest serve --demo`), all with the documented password
/// <see cref="Password"/> (exempt from the password policy and expiry: demo only). The city officer has 包头市, the county officer its first county, the park administrator a
/// park of 包头, the enterprise a unit there. Accounts that exist are left as they are. Never for real data.
/// </summary>
public sealed class DemoAccountsHandler(UserManager<AppUser> users, RdInvestDb db, TimeProvider clock)
{
    public const string Password = "rdinvest-demo";
    public const string DemoLeagueCity = "150200";

    public async Task<IReadOnlyList<DemoAccount>> HandleAsync(CancellationToken ct)
    {
        var county = await db.Divisions.AsNoTracking().Where(d => d.ParentCode == DemoLeagueCity && d.Level == DivisionLevels.County)
            .OrderBy(d => d.Code).Select(d => d.Code).FirstAsync(ct);
        var park = await db.Parks.AsNoTracking().Where(p => p.DivisionCode == DemoLeagueCity || db.Divisions.Any(d => d.Code == p.DivisionCode && d.ParentCode == DemoLeagueCity))
            .OrderBy(p => p.Id).Select(p => p.Id).FirstOrDefaultAsync(ct)
            ?? await db.Parks.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(ct);
        var unit = await db.Units.AsNoTracking().Where(u => u.DivisionCode == county && u.Sector == Sectors.Enterprise)
            .OrderBy(u => u.CreditCode).Select(u => u.CreditCode).FirstOrDefaultAsync(ct)
            ?? await db.Units.AsNoTracking().OrderBy(u => u.CreditCode).Select(u => u.CreditCode).FirstAsync(ct);
        DemoAccount[] accounts =
        [
            new("demo-admin", Roles.RegionAdmin, null),
            new("demo-analyst", Roles.RegionAnalyst, null),
            new("demo-city", Roles.CityOfficer, DemoLeagueCity),
            new("demo-county", Roles.CountyOfficer, county),
            new("demo-park", Roles.ParkAdmin, park),
            new("demo-enterprise", Roles.Enterprise, unit),
            new("demo-finance", Roles.Finance, null),
            new("demo-auditor", Roles.Auditor, null),
            new("demo-security", Roles.SecurityAdmin, null),
        ];
        // The financial institution: the first bank with an S&T branch (its loans and its branch's), when the demo has one.
        var bank = await db.Institutions.AsNoTracking()
            .Where(i => i.Kind == Finance.InstitutionKinds.Bank && db.Institutions.Any(b => b.ParentCode == i.Code))
            .OrderBy(i => i.Code).Select(i => i.Code).FirstOrDefaultAsync(ct);
        if (bank is not null)
        {
            accounts = [.. accounts, new("demo-bank", Roles.FinanceInstitution, bank)];
        }
        foreach (var a in accounts)
        {
            if (await users.FindByNameAsync(a.Name) is null)
            {
                await new AddUserHandler(users, db, clock).HandleAsync(new AddUserRequest(a.Name, a.Role, a.Scope, null), Auditing.Actor.Cli("demo"), ct);
                await SetDemoPasswordAsync(a.Name, ct);
            }
        }
        return accounts;
    }

    /// <summary>
    /// The documented demo password, set past the password policy (too simple by design) and exempt from expiry, so
    /// `scripts/run.sh`'s printed accounts keep working; a real deployment has no such account.
    /// </summary>
    private async Task SetDemoPasswordAsync(string name, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(name) ?? throw new InvalidOperationException("the demo account was not created");
        user.PasswordHash = users.PasswordHasher.HashPassword(user, Password);
        user.PasswordNeverExpires = true;
        PolicyPasswordValidator.Record(db, user, clock.GetUtcNow().UtcDateTime);
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("the demo password could not be set");
        }
        await db.SaveChangesAsync(ct);
    }
}
