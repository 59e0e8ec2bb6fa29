using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RdInvest.Accounts;
using RdInvest.Data;

namespace RdInvest.Web.Pages;

/// <summary>Sign-in with an Identity account (cookie); the same lockout and disabled-account rules as POST /api/v1/account/login.</summary>
public sealed class LoginModel(SignInManager<AppUser> signIn, RdInvestDb db, IStringLocalizer<SharedResource> text) : RdPageModel(text)
{
    [BindProperty]
    [Required]
    public string UserName { get; set; } = "";

    [BindProperty]
    [Required]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public override bool ShowSelectors => false;

    public async Task OnGetAsync(CancellationToken ct) => await FrameAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await FrameAsync(ct);
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Error = T["Login.Missing"];
            return Page();
        }
        var user = await signIn.UserManager.FindByNameAsync(UserName.Trim());
        if (user is null)
        {
            Error = T["Login.Wrong"];
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            Error = UserStatusHandler.IsDisabled(user.LockoutEnd) ? T["Login.Disabled"] : T["Login.Locked"];
            return Page();
        }
        if (!result.Succeeded)
        {
            Error = T["Login.Wrong"];
            return Page();
        }
        return LocalRedirect(ReturnUrl is { Length: > 0 } r && Url.IsLocalUrl(r) ? r : "/");
    }

    private async Task FrameAsync(CancellationToken ct)
    {
        await LoadFrameAsync(db, ct);
        Title = T["Login.Title"];
        Crumbs.Add(new Crumb(Title));
    }
}
