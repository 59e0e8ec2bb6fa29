using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RdInvest.Data;

namespace RdInvest.Records;

/// <summary>How <see cref="UnitRdRecord"/> is stored.</summary>
internal sealed class UnitRdRecordConfiguration : IEntityTypeConfiguration<UnitRdRecord>
{
    public void Configure(EntityTypeBuilder<UnitRdRecord> e)
    {
        e.ToTable("rd_records");
        e.HasOne<ReportingUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.UnitId, x.Year }).IsUnique();
        e.HasIndex(x => x.Year);
        e.Property(x => x.Status).HasMaxLength(20);
        e.Property(x => x.Revision).IsConcurrencyToken();
    }
}
