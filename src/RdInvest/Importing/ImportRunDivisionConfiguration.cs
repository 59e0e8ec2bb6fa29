using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RdInvest.Data;

namespace RdInvest.Importing;

/// <summary>How <see cref="ImportRunDivision"/> is stored.</summary>
internal sealed class ImportRunDivisionConfiguration : IEntityTypeConfiguration<ImportRunDivision>
{
    public void Configure(EntityTypeBuilder<ImportRunDivision> e)
    {
        e.ToTable("import_run_divisions");
        e.Property(x => x.LeagueCityCode).HasMaxLength(6);
        e.HasOne<ImportRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.RunId, x.LeagueCityCode, x.Year }).IsUnique();
        e.HasIndex(x => x.Year);
    }
}
