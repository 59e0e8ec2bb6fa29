using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RdInvest.Data;

namespace RdInvest.Finance;

/// <summary>How <see cref="FinancialInstitution"/> is stored.</summary>
internal sealed class FinancialInstitutionConfiguration : IEntityTypeConfiguration<FinancialInstitution>
{
    public void Configure(EntityTypeBuilder<FinancialInstitution> e)
    {
        e.ToTable("fin_institutions");
        e.HasKey(x => x.Code);
        e.Property(x => x.Code).HasMaxLength(18);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Kind).HasMaxLength(20);
        e.Property(x => x.ParentCode).HasMaxLength(18);
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.HasOne<Division>().WithMany().HasForeignKey(x => x.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.ParentCode);
    }
}
