using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntergovCommission.Web.Data.Configurations;

public sealed class ScreenLinkConfiguration : IEntityTypeConfiguration<ScreenLink>
{
    public void Configure(EntityTypeBuilder<ScreenLink> builder)
    {
        builder.ToTable("screen_links");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => l.SessionId);
        builder.Property(l => l.Label).HasMaxLength(200).IsRequired();
        builder.Property(l => l.Version).IsRowVersion();
        builder.HasOne<Domain.Sessions.Session>().WithMany().HasForeignKey(l => l.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(l => l.IsActive);
    }
}
