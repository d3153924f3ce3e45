using IntergovCommission.Domain.Commissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntergovCommission.Web.Data.Configurations;

public sealed class SideConfiguration : IEntityTypeConfiguration<Side>
{
    public void Configure(EntityTypeBuilder<Side> builder)
    {
        builder.ToTable("sides");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Code).HasMaxLength(8).IsRequired();
        builder.Property(s => s.TimeZoneId).HasMaxLength(64).IsRequired();
        builder.HasIndex(s => new { s.CommissionId, s.Code }).IsUnique();
        builder.ComplexProperty(s => s.Name, LocalizedTextMapping.Configure(300));
        builder.ComplexProperty(s => s.AppointingAuthority, LocalizedTextMapping.Configure(500));
        builder.ComplexProperty(s => s.NominatingBody, LocalizedTextMapping.Configure(500));
    }
}
