using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RdInvest.Data;

namespace RdInvest.Finance;

/// <summary>How <see cref="Loan"/> is stored.</summary>
internal sealed class LoanConfiguration : IEntityTypeConfiguration<Loan>
{
    public void Configure(EntityTypeBuilder<Loan> e)
    {
        e.ToTable("loans");
        e.Property(x => x.LenderCode).HasMaxLength(18);
        e.Property(x => x.LoanId).HasMaxLength(60);
        e.Property(x => x.Kind).HasMaxLength(20);
        e.Property(x => x.GuarantorCode).HasMaxLength(18);
        e.HasOne<FinancialInstitution>().WithMany().HasForeignKey(x => x.LenderCode).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<FinancialInstitution>().WithMany().HasForeignKey(x => x.GuarantorCode).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ReportingUnit>().WithMany().HasForeignKey(x => x.BorrowerUnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.LenderCode, x.LoanId }).IsUnique();
        e.HasIndex(x => x.GrantedOn);
    }
}
