using IntergovCommission.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntergovCommission.Web.Data.Configurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Action).HasMaxLength(200).IsRequired();
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.Request).HasColumnType("jsonb").IsRequired();
        builder.Property(a => a.Changes).HasColumnType("jsonb").IsRequired();
        builder.Property(a => a.CorrelationId).HasMaxLength(64);
        builder.Property(a => a.RemoteAddress).HasMaxLength(64);
        builder.Property(a => a.PreviousHash).HasMaxLength(64);
        builder.Property(a => a.Hash).HasMaxLength(64);
        builder.HasIndex(a => new { a.CommissionId, a.At });
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => a.Seq).IsUnique();
        builder.HasIndex(a => a.PreviousHash).IsUnique();
    }
}
