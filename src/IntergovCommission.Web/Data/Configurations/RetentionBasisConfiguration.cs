using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Decisions;
using IntergovCommission.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntergovCommission.Web.Data.Configurations;

public sealed class RetentionBasisConfiguration : IEntityTypeConfiguration<RetentionBasis>
{
    public void Configure(EntityTypeBuilder<RetentionBasis> builder)
    {
        builder.ToTable("retention_bases", t => t.HasCheckConstraint("ck_retention_bases_basis", "flight_tests_completed_on IS NOT NULL OR term_decision_id IS NOT NULL"));
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Act).HasMaxLength(500).IsRequired();
        builder.HasOne<Commission>().WithMany().HasForeignKey(r => r.CommissionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Decision>().WithMany().HasForeignKey(r => r.TermDecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.CommissionId, r.RecordedAt });
        builder.HasIndex(r => r.TermDecisionId);
    }
}
