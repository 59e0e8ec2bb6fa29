using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RdInvest.Data;

namespace RdInvest.Plans;

/// <summary>How <see cref="PlanTargetRecord"/> is stored.</summary>
internal sealed class PlanTargetRecordConfiguration : IEntityTypeConfiguration<PlanTargetRecord>
{
    public void Configure(EntityTypeBuilder<PlanTargetRecord> e)
    {
        e.ToTable("plan_targets");
        e.Property(x => x.PlanId).HasMaxLength(60);
        e.Property(x => x.TargetId).HasMaxLength(20);
        e.Property(x => x.Category).HasMaxLength(30);
        e.HasOne<PlanRecord>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.PlanId, x.TargetId, x.Category }).IsUnique();
    }
}
