using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RdInvest.Data;

namespace RdInvest.Finance;

/// <summary>How <see cref="FinancingEvent"/> is stored.</summary>
internal sealed class FinancingEventConfiguration : IEntityTypeConfiguration<FinancingEvent>
{
    public void Configure(EntityTypeBuilder<FinancingEvent> e)
    {
        e.ToTable("financing_events");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasMaxLength(60);
        e.Property(x => x.Kind).HasMaxLength(30);
        e.Property(x => x.InstitutionCode).HasMaxLength(18);
        e.HasOne<ReportingUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<FinancialInstitution>().WithMany().HasForeignKey(x => x.InstitutionCode).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.Date);
    }
}
