namespace RdInvest.Web.Pages.Users;

/// <summary>What the add-user form posts.</summary>
public sealed class AddUserForm
{
    public string? Name { get; set; }
    public string? Role { get; set; }
    public string? Scope { get; set; }
    public string? Password { get; set; }
}
