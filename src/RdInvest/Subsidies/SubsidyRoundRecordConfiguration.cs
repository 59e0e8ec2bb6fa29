using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RdInvest.Data;

namespace RdInvest.Subsidies;

/// <summary>How <see cref="SubsidyRoundRecord"/> is stored.</summary>
internal sealed class SubsidyRoundRecordConfiguration : IEntityTypeConfiguration<SubsidyRoundRecord>
{
    public void Configure(EntityTypeBuilder<SubsidyRoundRecord> e)
    {
        e.ToTable("subsidy_rounds");
        e.Property(x => x.PlanId).HasMaxLength(60);
        e.Property(x => x.Status).HasMaxLength(20);
        e.Property(x => x.Fingerprint).HasMaxLength(64);
        e.Property(x => x.CreatedBy).HasMaxLength(100);
        e.Property(x => x.ApprovedBy).HasMaxLength(100);
        e.HasIndex(x => new { x.Year, x.Status });
    }
}
