using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RdInvest.Data;

namespace RdInvest.Records;

/// <summary>How <see cref="DivisionFigure"/> is stored.</summary>
internal sealed class DivisionFigureConfiguration : IEntityTypeConfiguration<DivisionFigure>
{
    public void Configure(EntityTypeBuilder<DivisionFigure> e)
    {
        e.ToTable("division_figures");
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.HasOne<Division>().WithMany().HasForeignKey(x => x.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.DivisionCode, x.Year }).IsUnique();
        e.Property(x => x.Source).HasMaxLength(500);
        e.Property(x => x.Status).HasMaxLength(20);
        e.Property(x => x.Revision).IsConcurrencyToken();
    }
}
