namespace RdInvest.Data;

// The stored model. Money columns are integer fen (suffix Fen, convert with Common.Money);
// intensities are percent × 10^4 (suffix Bp4), so both databases keep and sum them exactly as integers.

/// <summary>Administrative division (GB/T 2260): region, league/city or county.</summary>
public sealed class Division
{
    public required string Code { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public required string Level { get; set; }
    public string? ParentCode { get; set; }
}

public static class DivisionLevels
{
    public const string Region = "region";
    public const string LeagueCity = "league_city";
    public const string County = "county";
    public static readonly IReadOnlyList<string> All = [Region, LeagueCity, County];
}

public static class Sectors
{
    public const string Enterprise = "enterprise";
    public const string Institute = "institute";
    public const string University = "university";
    public const string Government = "government";
    public const string Other = "other";
    public static readonly IReadOnlyList<string> All = [Enterprise, Institute, University, Government, Other];
}

/// <summary>Statistical reporting unit (统计单位), addressed by its unified social credit code.</summary>
public sealed class ReportingUnit
{
    public long Id { get; set; }
    public required string CreditCode { get; set; }
    public required string Name { get; set; }
    public required string Sector { get; set; }
    public required string DivisionCode { get; set; }
    public string? IndustryCode { get; set; }
    public bool AboveScale { get; set; }
    public bool StateOwned { get; set; }
    public string? ParkId { get; set; }
    public bool IsSynthetic { get; set; }
    public int Revision { get; set; } = 1;
    public DateTime UpdatedAt { get; set; }
}

/// <summary>One unit's R&amp;D record for one year (企业研究开发活动及相关情况). Money in fen.</summary>
public sealed class UnitRdRecord
{
    public long Id { get; set; }
    public long UnitId { get; set; }
    public int Year { get; set; }
    public long RdTotalFen { get; set; }
    public long? GovFundsFen { get; set; }
    public long? EnterpriseFundsFen { get; set; }
    public long? ForeignFundsFen { get; set; }
    public long? OtherFundsFen { get; set; }
    public long? BasicFen { get; set; }
    public long? AppliedFen { get; set; }
    public long? ExperimentalFen { get; set; }
    public long? PersonnelCostFen { get; set; }
    public long? CapitalCostFen { get; set; }
    public long? OtherCostFen { get; set; }
    public long? ExtramuralFen { get; set; }
    public int? PersonnelHeadcount { get; set; }
    /// <summary>Full-time equivalent in person-years × 100 (exact to 0.01).</summary>
    public long? PersonnelFteCenti { get; set; }
    public long? RevenueFen { get; set; }
    public bool? HasRdInstitution { get; set; }
    public int? InventionPatents { get; set; }
    /// <summary>Has set up an R&amp;D reserve (研发准备金制度, 二(二)6); null when not reported.</summary>
    public bool? HasRdReserve { get; set; }
    public string Status { get; set; } = DataStatuses.Draft;
    public bool IsSynthetic { get; set; }
    public int Revision { get; set; } = 1;
    public DateTime UpdatedAt { get; set; }
}

public static class DataStatuses
{
    public const string Draft = "draft";
    public const string Submitted = "submitted";
    public const string Approved = "approved";
    public const string Final = "final";
}

/// <summary>Published aggregate figures (统计公报) for a division and year; blank = not published.</summary>
public sealed class DivisionFigure
{
    public long Id { get; set; }
    public required string DivisionCode { get; set; }
    public int Year { get; set; }
    public long? RdTotalFen { get; set; }
    public long? GovFundsFen { get; set; }
    public long? EnterpriseFundsFen { get; set; }
    public long? ForeignFundsFen { get; set; }
    public long? OtherFundsFen { get; set; }
    public long? BasicFen { get; set; }
    public long? AppliedFen { get; set; }
    public long? ExperimentalFen { get; set; }
    public long? RdEnterpriseFen { get; set; }
    public long? RdInstituteFen { get; set; }
    public long? RdUniversityFen { get; set; }
    public long? GdpFen { get; set; }
    /// <summary>R&amp;D intensity in percent × 10^4 (0.93 % → 9300).</summary>
    public long? RdIntensityBp4 { get; set; }
    public int? HteCount { get; set; }
    public int? TsmeCount { get; set; }
    public long? GovStSpendingFen { get; set; }
    public string? Source { get; set; }
    public string Status { get; set; } = DataStatuses.Final;
    public bool IsSynthetic { get; set; }
    public int Revision { get; set; } = 1;
    public DateTime UpdatedAt { get; set; }
}

public static class CertificationKinds
{
    public const string HighTech = "hte";
    public const string TechSme = "tsme";
    public const string Platform = "platform";
    public static readonly IReadOnlyList<string> All = [HighTech, TechSme, Platform];
}

/// <summary>High-tech enterprise certificate, tech-SME registration or region-level innovation platform.</summary>
public sealed class Certification
{
    public long Id { get; set; }
    public long UnitId { get; set; }
    public required string Kind { get; set; }
    public required string Number { get; set; }
    public DateOnly Issued { get; set; }
    public DateOnly? Expires { get; set; }
    public bool? Relocated { get; set; }
    public bool IsSynthetic { get; set; }
    public int Revision { get; set; } = 1;
    public DateTime UpdatedAt { get; set; }
}

public static class ParkCategories
{
    public const string NationalHtz = "national_htz";
    public const string AspiringHtz = "aspiring_htz";
    public const string RegionHtz = "region_htz";
    public const string NationalAgriDemo = "national_agri_demo";
    public const string NationalAgriPark = "national_agri_park";
    public const string RegionAgriPark = "region_agri_park";
    public static readonly IReadOnlyList<string> All =
        [NationalHtz, AspiringHtz, RegionHtz, NationalAgriDemo, NationalAgriPark, RegionAgriPark];
}

/// <summary>Innovation carrier (园区) of one of the six categories of clause 二(四)12.</summary>
public sealed class Park
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public required string Category { get; set; }
    public required string DivisionCode { get; set; }
    public bool IsSynthetic { get; set; }
    public int Revision { get; set; } = 1;
    public DateTime UpdatedAt { get; set; }
}

public sealed class ParkFigure
{
    public long Id { get; set; }
    public required string ParkId { get; set; }
    public int Year { get; set; }
    public long? GdpFen { get; set; }
    public long? RevenueFen { get; set; }
    public long? RdTotalFen { get; set; }
    public int? RdInstitutions { get; set; }
    public int? HteCount { get; set; }
    public int? InventionPatents { get; set; }
    public bool IsSynthetic { get; set; }
    public int Revision { get; set; } = 1;
    public DateTime UpdatedAt { get; set; }
}

/// <summary>Region major S&amp;T project (自治区科技重大专项), clause 二(一)3.</summary>
public sealed class MajorProject
{
    public required string Id { get; set; }
    public int Year { get; set; }
    public required string Title { get; set; }
    public long LeadUnitId { get; set; }
    public long? FundingFen { get; set; }
    /// <summary>How the project was awarded (<see cref="ProjectModes"/>, 二(一)3); null when not stated.</summary>
    public string? Mode { get; set; }
    public bool IsSynthetic { get; set; }
    public int Revision { get; set; } = 1;
    public DateTime UpdatedAt { get; set; }
}

/// <summary>How a major project was awarded (二(一)3): competitive calls, directed commissions, open calls (揭榜挂帅), other.</summary>
public static class ProjectModes
{
    public const string Competitive = "competitive";
    public const string Directed = "directed";
    public const string OpenCall = "open_call";
    public const string Other = "other";
    public static readonly IReadOnlyList<string> All = [Competitive, Directed, OpenCall, Other];
}

/// <summary>
/// How much of an incentive payment a unit used for R&amp;D in a year (二(一)2: 企业获得的奖励资金100%用于研发), keyed by the
/// payment's id and the year of use. Money in fen.
/// </summary>
public sealed class AwardUse
{
    public long Id { get; set; }
    public long PaymentId { get; set; }
    public int Year { get; set; }
    public long AmountFen { get; set; }
    public bool IsSynthetic { get; set; }
    public int Revision { get; set; } = 1;
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A loaded plan. The file is the source; the rows make targets and parameters queryable.</summary>
public sealed class PlanRecord
{
    public required string Id { get; set; }
    public required string Title { get; set; }
    public required string DocumentNumber { get; set; }
    public int BaseYear { get; set; }
    public int EndYear { get; set; }
    public required string Source { get; set; }
    public required string Sha256 { get; set; }
    public DateTime LoadedAt { get; set; }
}

public sealed class PlanTargetRecord
{
    public long Id { get; set; }
    public required string PlanId { get; set; }
    public required string TargetId { get; set; }
    public required string Clause { get; set; }
    public required string Indicator { get; set; }
    public required string Scope { get; set; }
    public required string Kind { get; set; }
    /// <summary>Invariant-culture decimal text; per-category values are separate rows with Category set.</summary>
    public required string Value { get; set; }
    public required string Unit { get; set; }
    public string? Category { get; set; }
}

public sealed class PlanParameterValue
{
    public long Id { get; set; }
    public required string PlanId { get; set; }
    public required string Name { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    /// <summary>Invariant-culture text of the value (a number, or a JSON value for lists and tables).</summary>
    public required string Value { get; set; }
    public required string Clause { get; set; }
    public bool IsDefault { get; set; }
}

/// <summary>A sign-in account (ASP.NET Core Identity) with one role and the scope the role applies to.</summary>
public sealed class AppUser : Microsoft.AspNetCore.Identity.IdentityUser<long>
{
    public string Role { get; set; } = "";
    public string? Scope { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>When the password was last set (UTC); the expiry setting counts from it. Null: no password yet.</summary>
    public DateTime? PasswordChangedAt { get; set; }

    /// <summary>Exempt from password expiry and the character-class policy: the demo accounts only (documented password).</summary>
    public bool PasswordNeverExpires { get; set; }
}

/// <summary>Append-only, hash-chained audit log entry.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string Entity { get; set; }
    public string? EntityKey { get; set; }
    public string? OldValues { get; set; }
    public string? NewValues { get; set; }
    public string? RequestId { get; set; }
    public string? SourceFile { get; set; }
    public string? SourceSha256 { get; set; }
    public string? PrevHash { get; set; }
    public string? Hash { get; set; }
    /// <summary>Position in the hash chain, set when the entry is sealed (Auditing/AuditChain); null until then.</summary>
    public long? Seq { get; set; }
}

/// <summary>A personal API token (bearer) of a user; only its SHA-256 is stored.</summary>
public sealed class ApiToken
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public required string Name { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

/// <summary>
/// The approval state of one county's data for one year (二(五)16): draft → submitted → approved → final.
/// History is a JSON array of transitions; Snapshot is the county's unit figures at the last approval (JSON).
/// </summary>
public sealed class CountyApproval
{
    public long Id { get; set; }
    public required string CountyCode { get; set; }
    public int Year { get; set; }
    public string Status { get; set; } = DataStatuses.Draft;
    public string History { get; set; } = "[]";
    public string? Snapshot { get; set; }
    public int Revision { get; set; } = 1;
    public DateTime UpdatedAt { get; set; }
}

public static class NotificationStatuses
{
    public const string Draft = "draft";
    public const string Released = "released";
}

/// <summary>
/// An annual notification of target completion (年度目标完成情况通报, 三(三)): a draft until released; a released one is
/// immutable (its content, PDF and fingerprint never change). Times are UTC.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }
    public int Year { get; set; }
    public required string PlanId { get; set; }
    public string Status { get; set; } = NotificationStatuses.Draft;
    public DateTime CreatedAt { get; set; }
    public DateTime? ReleasedAt { get; set; }
    /// <summary>The data's as-of time: the latest update of any row the report used.</summary>
    public DateTime? DataAsOf { get; set; }
    /// <summary>SHA-256 (hex) over the plan text, the parameters and the data used.</summary>
    public required string Fingerprint { get; set; }
    public required string ContentHtml { get; set; }
    public byte[]? Pdf { get; set; }
}

/// <summary>
/// One import of a file (not a dry run), accepted or rejected: the log reporting quality counts from. Rows,
/// Errors and Warnings are the file's totals; <see cref="ImportRunDivision"/> splits the rows by league/city and year.
/// </summary>
public sealed class ImportRun
{
    public long Id { get; set; }
    public required string Kind { get; set; }
    public required string File { get; set; }
    public required string Sha256 { get; set; }
    public required string Actor { get; set; }
    public DateTime At { get; set; }
    public bool Accepted { get; set; }
    public int Rows { get; set; }
    public int Errors { get; set; }
    public int Warnings { get; set; }
}

/// <summary>
/// An import's data rows attributed to a league/city (through the row's unit, division or park; null = unattributed)
/// and the row's year (null when the kind has none): rows, rows with at least one error, rows with at least one warning.
/// </summary>
public sealed class ImportRunDivision
{
    public long Id { get; set; }
    public long RunId { get; set; }
    public string? LeagueCityCode { get; set; }
    public int? Year { get; set; }
    public int Rows { get; set; }
    public int ErrorRows { get; set; }
    public int WarningRows { get; set; }
}

/// <summary>
/// An incentive paid to a unit (奖补发放记录): the rule (R1, R2 …), the year it belongs to, the amount in fen, when it
/// was paid and where the record comes from (an approved subsidy round, a manual entry, a file). <see cref="Period"/>
/// carries the rule's once-only constraint into a unique index: "once" for R1 (once per enterprise ever, 二(二)4), the
/// year for R2 (one post-subsidy per enterprise per round-year); the finance round's keys for R10/R11/R14–R16 (a year and a
/// loan, an event kind, a loan); null for rules that may be paid repeatedly. The payee is a unit (<see cref="UnitId"/>) or,
/// for the pledge compensation paid to the lender (R15, 二(三)9), a financial institution (<see cref="InstitutionCode"/>):
/// exactly one of the two is set (a check constraint).
/// </summary>
public sealed class IncentivePayment
{
    public long Id { get; set; }
    public long? UnitId { get; set; }
    /// <summary>The financial institution paid (R15 pledge compensation), or null when a unit is paid.</summary>
    public string? InstitutionCode { get; set; }
    /// <summary>The approved finance round that recorded this payment, or null.</summary>
    public long? FinanceRoundId { get; set; }
    public required string RuleId { get; set; }
    public int Year { get; set; }
    public long AmountFen { get; set; }
    public DateOnly PaidOn { get; set; }
    public required string Source { get; set; }
    public long? RoundId { get; set; }
    public string? Note { get; set; }
    public string? Period { get; set; }
    public DateTime CreatedAt { get; set; }
}

public static class SubsidyRoundStatuses
{
    public const string Draft = "draft";
    public const string Approved = "approved";
}

/// <summary>
/// A saved post-subsidy round: computed and kept as a draft for review, then approved once, which records its
/// payments. <see cref="Result"/> is the round's JSON (the same keys as <c>subsidy-round --json</c>);
/// <see cref="Fingerprint"/> is SHA-256 over the inputs and results, recomputed at approval to refuse stale rounds.
/// </summary>
public sealed class SubsidyRoundRecord
{
    public long Id { get; set; }
    public int Year { get; set; }
    public required string PlanId { get; set; }
    public long? BudgetFen { get; set; }
    public string Status { get; set; } = SubsidyRoundStatuses.Draft;
    public int Enterprises { get; set; }
    public long TotalClaimsFen { get; set; }
    public long TotalPaidFen { get; set; }
    public long R1TotalFen { get; set; }
    public required string Fingerprint { get; set; }
    public required string Result { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? ApprovedAt { get; set; }
    public string? ApprovedBy { get; set; }
}
