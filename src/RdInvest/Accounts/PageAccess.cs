namespace RdInvest.Accounts;

/// <summary>A page of the web platform: its folder under Pages/, its URL, its navigation group and who may open it.</summary>
/// <param name="Key">Resource key of its navigation label (Nav.&lt;Key&gt;).</param>
/// <param name="Folder">Its folder under Pages/ ("" for the home page).</param>
/// <param name="Path">Its URL.</param>
/// <param name="Group">Navigation group: <see cref="PageAccess.Reading"/>, <see cref="PageAccess.Work"/> or <see cref="PageAccess.Finance"/>.</param>
/// <param name="Roles">Roles admitted when signed in; null admits every signed-in role.</param>
/// <param name="Anonymous">Open without sign-in (the public portal and the released notifications).</param>
public sealed record PageEntry(string Key, string Folder, string Path, string Group, IReadOnlyList<string>? Roles, bool Anonymous = false)
{
    public bool Admits(UserScope? user) => Anonymous || (user is not null && (Roles is null || user.IsIn(Roles)));
}

/// <summary>
/// The role × page table of the web platform. The web host authorizes each page folder from it and builds the
/// navigation from it, so a link never shows where the page would refuse. The role lists are the ones the API's
/// endpoints require (<see cref="Accounts.Roles"/>); scope within a page is <see cref="ScopeService"/>'s, as in the API.
/// </summary>
public static class PageAccess
{
    public const string Reading = "reading";
    public const string Work = "work";

    /// <summary>Navigation group of the finance pages (科技金融, 二(三)7–10).</summary>
    public const string Finance = "finance";

    /// <summary>Roles whose scope is made of divisions (the region, a league/city or a county).</summary>
    public static readonly IReadOnlyList<string> DivisionReaders = [.. Roles.Global, Roles.CityOfficer, Roles.CountyOfficer];

    /// <summary>Roles that read the league/city assessment: region readers, and city officers (their own row highlighted).</summary>
    public static readonly IReadOnlyList<string> AssessmentReaders = [.. Roles.RegionReaders, Roles.CityOfficer];

    /// <summary>Roles that read the park evaluation: region readers, and park administrators (their park highlighted).</summary>
    public static readonly IReadOnlyList<string> ParkReaders = [.. Roles.RegionReaders, Roles.ParkAdmin];

    /// <summary>Roles that read the finance records, statistics and evaluation: the finance office and the region readers, as the finance API.</summary>
    public static readonly IReadOnlyList<string> FinanceReaders = Roles.RegionReaders;

    public static readonly IReadOnlyList<PageEntry> Pages =
    [
        new("Home", "", "/", Reading, null, Anonymous: true),
        new("Divisions", "Divisions", "/divisions", Reading, DivisionReaders),
        new("Targets", "Targets", "/targets", Reading, DivisionReaders),
        new("Parks", "Parks", "/parks", Reading, ParkReaders),
        new("Assessment", "Assessment", "/assessment", Reading, AssessmentReaders),
        new("Notifications", "Notifications", "/notifications", Reading, null, Anonymous: true),
        // Every signed-in role reads the units of its own scope (ScopeService.Units): a park's, an enterprise's own.
        new("Units", "Units", "/units", Reading, null),
        // The work pages: the same roles as their API groups (imports, approvals); scope within them is ScopeService's.
        new("Imports", "Imports", "/imports", Work, Roles.Importers),
        new("Approvals", "Approvals", "/approvals", Work, Roles.Approvers),
        // The calculator: every signed-in role (an enterprise gets its own records pre-filled).
        new("Calc", "Calc", "/calc", Work, null),
        // The enterprise's own page: its records, claims and payments; other roles are refused (403).
        new("Me", "Me", "/me", Work, [Roles.Enterprise]),
        // Work pages. Saved rounds are read by the subsidy readers; running, saving and approving is checked per action.
        new("SubsidyRounds", "SubsidyRounds", "/subsidy-rounds", Work, Roles.SubsidyReaders),
        new("Payments", "Payments", "/payments", Work, Roles.PaymentReaders),
        // The finance round (二(三)7–9): read by the subsidy readers; running, saving and approving checked per action.
        new("FinanceRounds", "FinanceRounds", "/finance-rounds", Work, Roles.SubsidyReaders),
        // Accounts, as the users API: the security administrator only (三员分立).
        new("Users", "Users", "/users", Work, Roles.AccountAdmins),
        // The audit log and its chain, as the audit API: the audit administrator (auditor) only (三员分立).
        new("Audit", "Audit", "/audit", Work, Roles.AuditReaders),
        // Finance for innovation (二(三)7–10): institutions, loans, the special statistics and evaluation, as the finance API.
        // A financial institution sees its own institution, branches and loans there (the pages narrow to its scope).
        new("FinanceInstitutions", "Finance/Institutions", "/finance/institutions", Finance, [.. FinanceReaders, Roles.FinanceInstitution]),
        new("FinanceLoans", "Finance/Loans", "/finance/loans", Finance, [.. FinanceReaders, Roles.FinanceInstitution]),
        new("FinanceStats", "Finance/Stats", "/finance/stats", Finance, FinanceReaders),
        new("FinanceEvaluation", "Finance/Evaluation", "/finance/evaluation", Finance, FinanceReaders),
    ];

    /// <summary>The pages this user may open, in navigation order.</summary>
    public static IEnumerable<PageEntry> For(UserScope? user) => Pages.Where(p => p.Admits(user));

    /// <summary>Roles whose home page is the scoped dashboard (the others see the public portal when signed in).</summary>
    public static bool HasDashboard(UserScope? user) => user is not null && user.IsIn(DivisionReaders);
}
