using IntergovCommission.Domain.Commissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntergovCommission.Web.Data.Configurations;

public sealed class MailOutboxEntryConfiguration : IEntityTypeConfiguration<MailOutboxEntry>
{
    public void Configure(EntityTypeBuilder<MailOutboxEntry> builder)
    {
        builder.ToTable("mail_outbox");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Kind).HasMaxLength(64).IsRequired();
        builder.Property(m => m.State).HasMaxLength(16).IsRequired();
        builder.Property(m => m.ToAddress).HasMaxLength(256);
        builder.Property(m => m.Language).HasMaxLength(8);
        builder.Property(m => m.Subject).HasMaxLength(500);
        builder.Property(m => m.DeliveredVia).HasMaxLength(16);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.HasOne<Notification>().WithMany().HasForeignKey(m => m.NotificationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.RecipientPersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.State, m.NextAttemptAt });
    }
}
