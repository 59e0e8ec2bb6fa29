using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RdInvest.Data;

namespace RdInvest.Parks;

/// <summary>How <see cref="ParkFigure"/> is stored.</summary>
internal sealed class ParkFigureConfiguration : IEntityTypeConfiguration<ParkFigure>
{
    public void Configure(EntityTypeBuilder<ParkFigure> e)
    {
        e.ToTable("park_figures");
        e.Property(x => x.ParkId).HasMaxLength(40);
        e.HasOne<Park>().WithMany().HasForeignKey(x => x.ParkId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.ParkId, x.Year }).IsUnique();
    }
}
