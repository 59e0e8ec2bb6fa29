using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.FileProviders;
using RdInvest.Accounts;

namespace RdInvest.Web.Pages;

/// <summary>
/// The Razor Pages of the web platform: page authorization from <see cref="PageAccess"/>, zh-CN by default with
/// English remembered in the request-culture cookie, static files from wwwroot next to the assembly.
/// </summary>
public static class PageSetup
{
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>wwwroot beside the assembly (copied there by the build, also for `rdinvest serve` and publish).</summary>
    public static string WebRoot
    {
        get
        {
            var beside = Path.Combine(AppContext.BaseDirectory, "wwwroot");
            return Directory.Exists(beside) ? beside : Path.Combine(Directory.GetCurrentDirectory(), "wwwroot");
        }
    }

    public static void AddRdInvestPages(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddRazorPages(o =>
        {
            foreach (var page in PageAccess.Pages)
            {
                var folder = "/" + page.Folder;
                if (page.Anonymous)
                {
                    if (page.Folder.Length == 0)
                    {
                        o.Conventions.AllowAnonymousToPage("/Index");
                    }
                    else
                    {
                        o.Conventions.AllowAnonymousToFolder(folder);
                    }
                }
                else
                {
                    o.Conventions.AuthorizeFolder(folder, PolicyName(page));
                }
            }
            o.Conventions.AllowAnonymousToPage("/Login");
            o.Conventions.AllowAnonymousToPage("/Culture");
            o.Conventions.AllowAnonymousToPage("/Logout");
            // Changing one's password needs the current one, and works signed out (an expired password cannot sign in).
            o.Conventions.AllowAnonymousToPage("/Account/Password");
        }).ConfigureApplicationPartManager(m =>
        {
            // `rdinvest serve` is the entry assembly there, so this assembly's compiled pages are added by hand.
            var assembly = typeof(PageSetup).Assembly;
            if (!m.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == assembly))
            {
                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                {
                    m.ApplicationParts.Add(part);
                }
            }
        });
        services.AddAuthorization(o =>
        {
            foreach (var page in PageAccess.Pages.Where(p => !p.Anonymous))
            {
                o.AddPolicy(PolicyName(page), p =>
                {
                    p.RequireAuthenticatedUser();
                    if (page.Roles is not null)
                    {
                        p.RequireRole(page.Roles);
                    }
                });
            }
        });
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        // Chinese text as text, not as &#x…; entities (smaller pages, readable source).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Chinese);
            o.SupportedCultures = [Chinese, English];
            o.SupportedUICultures = [Chinese, English];
            // Chinese unless the visitor chose English with the switch; the browser's Accept-Language is not asked.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        // Pages send a signed-out visitor to /login; the API keeps answering 401/403 (Security/Auth.cs).
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var toLogin = o.Events.OnRedirectToLogin;
            o.LoginPath = "/login";
            o.Events.OnRedirectToLogin = ctx =>
            {
                if (IsPage(ctx.Request))
                {
                    ctx.Response.Redirect(ctx.RedirectUri);
                    return Task.CompletedTask;
                }
                return toLogin(ctx);
            };
        });
    }

    private static bool IsPage(HttpRequest r) =>
        !r.Path.StartsWithSegments("/api", StringComparison.Ordinal) && HttpMethods.IsGet(r.Method);

    public static string PolicyName(PageEntry page) => "page:" + page.Key;

    /// <summary>Before authentication: static files (public), then the request culture.</summary>
    public static void UseRdInvestPages(this IApplicationBuilder app)
    {
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(WebRoot) });
        app.UseRequestLocalization();
    }
}
