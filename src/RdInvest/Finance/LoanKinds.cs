namespace RdInvest.Finance;

/// <summary>The kinds of loan.</summary>
public static class LoanKinds
{
    public const string Credit = "credit";
    /// <summary>知识产权质押.</summary>
    public const string IpPledge = "ip_pledge";
    public const string Guaranteed = "guaranteed";
    public const string Other = "other";
    public static readonly IReadOnlyList<string> All = [Credit, IpPledge, Guaranteed, Other];
}
