using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntergovCommission.Web.Data;

/// <summary>A Data Protection key as XML, shared by every app instance (written and read by <see cref="Infrastructure.DatabaseKeyRepository"/>).</summary>
public sealed class DataProtectionKeyRecord
{
    private DataProtectionKeyRecord() { Xml = string.Empty; }

    public long Id { get; private set; }
    public string? FriendlyName { get; private set; }
    public string Xml { get; private set; }
}

public sealed class DataProtectionKeyRecordConfiguration : IEntityTypeConfiguration<DataProtectionKeyRecord>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyRecord> builder)
    {
        builder.ToTable("data_protection_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).UseIdentityAlwaysColumn();
        builder.Property(k => k.FriendlyName).HasMaxLength(200);
        builder.Property(k => k.Xml).IsRequired();
    }
}
