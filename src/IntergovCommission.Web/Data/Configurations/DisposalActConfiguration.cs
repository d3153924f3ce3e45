using IntergovCommission.Domain.Commissions;
using IntergovCommission.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntergovCommission.Web.Data.Configurations;

public sealed class DisposalActConfiguration : IEntityTypeConfiguration<DisposalAct>
{
    public void Configure(EntityTypeBuilder<DisposalAct> builder)
    {
        builder.ToTable("disposal_acts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.ByDecision).HasMaxLength(500).IsRequired();
        builder.Property(a => a.ArchiveSha256).HasMaxLength(64).IsRequired();
        builder.Property(a => a.Records).HasColumnType("jsonb").IsRequired();
        builder.HasOne<Commission>().WithMany().HasForeignKey(a => a.CommissionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.CommissionId);
    }
}
