using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RdInvest.Data;

namespace RdInvest.Records;

/// <summary>How <see cref="MajorProject"/> is stored.</summary>
internal sealed class MajorProjectConfiguration : IEntityTypeConfiguration<MajorProject>
{
    public void Configure(EntityTypeBuilder<MajorProject> e)
    {
        e.ToTable("projects");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasMaxLength(60);
        e.Property(x => x.Title).HasMaxLength(400);
        e.Property(x => x.Mode).HasMaxLength(20);
        e.HasOne<ReportingUnit>().WithMany().HasForeignKey(x => x.LeadUnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.Year);
    }
}
