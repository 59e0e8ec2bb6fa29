using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RdInvest.Data;

namespace RdInvest.Payments;

/// <summary>How <see cref="AwardUse"/> is stored: one row per payment and year of use.</summary>
internal sealed class AwardUseConfiguration : IEntityTypeConfiguration<AwardUse>
{
    public void Configure(EntityTypeBuilder<AwardUse> e)
    {
        e.ToTable("award_uses");
        e.HasOne<IncentivePayment>().WithMany().HasForeignKey(x => x.PaymentId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.PaymentId, x.Year }).IsUnique();
        e.Property(x => x.Revision).IsConcurrencyToken();
    }
}
