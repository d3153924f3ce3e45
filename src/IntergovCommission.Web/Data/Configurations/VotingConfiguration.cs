using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Domain.Voting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntergovCommission.Web.Data.Configurations;

public sealed class BallotConfiguration : IEntityTypeConfiguration<Ballot>
{
    /// <summary>One open ballot per session at a time.</summary>
    public const string OneOpenPerSession = "ux_ballots_one_open_per_session";

    public void Configure(EntityTypeBuilder<Ballot> builder)
    {
        builder.ToTable("ballots");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.TextHash).HasMaxLength(64).IsRequired();
        builder.Property(b => b.TextKk).IsRequired();
        builder.Property(b => b.TextRu).IsRequired();
        builder.Property(b => b.Version).IsRowVersion();
        builder.HasMany(b => b.Votes).WithOne().HasForeignKey(v => v.BallotId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(b => b.Votes).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(b => new { b.AgendaItemId, b.Round }).IsUnique();
        builder.HasOne<Session>().WithMany().HasForeignKey(b => b.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(b => b.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => b.SessionId).IsUnique().HasFilter("state = 'Open'").HasDatabaseName(OneOpenPerSession);
    }
}

public sealed class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    /// <summary>KZRU-17: one vote per member per round.</summary>
    public const string OnePerMember = "ux_votes_ballot_member";

    public void Configure(EntityTypeBuilder<Vote> builder)
    {
        builder.ToTable("votes");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever(); // new votes reached through Ballot.Votes are inserts
        builder.Property(v => v.Choice).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(v => new { v.BallotId, v.MembershipId }).IsUnique().HasDatabaseName(OnePerMember);
        builder.HasOne<Membership>().WithMany().HasForeignKey(v => v.MembershipId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AttendanceRecordConfiguration : IEntityTypeConfiguration<AttendanceRecord>
{
    public void Configure(EntityTypeBuilder<AttendanceRecord> builder)
    {
        builder.ToTable("attendance_records");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Mode).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.RepresentativeName).HasMaxLength(300);
        builder.Property(a => a.CredentialsDocument).HasMaxLength(500);
        builder.Property(a => a.Version).IsRowVersion();
        builder.HasIndex(a => new { a.SessionId, a.MembershipId }).IsUnique();
        builder.HasOne<Session>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Membership>().WithMany().HasForeignKey(a => a.MembershipId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DissentingOpinionConfiguration : IEntityTypeConfiguration<DissentingOpinion>
{
    public void Configure(EntityTypeBuilder<DissentingOpinion> builder)
    {
        builder.ToTable("dissenting_opinions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Language).HasMaxLength(8).IsRequired();
        builder.Property(d => d.Text).HasMaxLength(20000).IsRequired();
        builder.HasIndex(d => new { d.BallotId, d.MembershipId }).IsUnique();
        builder.HasOne<Ballot>().WithMany().HasForeignKey(d => d.BallotId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(d => d.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ExpertGroupReferralConfiguration : IEntityTypeConfiguration<ExpertGroupReferral>
{
    /// <summary>KZRU-20: an item is referred to an expert group once.</summary>
    public const string OnePerItem = "ux_expert_group_referrals_item";

    public void Configure(EntityTypeBuilder<ExpertGroupReferral> builder)
    {
        builder.ToTable("expert_group_referrals");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Task).HasMaxLength(4000).IsRequired();
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        builder.ComplexProperty(r => r.Proposal, LocalizedTextMapping.Configure(20000));
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasIndex(r => r.AgendaItemId).IsUnique().HasDatabaseName(OnePerItem);
        builder.HasOne<Session>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(r => r.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class NoInterestDeclarationConfiguration : IEntityTypeConfiguration<NoInterestDeclaration>
{
    public void Configure(EntityTypeBuilder<NoInterestDeclaration> builder)
    {
        builder.ToTable("no_interest_declarations");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasIndex(d => new { d.AgendaItemId, d.SideId }).IsUnique().HasDatabaseName("ux_no_interest_declarations_item_side");
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(d => d.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Side>().WithMany().HasForeignKey(d => d.SideId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ChairmanshipConfiguration : IEntityTypeConfiguration<Chairmanship>
{
    public void Configure(EntityTypeBuilder<Chairmanship> builder)
    {
        builder.ToTable("chairmanships", t => t.HasCheckConstraint("ck_chairmanships_term", "ends_on >= starts_on"));
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Basis).HasMaxLength(1000).IsRequired();
        builder.HasIndex(c => new { c.CommissionId, c.StartsOn });
        builder.HasOne<Commission>().WithMany().HasForeignKey(c => c.CommissionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Side>().WithMany().HasForeignKey(c => c.SideId).OnDelete(DeleteBehavior.Restrict);
    }
}
