using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntergovCommission.Web.Data.Configurations;

public sealed class AgendaApprovalConfiguration : IEntityTypeConfiguration<AgendaApproval>
{
    /// <summary>KZRU-11: one answer per co-chair per agenda version.</summary>
    public const string OnePerVersionIndex = "ux_agenda_approvals_session_version_person";

    public void Configure(EntityTypeBuilder<AgendaApproval> builder)
    {
        builder.ToTable("agenda_approvals");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.Comment).HasMaxLength(4000);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Side>().WithMany().HasForeignKey(a => a.SideId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.SessionId, a.AgendaVersion, a.PersonId }).IsUnique().HasDatabaseName(OnePerVersionIndex);
    }
}
