using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RdInvest.Accounts;
using RdInvest.Data;
using RdInvest.Web.Security;

namespace RdInvest.Web.Pages;

/// <summary>Sign-in with an Identity account (cookie), through the same <see cref="SignInService"/> as POST /api/v1/account/login.</summary>
public sealed class LoginModel(SignInService signIn, RdInvestDb db, IStringLocalizer<SharedResource> text) : RdPageModel(text)
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

    /// <summary>"password" after a password change: sign in with the new one.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

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
        var (outcome, _) = await signIn.SignInAsync(UserName, Password, HttpContext, ct);
        if (outcome == SignInOutcome.Expired)
        {
            return LocalRedirect("/account/password?expired=true&user=" + Uri.EscapeDataString(UserName.Trim()));
        }
        if (outcome != SignInOutcome.Succeeded)
        {
            Error = outcome switch
            {
                SignInOutcome.Disabled => T["Login.Disabled"],
                SignInOutcome.Locked => T["Login.Locked"],
                SignInOutcome.Throttled => T["Login.Throttled"],
                _ => T["Login.Wrong"],
            };
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
