using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Treaties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntergovCommission.Web.Data.Configurations;

public sealed class TreatyConfiguration : IEntityTypeConfiguration<Treaty>
{
    public void Configure(EntityTypeBuilder<Treaty> builder)
    {
        builder.ToTable("treaties");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.NameRu).HasMaxLength(2000).IsRequired();
        builder.Property(t => t.NameKk).HasMaxLength(2000);
        builder.Property(t => t.SigningActs).HasMaxLength(2000);
        builder.Property(t => t.InForceActs).HasMaxLength(2000);
        builder.Property(t => t.Validity).HasMaxLength(1000);
        builder.Property(t => t.ResponsibleBodies).HasMaxLength(2000);
        builder.Property(t => t.Subject).HasMaxLength(4000);
        builder.Property(t => t.Version).IsRowVersion();
        builder.Ignore(t => t.Details);
        builder.HasIndex(t => t.CommissionId);
        builder.HasOne<Commission>().WithMany().HasForeignKey(t => t.CommissionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Side>().WithMany().HasForeignKey(t => t.ReportingSideId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(t => t.CreatedByPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class TreatyReportConfiguration : IEntityTypeConfiguration<TreatyReport>
{
    public void Configure(EntityTypeBuilder<TreatyReport> builder)
    {
        builder.ToTable("treaty_reports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Measures).HasMaxLength(8000);
        builder.Property(r => r.Problems).HasMaxLength(8000);
        builder.Property(r => r.Proposal).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.ProposalText).HasMaxLength(4000);
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasIndex(r => new { r.TreatyId, r.Year }).IsUnique();
        builder.HasOne<Treaty>().WithMany().HasForeignKey(r => r.TreatyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.UpdatedByPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ReportDateReminderConfiguration : IEntityTypeConfiguration<ReportDateReminder>
{
    public void Configure(EntityTypeBuilder<ReportDateReminder> builder)
    {
        builder.ToTable("report_date_reminders");
        builder.HasKey(r => new { r.CommissionId, r.Kind, r.DueOn, r.Stage });
        builder.Property(r => r.Kind).HasMaxLength(16);
        builder.Property(r => r.Stage).HasMaxLength(16);
        builder.HasOne<Commission>().WithMany().HasForeignKey(r => r.CommissionId).OnDelete(DeleteBehavior.Cascade);
    }
}
