using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RdInvest.Data;

namespace RdInvest.Web.Pages;

/// <summary>Sign-out: GET asks (a link cannot sign anyone out), POST signs out and returns to the public portal.</summary>
public sealed class LogoutModel(SignInManager<AppUser> signIn, RdInvestDb db, IStringLocalizer<SharedResource> text) : RdPageModel(text)
{
    public override bool ShowSelectors => false;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadFrameAsync(db, ct);
        Title = T["Logout.Title"];
        Crumbs.Add(new Crumb(Title));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
