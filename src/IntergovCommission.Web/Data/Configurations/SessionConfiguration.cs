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
        builder.Property(s => s.PlaceKk).HasMaxLength(500);
        builder.Property(s => s.ConferenceLink).HasMaxLength(1000);
        builder.Property(s => s.TimeZoneId).HasMaxLength(64).IsRequired();
        builder.Property(s => s.CancelReason).HasMaxLength(1000);
        builder.Property(s => s.RescheduleReason).HasMaxLength(1000);
        builder.Property(s => s.Version).IsRowVersion();
        builder.HasOne<Commission>().WithMany().HasForeignKey(s => s.CommissionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Data.RegulationProfileRecord>().WithMany().HasForeignKey(s => s.ProfileId).OnDelete(DeleteBehavior.Restrict);
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

public sealed class ExtraordinaryProposalConfiguration : IEntityTypeConfiguration<ExtraordinaryProposal>
{
    public void Configure(EntityTypeBuilder<ExtraordinaryProposal> builder)
    {
        builder.ToTable("extraordinary_proposals");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Subject).HasMaxLength(2000).IsRequired();
        builder.Property(p => p.Version).IsRowVersion();
        builder.Ignore(p => p.Supporting);
        builder.HasOne<Commission>().WithMany().HasForeignKey(p => p.CommissionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Side>().WithMany().HasForeignKey(p => p.ProposingSideId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Answers).WithOne().HasForeignKey(a => a.ProposalId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Answers).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class ExtraordinaryAnswerConfiguration : IEntityTypeConfiguration<ExtraordinaryAnswer>
{
    public void Configure(EntityTypeBuilder<ExtraordinaryAnswer> builder)
    {
        builder.ToTable("extraordinary_answers");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Answer).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(a => new { a.ProposalId, a.SideId }).IsUnique();
        builder.HasOne<Side>().WithMany().HasForeignKey(a => a.SideId).OnDelete(DeleteBehavior.Restrict);
    }
}
