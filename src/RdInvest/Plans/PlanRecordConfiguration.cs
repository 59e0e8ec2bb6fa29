using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RdInvest.Data;

namespace RdInvest.Plans;

/// <summary>How <see cref="PlanRecord"/> is stored.</summary>
internal sealed class PlanRecordConfiguration : IEntityTypeConfiguration<PlanRecord>
{
    public void Configure(EntityTypeBuilder<PlanRecord> e)
    {
        e.ToTable("plans");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasMaxLength(60);
        e.Property(x => x.Title).HasMaxLength(400);
        e.Property(x => x.DocumentNumber).HasMaxLength(100);
        e.Property(x => x.Sha256).HasMaxLength(64);
    }
}
