using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RdInvest.Data;

namespace RdInvest.Platforms;

/// <summary>How <see cref="Platform"/> is stored.</summary>
internal sealed class PlatformConfiguration : IEntityTypeConfiguration<Platform>
{
    public void Configure(EntityTypeBuilder<Platform> e)
    {
        e.ToTable("platforms");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasMaxLength(60);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Type).HasMaxLength(40);
        e.Property(x => x.Level).HasMaxLength(20);
        e.HasOne<ReportingUnit>().WithMany().HasForeignKey(x => x.HostUnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.HostUnitId);
    }
}
