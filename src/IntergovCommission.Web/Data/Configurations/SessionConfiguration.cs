using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntergovCommission.Web.Data.Configurations;

public sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    /// <summary>Session numbers are sequential per commission: one number, one session.</summary>
    public const string NumberIndex = "ux_sessions_commission_number";

    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.ToTable("sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.Format).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.Place).HasMaxLength(500);
        builder.Property(s => s.ConferenceLink).HasMaxLength(1000);
        builder.Property(s => s.TimeZoneId).HasMaxLength(64).IsRequired();
        builder.Property(s => s.CancelReason).HasMaxLength(1000);
        builder.Property(s => s.Version).IsRowVersion();
        builder.HasOne<Commission>().WithMany().HasForeignKey(s => s.CommissionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.CommissionId, s.Number }).IsUnique().HasDatabaseName(NumberIndex);
        builder.HasMany(s => s.Items).WithOne().HasForeignKey(i => i.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(s => s.Invitees).WithOne().HasForeignKey(i => i.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Invitees).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(s => s.Approvals).WithOne().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(s => s.Approvals).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(s => s.LatestReturn);
        builder.Ignore(s => s.CurrentApprovals);
    }
}

public sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    /// <summary>A proposal enters the agenda at most once.</summary>
    public const string ProposalIndex = "ux_agenda_items_proposal";

    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.ToTable("agenda_items");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.ComplexProperty(i => i.Title, LocalizedTextMapping.Configure(500));
        builder.ComplexProperty(i => i.DraftDecision, LocalizedTextMapping.Configure(20000));
        builder.Property(i => i.Rapporteurs).HasMaxLength(1000);
        builder.Property(i => i.DecisionKind).HasConversion<string>().HasMaxLength(64);
        builder.HasIndex(i => i.ProposalId).IsUnique().HasFilter("proposal_id IS NOT NULL").HasDatabaseName(ProposalIndex);
        builder.HasMany(i => i.Acceptances).WithOne().HasForeignKey(a => a.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Acceptances).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class UnscheduledAcceptanceConfiguration : IEntityTypeConfiguration<UnscheduledAcceptance>
{
    public const string OnePerCoChairIndex = "ux_unscheduled_acceptances_item_person";

    public void Configure(EntityTypeBuilder<UnscheduledAcceptance> builder)
    {
        builder.ToTable("unscheduled_acceptances");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Side>().WithMany().HasForeignKey(a => a.SideId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.AgendaItemId, a.PersonId }).IsUnique().HasDatabaseName(OnePerCoChairIndex);
    }
}

public sealed class InvitedPersonConfiguration : IEntityTypeConfiguration<InvitedPerson>
{
    public void Configure(EntityTypeBuilder<InvitedPerson> builder)
    {
        builder.ToTable("invited_persons");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.FullName).HasMaxLength(300).IsRequired();
        builder.Property(i => i.Organisation).HasMaxLength(500).IsRequired();
        builder.Property(i => i.Topics).HasMaxLength(2000);
        builder.PrimitiveCollection(i => i.ItemIds).IsRequired();
        builder.HasOne<Person>().WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.PersonId);
    }
}

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
