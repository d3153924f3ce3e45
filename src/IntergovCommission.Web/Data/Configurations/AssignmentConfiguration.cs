using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Decisions;
using IntergovCommission.Domain.Execution;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntergovCommission.Web.Data.Configurations;

public sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    /// <summary>One number per assignment in a commission's register (two created at once: one wins, the other retries).</summary>
    public const string NumberIndex = "ix_assignments_commission_id_number";

    public void Configure(EntityTypeBuilder<Assignment> builder)
    {
        builder.ToTable("assignments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Source).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.State).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.SourceAct).HasMaxLength(1000);
        builder.Property(a => a.TaskRu).HasMaxLength(4000);
        builder.Property(a => a.TaskKk).HasMaxLength(4000);
        builder.Property(a => a.Organisation).HasMaxLength(500).IsRequired();
        builder.Property(a => a.ResponsibleName).HasMaxLength(300);
        builder.Property(a => a.CoExecutors).HasMaxLength(1000);
        builder.Property(a => a.DeadlineCountry).HasMaxLength(2);
        builder.Property(a => a.CancelReason).HasMaxLength(2000);
        builder.Property(a => a.YearsWithoutCalendar).IsRequired();
        builder.Property(a => a.Version).IsRowVersion();
        builder.Ignore(a => a.Deadline);
        builder.HasIndex(a => new { a.CommissionId, a.Number }).IsUnique().HasDatabaseName(NumberIndex);
        builder.HasOne<Commission>().WithMany().HasForeignKey(a => a.CommissionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Side>().WithMany().HasForeignKey(a => a.SideId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Decision>().WithMany().HasForeignKey(a => a.DecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.ResponsiblePersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.ControllerPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.CreatedByPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AssignmentReportConfiguration : IEntityTypeConfiguration<AssignmentReport>
{
    public void Configure(EntityTypeBuilder<AssignmentReport> builder)
    {
        builder.ToTable("assignment_reports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Text).HasMaxLength(8000).IsRequired();
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.ReturnReason).HasMaxLength(2000);
        builder.HasOne<Assignment>().WithMany().HasForeignKey(r => r.AssignmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.SubmittedByPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.DecidedByPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AssignmentReportFileConfiguration : IEntityTypeConfiguration<AssignmentReportFile>
{
    public void Configure(EntityTypeBuilder<AssignmentReportFile> builder)
    {
        builder.ToTable("assignment_report_files");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.FileName).HasMaxLength(255).IsRequired();
        builder.Property(f => f.FileType).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.Sha256).HasMaxLength(64).IsRequired();
        builder.HasOne<AssignmentReport>().WithMany().HasForeignKey(f => f.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(f => f.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DeadlineExtensionConfiguration : IEntityTypeConfiguration<DeadlineExtension>
{
    public void Configure(EntityTypeBuilder<DeadlineExtension> builder)
    {
        builder.ToTable("deadline_extensions");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Country).HasMaxLength(2);
        builder.Property(e => e.YearsWithoutCalendar).IsRequired();
        builder.Property(e => e.Reason).HasMaxLength(2000).IsRequired();
        builder.Ignore(e => e.Proposed);
        builder.HasOne<Assignment>().WithMany().HasForeignKey(e => e.AssignmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.RequestedByPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.DecidedByPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AssignmentReminderConfiguration : IEntityTypeConfiguration<AssignmentReminder>
{
    public void Configure(EntityTypeBuilder<AssignmentReminder> builder)
    {
        builder.ToTable("assignment_reminders");
        builder.HasKey(r => new { r.AssignmentId, r.Kind, r.DueOn });
        builder.Property(r => r.Kind).HasMaxLength(16);
        builder.HasOne<Assignment>().WithMany().HasForeignKey(r => r.AssignmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
