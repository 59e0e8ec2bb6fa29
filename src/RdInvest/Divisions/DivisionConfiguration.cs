using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RdInvest.Data;

namespace RdInvest.Divisions;

/// <summary>How <see cref="Division"/> is stored.</summary>
internal sealed class DivisionConfiguration : IEntityTypeConfiguration<Division>
{
    public void Configure(EntityTypeBuilder<Division> e)
    {
        e.ToTable("divisions");
        e.HasKey(x => x.Code);
        e.Property(x => x.Code).HasMaxLength(6);
        e.Property(x => x.NameZh).HasMaxLength(100);
        e.Property(x => x.NameEn).HasMaxLength(200);
        e.Property(x => x.Level).HasMaxLength(20);
        e.Property(x => x.ParentCode).HasMaxLength(6);
        e.HasOne<Division>().WithMany().HasForeignKey(x => x.ParentCode).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.ParentCode);
    }
}
