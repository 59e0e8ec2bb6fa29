using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RdInvest.Data;

namespace RdInvest.Accounts;

/// <summary>How <see cref="AppUser"/> is stored.</summary>
internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> e)
    {
        // Identity's user table keeps the name `users`; role and scope are columns (one role per account).
        e.ToTable("users");
        e.Property(x => x.UserName).HasMaxLength(100);
        e.Property(x => x.Role).HasMaxLength(30);
        e.Property(x => x.Scope).HasMaxLength(40);
    }
}
