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
    public DbSet<CountyApproval> Approvals => Set<CountyApproval>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<ImportRunDivision> ImportRunDivisions => Set<ImportRunDivision>();
    public DbSet<IncentivePayment> Payments => Set<IncentivePayment>();
    public DbSet<SubsidyRoundRecord> SubsidyRounds => Set<SubsidyRoundRecord>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.Entity<Division>(e =>
        {
            e.ToTable("divisions");
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(6);
            e.Property(x => x.NameZh).HasMaxLength(100);
            e.Property(x => x.NameEn).HasMaxLength(200);
            e.Property(x => x.Level).HasMaxLength(20);
            e.Property(x => x.ParentCode).HasMaxLength(6);
            e.HasOne<Division>().WithMany().HasForeignKey(x => x.ParentCode).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.ParentCode);
        });
        b.Entity<ReportingUnit>(e =>
        {
            e.ToTable("units");
            e.Property(x => x.CreditCode).HasMaxLength(18);
            e.HasIndex(x => x.CreditCode).IsUnique();
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Sector).HasMaxLength(20);
            e.Property(x => x.DivisionCode).HasMaxLength(6);
            e.Property(x => x.IndustryCode).HasMaxLength(10);
            e.Property(x => x.ParkId).HasMaxLength(40);
            e.HasOne<Division>().WithMany().HasForeignKey(x => x.DivisionCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Park>().WithMany().HasForeignKey(x => x.ParkId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.DivisionCode);
        });
        b.Entity<UnitRdRecord>(e =>
        {
            e.ToTable("rd_records");
            e.HasOne<ReportingUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.UnitId, x.Year }).IsUnique();
            e.HasIndex(x => x.Year);
            e.Property(x => x.Status).HasMaxLength(20);
        });
        b.Entity<DivisionFigure>(e =>
        {
            e.ToTable("division_figures");
            e.Property(x => x.DivisionCode).HasMaxLength(6);
            e.HasOne<Division>().WithMany().HasForeignKey(x => x.DivisionCode).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.DivisionCode, x.Year }).IsUnique();
            e.Property(x => x.Source).HasMaxLength(500);
            e.Property(x => x.Status).HasMaxLength(20);
        });
        b.Entity<Certification>(e =>
        {
            e.ToTable("certifications");
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.Number).HasMaxLength(60);
            e.HasOne<ReportingUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.UnitId, x.Kind, x.Number }).IsUnique();
            e.HasIndex(x => new { x.Kind, x.Issued });
        });
        b.Entity<Park>(e =>
        {
            e.ToTable("parks");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(40);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Category).HasMaxLength(30);
            e.Property(x => x.DivisionCode).HasMaxLength(6);
            e.HasOne<Division>().WithMany().HasForeignKey(x => x.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ParkFigure>(e =>
        {
            e.ToTable("park_figures");
            e.Property(x => x.ParkId).HasMaxLength(40);
            e.HasOne<Park>().WithMany().HasForeignKey(x => x.ParkId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.ParkId, x.Year }).IsUnique();
        });
        b.Entity<MajorProject>(e =>
        {
            e.ToTable("projects");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(60);
            e.Property(x => x.Title).HasMaxLength(400);
            e.HasOne<ReportingUnit>().WithMany().HasForeignKey(x => x.LeadUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.Year);
        });
        b.Entity<PlanRecord>(e =>
        {
            e.ToTable("plans");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(60);
            e.Property(x => x.Title).HasMaxLength(400);
            e.Property(x => x.DocumentNumber).HasMaxLength(100);
            e.Property(x => x.Sha256).HasMaxLength(64);
        });
        b.Entity<PlanTargetRecord>(e =>
        {
            e.ToTable("plan_targets");
            e.Property(x => x.PlanId).HasMaxLength(60);
            e.Property(x => x.TargetId).HasMaxLength(20);
            e.Property(x => x.Category).HasMaxLength(30);
            e.HasOne<PlanRecord>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.PlanId, x.TargetId, x.Category }).IsUnique();
        });
        b.Entity<PlanParameterValue>(e =>
        {
            e.ToTable("plan_parameters");
            e.Property(x => x.PlanId).HasMaxLength(60);
            e.Property(x => x.Name).HasMaxLength(120);
            e.HasOne<PlanRecord>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.PlanId, x.Name, x.EffectiveFrom }).IsUnique();
        });
        b.Entity<AppUser>(e =>
        {
            // Identity's user table keeps the name `users`; role and scope are columns (one role per account).
            e.ToTable("users");
            e.Property(x => x.UserName).HasMaxLength(100);
            e.Property(x => x.Role).HasMaxLength(30);
            e.Property(x => x.Scope).HasMaxLength(40);
        });
        b.Entity<IdentityUserClaim<long>>().ToTable("user_claims");
        b.Entity<IdentityUserLogin<long>>().ToTable("user_logins");
        b.Entity<IdentityUserToken<long>>().ToTable("user_tokens");
        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_log");
            e.Property(x => x.Actor).HasMaxLength(100);
            e.Property(x => x.Action).HasMaxLength(60);
            e.Property(x => x.Entity).HasMaxLength(60);
            e.Property(x => x.EntityKey).HasMaxLength(200);
            e.Property(x => x.RequestId).HasMaxLength(100);
            e.Property(x => x.SourceSha256).HasMaxLength(64);
            e.Property(x => x.PrevHash).HasMaxLength(64);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.HasIndex(x => x.At);
        });
        b.Entity<Notification>(e =>
        {
            e.ToTable("notifications");
            e.Property(x => x.PlanId).HasMaxLength(60);
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.Fingerprint).HasMaxLength(64);
            e.HasOne<PlanRecord>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.Year, x.Status });
        });
        // Accounts, approval and the audit chain (issue 7).
        b.Entity<AuditEntry>(e => e.HasIndex(x => x.Seq).IsUnique());
        b.Entity<UnitRdRecord>(e => e.Property(x => x.Revision).IsConcurrencyToken());
        b.Entity<DivisionFigure>(e => e.Property(x => x.Revision).IsConcurrencyToken());
        b.Entity<ApiToken>(e =>
        {
            e.ToTable("api_tokens");
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.TokenHash).HasMaxLength(64);
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CountyApproval>(e =>
        {
            e.ToTable("approvals");
            e.Property(x => x.CountyCode).HasMaxLength(6);
            e.Property(x => x.Status).HasMaxLength(20);
            e.HasOne<Division>().WithMany().HasForeignKey(x => x.CountyCode).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.CountyCode, x.Year }).IsUnique();
            e.Property(x => x.Revision).IsConcurrencyToken();
        });
        // The import log behind reporting quality (issue 4).
        b.Entity<ImportRun>(e =>
        {
            e.ToTable("import_runs");
            e.Property(x => x.Kind).HasMaxLength(30);
            e.Property(x => x.File).HasMaxLength(260);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.Actor).HasMaxLength(100);
            e.HasIndex(x => x.At);
        });
        b.Entity<ImportRunDivision>(e =>
        {
            e.ToTable("import_run_divisions");
            e.Property(x => x.LeagueCityCode).HasMaxLength(6);
            e.HasOne<ImportRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.RunId, x.LeagueCityCode, x.Year }).IsUnique();
            e.HasIndex(x => x.Year);
        });
        // Payments and saved subsidy rounds (issue 5: R1 once per enterprise ever; SPEC §5 review and approval).
        b.Entity<SubsidyRoundRecord>(e =>
        {
            e.ToTable("subsidy_rounds");
            e.Property(x => x.PlanId).HasMaxLength(60);
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.Fingerprint).HasMaxLength(64);
            e.Property(x => x.CreatedBy).HasMaxLength(100);
            e.Property(x => x.ApprovedBy).HasMaxLength(100);
            e.HasIndex(x => new { x.Year, x.Status });
        });
        b.Entity<IncentivePayment>(e =>
        {
            e.ToTable("payments");
            e.Property(x => x.RuleId).HasMaxLength(10);
            e.Property(x => x.Source).HasMaxLength(200);
            e.Property(x => x.Note).HasMaxLength(500);
            e.Property(x => x.Period).HasMaxLength(10);
            e.HasOne<ReportingUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<SubsidyRoundRecord>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
            // NULL periods are distinct in both databases, so only the once-only rules are constrained.
            e.HasIndex(x => new { x.UnitId, x.RuleId, x.Period }).IsUnique();
            e.HasIndex(x => new { x.RuleId, x.Year });
        });
    }
}

public sealed class SqliteRdInvestDb(DbContextOptions<SqliteRdInvestDb> options) : RdInvestDb(options);

public sealed class NpgsqlRdInvestDb(DbContextOptions<NpgsqlRdInvestDb> options) : RdInvestDb(options);
