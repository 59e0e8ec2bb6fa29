using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RdInvest.Data;

namespace RdInvest.Approval;

/// <summary>How <see cref="CountyApproval"/> is stored.</summary>
internal sealed class CountyApprovalConfiguration : IEntityTypeConfiguration<CountyApproval>
{
    public void Configure(EntityTypeBuilder<CountyApproval> e)
    {
        e.ToTable("approvals");
        e.Property(x => x.CountyCode).HasMaxLength(6);
        e.Property(x => x.Status).HasMaxLength(20);
        e.HasOne<Division>().WithMany().HasForeignKey(x => x.CountyCode).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.CountyCode, x.Year }).IsUnique();
        e.Property(x => x.Revision).IsConcurrencyToken();
    }
}
