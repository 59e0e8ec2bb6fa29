using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RdInvest.Data;

namespace RdInvest.Parks;

/// <summary>How <see cref="Park"/> is stored.</summary>
internal sealed class ParkConfiguration : IEntityTypeConfiguration<Park>
{
    public void Configure(EntityTypeBuilder<Park> e)
    {
        e.ToTable("parks");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasMaxLength(40);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Category).HasMaxLength(30);
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.HasOne<Division>().WithMany().HasForeignKey(x => x.DivisionCode).OnDelete(DeleteBehavior.Restrict);
    }
}
