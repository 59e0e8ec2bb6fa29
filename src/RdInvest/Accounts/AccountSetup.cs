using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RdInvest.Data;

namespace RdInvest.Accounts;

/// <summary>Identity for both hosts: the user store on RdInvestDb, password rules and lockout.</summary>
public static class AccountSetup
{
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    public static IdentityBuilder AddRdInvestIdentityCore(this IServiceCollection services) =>
        services.AddIdentityCore<AppUser>(ConfigureOptions).AddEntityFrameworkStores<RdInvestDb>();

    public static void ConfigureOptions(IdentityOptions o)
    {
        o.User.RequireUniqueEmail = false;
        o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
        o.Password.RequiredLength = 10;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireDigit = false;
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
        o.Lockout.DefaultLockoutTimeSpan = LockoutTime;
    }
}
