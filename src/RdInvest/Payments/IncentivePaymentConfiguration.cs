using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RdInvest.Data;

namespace RdInvest.Payments;

/// <summary>How <see cref="IncentivePayment"/> is stored.</summary>
internal sealed class IncentivePaymentConfiguration : IEntityTypeConfiguration<IncentivePayment>
{
    public void Configure(EntityTypeBuilder<IncentivePayment> e)
    {
        e.ToTable("payments", t => t.HasCheckConstraint("ck_payments_one_payee",
            "(\"UnitId\" IS NULL AND \"InstitutionCode\" IS NOT NULL) OR (\"UnitId\" IS NOT NULL AND \"InstitutionCode\" IS NULL)"));
        e.Property(x => x.RuleId).HasMaxLength(10);
        e.Property(x => x.Source).HasMaxLength(200);
        e.Property(x => x.Note).HasMaxLength(500);
        e.Property(x => x.Period).HasMaxLength(100);
        e.Property(x => x.InstitutionCode).HasMaxLength(18);
        e.HasOne<ReportingUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<SubsidyRoundRecord>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
        // NULL periods are distinct in both databases, so only the once-only rules are constrained.
        e.HasOne<Finance.FinancialInstitution>().WithMany().HasForeignKey(x => x.InstitutionCode).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Finance.FinanceRoundRecord>().WithMany().HasForeignKey(x => x.FinanceRoundId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.UnitId, x.RuleId, x.Period }).IsUnique();
        e.HasIndex(x => new { x.InstitutionCode, x.RuleId, x.Period }).IsUnique();
        e.HasIndex(x => new { x.RuleId, x.Year });
    }
}
