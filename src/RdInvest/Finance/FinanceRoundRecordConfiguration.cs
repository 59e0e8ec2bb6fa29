using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RdInvest.Finance;

/// <summary>How <see cref="FinanceRoundRecord"/> is stored.</summary>
internal sealed class FinanceRoundRecordConfiguration : IEntityTypeConfiguration<FinanceRoundRecord>
{
    public void Configure(EntityTypeBuilder<FinanceRoundRecord> e)
    {
        e.ToTable("finance_rounds");
        e.Property(x => x.PlanId).HasMaxLength(60);
        e.Property(x => x.Status).HasMaxLength(20);
        e.Property(x => x.Fingerprint).HasMaxLength(64);
        e.Property(x => x.CreatedBy).HasMaxLength(100);
        e.Property(x => x.ApprovedBy).HasMaxLength(100);
        e.HasIndex(x => new { x.Year, x.Status });
    }
}
