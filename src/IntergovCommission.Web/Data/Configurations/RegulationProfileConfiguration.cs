using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntergovCommission.Web.Data.Configurations;

public sealed class RegulationProfileConfiguration : IEntityTypeConfiguration<RegulationProfileRecord>
{
    public void Configure(EntityTypeBuilder<RegulationProfileRecord> builder)
    {
        builder.ToTable("regulation_profiles");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Code).HasMaxLength(32).IsRequired();
        builder.Property(p => p.Document).HasColumnType("jsonb").IsRequired();
        builder.HasIndex(p => new { p.Code, p.ProfileVersion }).IsUnique();
    }
}
