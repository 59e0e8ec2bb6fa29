using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RdInvest.Data;

namespace RdInvest.Accounts;

/// <summary>Identity for both hosts: the user store on RdInvestDb, password rules and lockout.</summary>
public static class AccountSetup
{
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Identity with the password policy of <see cref="PasswordPolicy"/>: a host that reads settings registers its
    /// policy first; otherwise the environment's (<see cref="PasswordPolicy.FromEnvironment"/>).
    /// </summary>
    public static IdentityBuilder AddRdInvestIdentityCore(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => PasswordPolicy.FromEnvironment());
        return services.AddIdentityCore<AppUser>(ConfigureOptions).AddEntityFrameworkStores<RdInvestDb>()
            .AddPasswordValidator<PolicyPasswordValidator>();
    }

    public static void ConfigureOptions(IdentityOptions o)
    {
        o.User.RequireUniqueEmail = false;
        o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
        // The length and character classes are PolicyPasswordValidator's (settings, messages in Chinese and English).
        o.Password.RequiredLength = 1;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireDigit = false;
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
        o.Lockout.DefaultLockoutTimeSpan = LockoutTime;
    }
}
