using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RdInvest.Data;

namespace RdInvest.Auditing;

/// <summary>How <see cref="AuditEntry"/> is stored.</summary>
internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("audit_log");
        e.Property(x => x.Actor).HasMaxLength(100);
        e.Property(x => x.Action).HasMaxLength(60);
        e.Property(x => x.Entity).HasMaxLength(60);
        e.Property(x => x.EntityKey).HasMaxLength(200);
        e.Property(x => x.RequestId).HasMaxLength(100);
        e.Property(x => x.SourceSha256).HasMaxLength(64);
        e.Property(x => x.PrevHash).HasMaxLength(64);
        e.Property(x => x.Hash).HasMaxLength(64);
        e.HasIndex(x => x.At);
        e.HasIndex(x => x.Seq).IsUnique();
        // Sealing looks up the entries not yet chained (Hash IS NULL) after every audited action: without this partial
        // index that lookup scanned the whole log, so every write grew slower as the log grew.
        e.HasIndex(x => x.Id, "IX_audit_log_unsealed").HasFilter("\"Hash\" IS NULL");
    }
}
