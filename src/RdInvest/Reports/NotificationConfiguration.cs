using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RdInvest.Data;

namespace RdInvest.Reports;

/// <summary>How <see cref="Notification"/> is stored.</summary>
internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.ToTable("notifications");
        e.Property(x => x.PlanId).HasMaxLength(60);
        e.Property(x => x.Status).HasMaxLength(20);
        e.Property(x => x.Fingerprint).HasMaxLength(64);
        e.HasOne<PlanRecord>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.Year, x.Status });
    }
}
