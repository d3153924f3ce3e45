using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntergovCommission.Web.Data.Configurations;

public sealed class AgendaProposalConfiguration : IEntityTypeConfiguration<AgendaProposal>
{
    public void Configure(EntityTypeBuilder<AgendaProposal> builder)
    {
        builder.ToTable("agenda_proposals");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.ComplexProperty(p => p.Title, LocalizedTextMapping.Configure(500));
        builder.ComplexProperty(p => p.Rationale, LocalizedTextMapping.Configure(10000));
        builder.ComplexProperty(p => p.DraftDecision, LocalizedTextMapping.Configure(20000));
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.DeclineReason).HasMaxLength(2000);
        builder.Property(p => p.Version).IsRowVersion();
        builder.HasOne<Session>().WithMany().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Commission>().WithMany().HasForeignKey(p => p.CommissionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.ProposerPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Side>().WithMany().HasForeignKey(p => p.SideId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.DecidedByPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.SessionId, p.SideId, p.Status });
    }
}
