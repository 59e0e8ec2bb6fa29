namespace RdInvest.Accounts;

/// <summary>The roles of the platform and the kind of scope each one takes.</summary>
public static class Roles
{
    public const string RegionAdmin = "region_admin";
    public const string RegionAnalyst = "region_analyst";
    public const string CityOfficer = "city_officer";
    public const string CountyOfficer = "county_officer";
    public const string ParkAdmin = "park_admin";
    public const string Enterprise = "enterprise";
    public const string Finance = "finance";
    public const string Auditor = "auditor";
    /// <summary>A financial institution (二(三)7–10): imports and reads its own loans and financing events (scope: its code).</summary>
    public const string FinanceInstitution = "finance_institution";

    /// <summary>
    /// The security administrator (安全管理员) of the separation of duties (三员分立): manages accounts, roles and API
    /// tokens, and nothing else — no data, no audit log. The system administrator is <see cref="RegionAdmin"/> (data and
    /// operations, no accounts, no audit log); the audit administrator is <see cref="Auditor"/> (reads and exports the
    /// audit log, changes nothing). docs/adr/0008-separation-of-duties-and-passwords.md.
    /// </summary>
    public const string SecurityAdmin = "security_admin";

    public static readonly IReadOnlyList<string> All =
        [RegionAdmin, RegionAnalyst, CityOfficer, CountyOfficer, ParkAdmin, Enterprise, Finance, Auditor, SecurityAdmin, FinanceInstitution];

    /// <summary>Roles that see every division and unit.</summary>
    public static readonly IReadOnlyList<string> Global = [RegionAdmin, RegionAnalyst, Finance, Auditor];

    /// <summary>Roles that enter or correct statistics (units, R&amp;D records, division figures).</summary>
    public static readonly IReadOnlyList<string> DataWriters = [RegionAdmin, RegionAnalyst, CityOfficer, CountyOfficer];

    /// <summary>Roles with region-wide views: reconciliation, every league/city.</summary>
    /// <summary>
    /// Roles that import files: region roles any kind, county and city officers the kinds of
    /// <see cref="ScopeService.OfficerImportKinds"/> within their scope, park administrators the kinds of
    /// <see cref="ScopeService.ParkImportKinds"/> of their own park (二(五)17). The enterprise role writes no R&amp;D records
    /// through the API either, so it imports nothing.
    /// </summary>
    public static readonly IReadOnlyList<string> Importers = [RegionAdmin, RegionAnalyst, CityOfficer, CountyOfficer, ParkAdmin, FinanceInstitution];

    /// <summary>
    /// Roles that read loans and financing events: region roles and finance all of them, a financial institution its own
    /// (<see cref="ScopeService.InstitutionCode"/>).
    /// </summary>
    public static readonly IReadOnlyList<string> FinanceRecordReaders = [RegionAdmin, RegionAnalyst, Finance, Auditor, FinanceInstitution];

    public static readonly IReadOnlyList<string> RegionReaders = [RegionAdmin, RegionAnalyst, Finance, Auditor];

    public static readonly IReadOnlyList<string> SubsidyRunners = [RegionAdmin, RegionAnalyst, Finance];

    /// <summary>Roles that save and approve post-subsidy rounds (their approval records payments).</summary>
    public static readonly IReadOnlyList<string> SubsidyApprovers = [RegionAdmin, Finance];

    /// <summary>Roles that read saved rounds and their payment lists.</summary>
    public static readonly IReadOnlyList<string> SubsidyReaders = [RegionAdmin, RegionAnalyst, Finance, Auditor];

    /// <summary>Roles that read the payment register: region roles, finance and the auditor.</summary>
    public static readonly IReadOnlyList<string> PaymentReaders = [RegionAdmin, RegionAnalyst, Finance, Auditor];

    /// <summary>
    /// Roles that record a payment by hand (finance pays); approving a round (<see cref="SubsidyApprovers"/>) records
    /// its own payments.
    /// </summary>
    public static readonly IReadOnlyList<string> PaymentRecorders = [Finance];

    /// <summary>Roles that read and export the audit log: the audit administrator only (三员分立: not the system administrator).</summary>
    public static readonly IReadOnlyList<string> AuditReaders = [Auditor];

    /// <summary>Roles that manage accounts, roles and API tokens: the security administrator only (三员分立).</summary>
    public static readonly IReadOnlyList<string> AccountAdmins = [SecurityAdmin];

    public static readonly IReadOnlyList<string> Approvers = [RegionAdmin, RegionAnalyst, CityOfficer, CountyOfficer];

    /// <summary>The system administrator's own actions on data (reopening final data).</summary>
    public static readonly IReadOnlyList<string> Admins = [RegionAdmin];

    /// <summary>What the scope of a role names, or null when the role has no scope.</summary>
    public static string? ScopeKind(string role) => role switch
    {
        CityOfficer => "league_city",
        CountyOfficer => "county",
        ParkAdmin => "park",
        Enterprise => "credit_code",
        FinanceInstitution => "institution_code",
        _ => null,
    };

    public static string Zh(string role) => role switch
    {
        RegionAdmin => "自治区管理员",
        RegionAnalyst => "自治区分析员",
        CityOfficer => "盟市工作人员",
        CountyOfficer => "旗县工作人员",
        ParkAdmin => "园区管理员",
        Enterprise => "企业",
        Finance => "财政",
        Auditor => "审计",
        SecurityAdmin => "安全管理员",
        FinanceInstitution => "金融机构",
        _ => role,
    };
}
