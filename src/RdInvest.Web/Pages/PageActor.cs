using RdInvest.Accounts;
using RdInvest.Auditing;

namespace RdInvest.Web.Pages;

/// <summary>The actor of a page's write: the signed-in user and the request id, as the API's audit entries name them.</summary>
public static class PageActor
{
    public static Actor Of(HttpContext http) =>
        new(UserScope.From(http.User)?.Name ?? throw new InvalidOperationException("a page write without a signed-in user"), http.TraceIdentifier);
}
