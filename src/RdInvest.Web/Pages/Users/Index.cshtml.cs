using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RdInvest.Accounts;
using RdInvest.Auditing;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Web.Pages.Tables;

namespace RdInvest.Web.Pages.Users;

/// <summary>
/// `/users` (region administrators): every account with its role, scope and state, and the form adding one. Adding
/// calls <see cref="AddUserHandler"/> as POST /api/v1/users does (same checks, same audit entry); a password typed
/// here is never shown again.
/// </summary>
public sealed class IndexModel(RdInvestDb db, UserManager<AppUser> users, IStringLocalizer<SharedResource> text) : ReadingPageModel(text)
{
    public TableView List { get; private set; } = null!;

    [BindProperty]
    public AddUserForm Form { get; set; } = new();

    /// <summary>Field name → the message shown under it; "" for a message above the form.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public override bool ShowSelectors => false;

    protected override string PagePath => "/users";

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        await LoadFrameAsync(db, ct);
        Title = T["Users.Title"];
        Crumbs.Add(new Crumb(Title));
        var rows = await new ListUsersHandler(db, TimeProvider.System).HandleAsync(ct);
        List = Table("users", T["Users.Caption"],
        [
            new("name", T["Users.Name"]), new("role", T["Users.Role"]), new("scope", T["Users.Scope"]), new("state", T["Users.State"]),
            new("password", T["Users.HasPassword"]), new("tokens", T["Users.Tokens"], true), new("created", T["Users.Created"]),
        ], rows.Select(u => new TableRow(
        [
            new TableCell(u.Name, u.Name, "/users/" + Uri.EscapeDataString(u.Name)),
            new TableCell(T["Role." + u.Role], u.Role),
            new TableCell(u.Scope ?? Format.Missing, u.Scope),
            StateCell(u),
            new TableCell(u.HasPassword ? T["Common.Yes"] : T["Common.No"], u.HasPassword ? 1m : 0m),
            new TableCell(u.Tokens.ToString(CultureInfo.InvariantCulture), (decimal)u.Tokens),
            new TableCell(Stamp(u.CreatedAt), u.CreatedAt.ToString("O", CultureInfo.InvariantCulture)),
        ])).ToList());
        return null;
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var request = new AddUserRequest(Form.Name?.Trim() ?? "", Form.Role ?? "", Form.Scope, string.IsNullOrEmpty(Form.Password) ? null : Form.Password);
        try
        {
            var added = await new AddUserHandler(users, db, TimeProvider.System).HandleAsync(request, PageActor.Of(HttpContext), ct);
            return Redirect("/users/" + Uri.EscapeDataString(added.Name) + "?done=added");
        }
        catch (AccountFieldError e)
        {
            Errors[e.Field] = Message(e);
        }
        catch (AccountChoiceError e)
        {
            Errors[e.Field] = Message(e);
        }
        catch (ConflictError e)
        {
            Errors["name"] = Message(e);
        }
        // The password is never sent back, not even after an error.
        Form.Password = null;
        return await LoadAsync(ct) ?? Page();
    }

    public string Message(UserError e) => IsEnglish ? e.MessageEn : e.MessageZh;

    /// <summary>The form control's class: invalid when its field has an error.</summary>
    public string Control(string field, string css = "form-control") => Errors.ContainsKey(field) ? css + " is-invalid" : css;

    public TableCell StateCell(UserItem u)
    {
        var (key, css) = u.Disabled ? ("Users.StateDisabled", "rd-user-off") : u.LockedOut ? ("Users.StateLocked", "rd-user-locked") : ("Users.StateEnabled", "rd-user-on");
        return new TableCell(T[key], key, null, null, css);
    }

    /// <summary>A stored UTC time as written in the audit log and account lists: 2024-06-30 08:15 UTC.</summary>
    public static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
