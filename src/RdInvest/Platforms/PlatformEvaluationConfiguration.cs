using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RdInvest.Platforms;

/// <summary>How <see cref="PlatformEvaluation"/> is stored.</summary>
internal sealed class PlatformEvaluationConfiguration : IEntityTypeConfiguration<PlatformEvaluation>
{
    public void Configure(EntityTypeBuilder<PlatformEvaluation> e)
    {
        e.ToTable("platform_evaluations");
        e.Property(x => x.PlatformId).HasMaxLength(60);
        e.Property(x => x.Grade).HasMaxLength(1);
        e.HasOne<Platform>().WithMany().HasForeignKey(x => x.PlatformId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.PlatformId, x.Year }).IsUnique();
    }
}
