using IntergovCommission.Domain.Commissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntergovCommission.Web.Data.Configurations;

public sealed class CommissionConfiguration : IEntityTypeConfiguration<Commission>
{
    public void Configure(EntityTypeBuilder<Commission> builder)
    {
        builder.ToTable("commissions");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Code).HasMaxLength(32).IsRequired();
        builder.HasIndex(c => c.Code).IsUnique();
        builder.ComplexProperty(c => c.Name, LocalizedTextMapping.Configure(500));
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasOne<RegulationProfileRecord>().WithMany().HasForeignKey(c => c.ProfileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Sides).WithOne().HasForeignKey(s => s.CommissionId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Sides).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
