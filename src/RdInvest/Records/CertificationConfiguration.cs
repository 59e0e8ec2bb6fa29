using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RdInvest.Data;

namespace RdInvest.Records;

/// <summary>How <see cref="Certification"/> is stored.</summary>
internal sealed class CertificationConfiguration : IEntityTypeConfiguration<Certification>
{
    public void Configure(EntityTypeBuilder<Certification> e)
    {
        e.ToTable("certifications");
        e.Property(x => x.Kind).HasMaxLength(20);
        e.Property(x => x.Number).HasMaxLength(60);
        e.HasOne<ReportingUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.UnitId, x.Kind, x.Number }).IsUnique();
        e.HasIndex(x => new { x.Kind, x.Issued });
    }
}
