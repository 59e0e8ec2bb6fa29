using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RdInvest.Accounts;
using RdInvest.Auditing;
using RdInvest.Common;
using RdInvest.Data;

namespace RdInvest.Web.Pages.Account;

/// <summary>
/// `/account/password`: one's own password, through the handler POST /api/v1/account/password calls
/// (<see cref="ChangePasswordHandler"/>). Signed in, the account is the signed-in one; signed out, after the sign-in page
/// found the password expired, the name comes with the form. After a change every session of the account ends, so the
/// page signs out and sends the user to sign in with the new password.
/// </summary>
public sealed class PasswordModel(RdInvestDb db, UserManager<AppUser> users, SignInManager<AppUser> signIn, PasswordPolicy policy,
    IStringLocalizer<SharedResource> text) : RdPageModel(text)
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Expired { get; set; }

    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public PasswordPolicy Policy => policy;

    /// <summary>Field name → the message shown under it ("" above the form).</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public override bool ShowSelectors => false;

    public async Task OnGetAsync(CancellationToken ct) => await FrameAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await FrameAsync(ct);
        var name = CurrentUser?.Name ?? UserName;
        if (!string.Equals(NewPassword, ConfirmPassword, StringComparison.Ordinal))
        {
            Errors["confirm"] = T["Security.PasswordMismatch"];
            return Page();
        }
        try
        {
            var actor = new Actor(CurrentUser?.Name ?? (name ?? "").Trim(), HttpContext.TraceIdentifier);
            var (outcome, _) = await new ChangePasswordHandler(users, db, TimeProvider.System)
                .HandleAsync(new ChangePasswordRequest(name, CurrentPassword, NewPassword), actor, ct);
            if (outcome == PasswordChangeOutcome.Changed)
            {
                await signIn.SignOutAsync();
                return LocalRedirect("/login?done=password");
            }
            Errors[""] = outcome switch
            {
                PasswordChangeOutcome.Disabled => T["Login.Disabled"],
                PasswordChangeOutcome.Locked => T["Login.Locked"],
                _ => T["Security.CurrentWrong"],
            };
        }
        catch (UserError e)
        {
            var field = e is AccountFieldError f ? f.Field : "";
            Errors[field == "new_password" ? "new" : field == "current_password" ? "current" : field == "user_name" ? "user" : ""] = IsEnglish ? e.MessageEn : e.MessageZh;
        }
        return Page();
    }

    private async Task FrameAsync(CancellationToken ct)
    {
        await LoadFrameAsync(db, ct);
        UserName = CurrentUser?.Name ?? UserName?.Trim();
        Title = T["Security.ChangePassword"];
        Crumbs.Add(new Crumb(Title));
    }

    public string Control(string field) => Errors.ContainsKey(field) ? "form-control is-invalid" : "form-control";
}
