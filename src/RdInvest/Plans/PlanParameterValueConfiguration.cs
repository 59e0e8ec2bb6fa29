using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RdInvest.Data;

namespace RdInvest.Plans;

/// <summary>How <see cref="PlanParameterValue"/> is stored.</summary>
internal sealed class PlanParameterValueConfiguration : IEntityTypeConfiguration<PlanParameterValue>
{
    public void Configure(EntityTypeBuilder<PlanParameterValue> e)
    {
        e.ToTable("plan_parameters");
        e.Property(x => x.PlanId).HasMaxLength(60);
        e.Property(x => x.Name).HasMaxLength(120);
        e.HasOne<PlanRecord>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.PlanId, x.Name, x.EffectiveFrom }).IsUnique();
    }
}
