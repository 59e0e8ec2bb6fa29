using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RdInvest.Data;

namespace RdInvest.Importing;

/// <summary>How <see cref="ImportRun"/> is stored.</summary>
internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> e)
    {
        e.ToTable("import_runs");
        e.Property(x => x.Kind).HasMaxLength(30);
        e.Property(x => x.File).HasMaxLength(260);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.Actor).HasMaxLength(100);
        e.HasIndex(x => x.At);
    }
}
