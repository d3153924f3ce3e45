using IntergovCommission.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntergovCommission.Web.Data.Configurations;

public sealed class ProposalDeadlineReminderConfiguration : IEntityTypeConfiguration<ProposalDeadlineReminder>
{
    public void Configure(EntityTypeBuilder<ProposalDeadlineReminder> builder)
    {
        builder.ToTable("proposal_deadline_reminders");
        builder.HasKey(r => r.SessionId);
        builder.Property(r => r.SessionId).ValueGeneratedNever();
        builder.HasOne<Session>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
