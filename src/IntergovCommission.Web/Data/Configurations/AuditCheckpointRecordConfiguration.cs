using IntergovCommission.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntergovCommission.Web.Data.Configurations;

public sealed class AuditCheckpointRecordConfiguration : IEntityTypeConfiguration<AuditCheckpointRecord>
{
    public void Configure(EntityTypeBuilder<AuditCheckpointRecord> builder)
    {
        builder.ToTable("audit_checkpoints");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.HeadHash).HasMaxLength(64).IsRequired();
        builder.Property(c => c.Signature).IsRequired();
        builder.Property(c => c.Reason).HasMaxLength(32).IsRequired();
        builder.HasIndex(c => c.Length);
    }
}
