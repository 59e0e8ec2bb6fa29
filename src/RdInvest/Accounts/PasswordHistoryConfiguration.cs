using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RdInvest.Data;

namespace RdInvest.Accounts;

/// <summary>How <see cref="PasswordHistoryEntry"/> is stored.</summary>
internal sealed class PasswordHistoryConfiguration : IEntityTypeConfiguration<PasswordHistoryEntry>
{
    public void Configure(EntityTypeBuilder<PasswordHistoryEntry> e)
    {
        e.ToTable("password_history");
        e.Property(x => x.Hash).HasMaxLength(200);
        e.HasIndex(x => new { x.UserId, x.Id });
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
