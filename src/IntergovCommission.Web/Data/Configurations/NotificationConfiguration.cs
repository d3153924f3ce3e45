using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using IntergovCommission.Domain.Commissions;

namespace IntergovCommission.Web.Data.Configurations;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Kind).HasMaxLength(64).IsRequired();
        builder.Property(n => n.TextKey).HasMaxLength(128).IsRequired();
        builder.Property(n => n.Arguments).HasColumnType("jsonb").IsRequired();
        builder.Property(n => n.Link).HasMaxLength(500);
        builder.HasOne<Person>().WithMany().HasForeignKey(n => n.RecipientPersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.RecipientPersonId, n.ReadAt, n.CreatedAt });
    }
}
