using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace RdInvest.Data;

/// <summary>
/// The one model. Two provider subclasses carry their own migration sets
/// (Data/Migrations/Sqlite and Data/Migrations/Postgres), per EF's "migrations with multiple providers".
/// </summary>
public abstract class RdInvestDb(DbContextOptions options) : IdentityUserContext<AppUser, long>(options)
{
    public DbSet<Division> Divisions => Set<Division>();
    public DbSet<ReportingUnit> Units => Set<ReportingUnit>();
    public DbSet<UnitRdRecord> RdRecords => Set<UnitRdRecord>();
    public DbSet<DivisionFigure> DivisionFigures => Set<DivisionFigure>();
    public DbSet<Certification> Certifications => Set<Certification>();
    public DbSet<Park> Parks => Set<Park>();
    public DbSet<ParkFigure> ParkFigures => Set<ParkFigure>();
    public DbSet<MajorProject> Projects => Set<MajorProject>();
    public DbSet<PlanRecord> Plans => Set<PlanRecord>();
    public DbSet<PlanTargetRecord> PlanTargets => Set<PlanTargetRecord>();
    public DbSet<PlanParameterValue> PlanParameters => Set<PlanParameterValue>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<RdInvest.Accounts.PasswordHistoryEntry> PasswordHistory => Set<RdInvest.Accounts.PasswordHistoryEntry>();
    public DbSet<CountyApproval> Approvals => Set<CountyApproval>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<ImportRunDivision> ImportRunDivisions => Set<ImportRunDivision>();
    public DbSet<IncentivePayment> Payments => Set<IncentivePayment>();
    public DbSet<SubsidyRoundRecord> SubsidyRounds => Set<SubsidyRoundRecord>();
    public DbSet<RdInvest.Finance.FinanceRoundRecord> FinanceRounds => Set<RdInvest.Finance.FinanceRoundRecord>();
    public DbSet<RdInvest.Finance.FinancialInstitution> Institutions => Set<RdInvest.Finance.FinancialInstitution>();
    public DbSet<RdInvest.Finance.Loan> Loans => Set<RdInvest.Finance.Loan>();
    public DbSet<RdInvest.Finance.FinancingEvent> FinancingEvents => Set<RdInvest.Finance.FinancingEvent>();
    public DbSet<AwardUse> AwardUses => Set<AwardUse>();
    public DbSet<RdInvest.Platforms.Platform> Platforms => Set<RdInvest.Platforms.Platform>();
    public DbSet<RdInvest.Platforms.PlatformEvaluation> PlatformEvaluations => Set<RdInvest.Platforms.PlatformEvaluation>();
    public DbSet<RdInvest.Analytics.AnalyticsMeasure> AnalyticsMeasures => Set<RdInvest.Analytics.AnalyticsMeasure>();
    public DbSet<RdInvest.Analytics.AnalyticsParkMeasure> AnalyticsParkMeasures => Set<RdInvest.Analytics.AnalyticsParkMeasure>();
    public DbSet<RdInvest.Analytics.AnalyticsYear> AnalyticsYears => Set<RdInvest.Analytics.AnalyticsYear>();
    public DbSet<RdInvest.Analytics.AnalyticsStamp> AnalyticsStamps => Set<RdInvest.Analytics.AnalyticsStamp>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.ApplyConfiguration(new RdInvest.Divisions.DivisionConfiguration());
        b.ApplyConfiguration(new RdInvest.Records.ReportingUnitConfiguration());
        b.ApplyConfiguration(new RdInvest.Records.UnitRdRecordConfiguration());
        b.ApplyConfiguration(new RdInvest.Records.DivisionFigureConfiguration());
        b.ApplyConfiguration(new RdInvest.Records.CertificationConfiguration());
        b.ApplyConfiguration(new RdInvest.Parks.ParkConfiguration());
        b.ApplyConfiguration(new RdInvest.Parks.ParkFigureConfiguration());
        b.ApplyConfiguration(new RdInvest.Records.MajorProjectConfiguration());
        b.ApplyConfiguration(new RdInvest.Plans.PlanRecordConfiguration());
        b.ApplyConfiguration(new RdInvest.Plans.PlanTargetRecordConfiguration());
        b.ApplyConfiguration(new RdInvest.Plans.PlanParameterValueConfiguration());
        b.ApplyConfiguration(new RdInvest.Accounts.AppUserConfiguration());
        b.ApplyConfiguration(new RdInvest.Auditing.AuditEntryConfiguration());
        b.ApplyConfiguration(new RdInvest.Reports.NotificationConfiguration());
        b.ApplyConfiguration(new RdInvest.Accounts.ApiTokenConfiguration());
        b.ApplyConfiguration(new RdInvest.Accounts.PasswordHistoryConfiguration());
        b.ApplyConfiguration(new RdInvest.Approval.CountyApprovalConfiguration());
        b.ApplyConfiguration(new RdInvest.Importing.ImportRunConfiguration());
        b.ApplyConfiguration(new RdInvest.Importing.ImportRunDivisionConfiguration());
        b.ApplyConfiguration(new RdInvest.Subsidies.SubsidyRoundRecordConfiguration());
        b.ApplyConfiguration(new RdInvest.Payments.IncentivePaymentConfiguration());
        b.ApplyConfiguration(new RdInvest.Finance.FinanceRoundRecordConfiguration());
        b.ApplyConfiguration(new RdInvest.Finance.FinancialInstitutionConfiguration());
        b.ApplyConfiguration(new RdInvest.Finance.LoanConfiguration());
        b.ApplyConfiguration(new RdInvest.Finance.FinancingEventConfiguration());
        b.ApplyConfiguration(new RdInvest.Payments.AwardUseConfiguration());
        b.ApplyConfiguration(new RdInvest.Platforms.PlatformConfiguration());
        b.ApplyConfiguration(new RdInvest.Platforms.PlatformEvaluationConfiguration());
        b.ApplyConfiguration<RdInvest.Analytics.AnalyticsMeasure>(new RdInvest.Analytics.AnalyticsConfiguration());
        b.ApplyConfiguration<RdInvest.Analytics.AnalyticsParkMeasure>(new RdInvest.Analytics.AnalyticsConfiguration());
        b.ApplyConfiguration<RdInvest.Analytics.AnalyticsYear>(new RdInvest.Analytics.AnalyticsConfiguration());
        b.ApplyConfiguration<RdInvest.Analytics.AnalyticsStamp>(new RdInvest.Analytics.AnalyticsConfiguration());
        b.Entity<IdentityUserClaim<long>>().ToTable("user_claims");
        b.Entity<IdentityUserLogin<long>>().ToTable("user_logins");
        b.Entity<IdentityUserToken<long>>().ToTable("user_tokens");
    }
}

public sealed class SqliteRdInvestDb(DbContextOptions<SqliteRdInvestDb> options) : RdInvestDb(options);

public sealed class NpgsqlRdInvestDb(DbContextOptions<NpgsqlRdInvestDb> options) : RdInvestDb(options);
