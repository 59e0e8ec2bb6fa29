using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RdInvest.Data;

namespace RdInvest.Records;

/// <summary>How <see cref="ReportingUnit"/> is stored.</summary>
internal sealed class ReportingUnitConfiguration : IEntityTypeConfiguration<ReportingUnit>
{
    public void Configure(EntityTypeBuilder<ReportingUnit> e)
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
    }
}
