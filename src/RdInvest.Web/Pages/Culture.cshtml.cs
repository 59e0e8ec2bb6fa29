using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace RdInvest.Web.Pages;

/// <summary>The language switch: remembers 中文 or English in the request-culture cookie and goes back.</summary>
public sealed class CultureModel : PageModel
{
    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        var c = culture == "en" ? PageSetup.English : PageSetup.Chinese;
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(c)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        return LocalRedirect(returnUrl is { Length: > 0 } r && Url.IsLocalUrl(r) ? r : "/");
    }

    public IActionResult OnGet() => LocalRedirect("/");
}
