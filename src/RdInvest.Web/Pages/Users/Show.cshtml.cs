using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RdInvest.Accounts;
using RdInvest.Common;
using RdInvest.Data;

namespace RdInvest.Web.Pages.Users;

/// <summary>
/// `/users/{name}` (the security administrator): one account, changing its role (never one's own), disabling (a reason is required) and enabling it, its API
/// tokens with revoking, and issuing a token — shown on this response once and never again. Each write calls the
/// handler the users API calls (<see cref="UserStatusHandler"/>, <see cref="TokensHandler"/>, <see cref="IssueTokenHandler"/>),
/// so the checks and audit entries are the same. An unknown name is 404.
/// </summary>
public sealed class ShowModel(RdInvestDb db, UserManager<AppUser> users, IStringLocalizer<SharedResource> text) : RdPageModel(text)
{
    [BindProperty(SupportsGet = true, Name = "name")]
    public string UserName { get; set; } = "";

    /// <summary>What the last write did (added, disabled, enabled, revoked), after its redirect.</summary>
    [BindProperty(SupportsGet = true, Name = "done")]
    public string? Done { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? TokenName { get; set; }

    [BindProperty]
    public string? NewRole { get; set; }

    [BindProperty]
    public string? NewScope { get; set; }

    public UserItem Account { get; private set; } = null!;

    public IReadOnlyList<TokenItem> Tokens { get; private set; } = [];

    /// <summary>The token just issued: on this response only.</summary>
    public IssuedToken? Issued { get; private set; }

    /// <summary>Field name → the message shown under it ("" above the page's forms).</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public override bool ShowSelectors => false;

    public bool IsSelf => string.Equals(CurrentUser?.Name, Account.Name, StringComparison.OrdinalIgnoreCase);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostDisableAsync(CancellationToken ct) => WriteAsync("reason", "disabled",
        () => new UserStatusHandler(users, db, TimeProvider.System).SetDisabledAsync(UserName, true, Reason, PageActor.Of(HttpContext), ct), ct);

    public Task<IActionResult> OnPostEnableAsync(CancellationToken ct) => WriteAsync("enable-reason", "enabled",
        () => new UserStatusHandler(users, db, TimeProvider.System).SetDisabledAsync(UserName, false, Reason, PageActor.Of(HttpContext), ct), ct);

    /// <summary>Another role for the account; never one's own (the handler refuses it: 403, shown above the forms).</summary>
    public Task<IActionResult> OnPostRoleAsync(CancellationToken ct) => WriteAsync("role", "role",
        () => new ChangeRoleHandler(users, db, TimeProvider.System).HandleAsync(UserName, new ChangeRoleRequest(NewRole, NewScope), PageActor.Of(HttpContext), ct), ct);

    public Task<IActionResult> OnPostRevokeAsync(long tokenId, CancellationToken ct) => WriteAsync("token", "revoked",
        () => new TokensHandler(db, TimeProvider.System).RevokeAsync(UserName, tokenId, PageActor.Of(HttpContext), ct), ct);

    public async Task<IActionResult> OnPostTokenAsync(CancellationToken ct)
    {
        try
        {
            Issued = await new IssueTokenHandler(db, TimeProvider.System).HandleAsync(UserName, TokenName, PageActor.Of(HttpContext), ct);
            TokenName = null;
        }
        catch (NotFoundError)
        {
            return NotFound();
        }
        catch (UserError e)
        {
            Errors["token-name"] = Message(e);
        }
        // Shown on this response only: no redirect, and the page is not cached.
        Response.Headers.CacheControl = "no-store";
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<IActionResult> WriteAsync<TResult>(string field, string done, Func<Task<TResult>> write, CancellationToken ct)
    {
        try
        {
            await write();
            return Redirect("/users/" + Uri.EscapeDataString(UserName) + "?done=" + done);
        }
        catch (NotFoundError) when (field != "token")
        {
            return NotFound();
        }
        catch (UserError e)
        {
            Errors[e is AccountFieldError or AccountChoiceError ? FieldOf(e, field) : ""] = Message(e);
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var account = (await new ListUsersHandler(db, TimeProvider.System).HandleAsync(ct))
            .FirstOrDefault(u => string.Equals(u.Name, UserName, StringComparison.OrdinalIgnoreCase));
        if (account is null)
        {
            return false;
        }
        await LoadFrameAsync(db, ct);
        Account = account;
        UserName = account.Name;
        Tokens = await new TokensHandler(db, TimeProvider.System).ListAsync(account.Name, ct);
        Title = account.Name;
        Crumbs.Add(new Crumb(T["Users.Title"], "/users"));
        Crumbs.Add(new Crumb(account.Name));
        return true;
    }

    private static string FieldOf(UserError e, string field) => field == "role" && e is AccountChoiceError { Field: "scope" } ? "scope" : field;

    public string Message(UserError e) => IsEnglish ? e.MessageEn : e.MessageZh;

    public string Control(string field, string css = "form-control") => Errors.ContainsKey(field) ? css + " is-invalid" : css;

    /// <summary>Whether the audit link shows: only for a reader of the audit log (三员分立: not the security administrator).</summary>
    public bool CanReadAudit => CurrentUser?.IsIn(Roles.AuditReaders) == true;

    /// <summary>The account's audit entries.</summary>
    public string AuditLink => "/audit?entity=user&key=" + Uri.EscapeDataString(Account.Name);
}
