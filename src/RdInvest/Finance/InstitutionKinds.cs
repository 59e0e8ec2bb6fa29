namespace RdInvest.Finance;

/// <summary>The kinds of financial institution.</summary>
public static class InstitutionKinds
{
    public const string Bank = "bank";
    /// <summary>科技支行 or 科技金融事业部.</summary>
    public const string TechBranch = "tech_branch";
    /// <summary>融资担保机构.</summary>
    public const string Guarantee = "guarantee";
    public const string EquityExchange = "equity_exchange";
    public const string Other = "other";
    public static readonly IReadOnlyList<string> All = [Bank, TechBranch, Guarantee, EquityExchange, Other];
}
