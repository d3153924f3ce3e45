using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Decisions;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Domain.Voting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntergovCommission.Web.Data.Configurations;

public sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    /// <summary>One row per decision number and version in a commission (corrections are new versions).</summary>
    public const string OneVersionPerNumber = "ux_decisions_commission_number_version";

    /// <summary>At most one current (not superseded) version per decision number: two corrections racing cannot both win.</summary>
    public const string OneCurrentVersion = "ux_decisions_current_version";

    public void Configure(EntityTypeBuilder<Decision> builder)
    {
        builder.ToTable("decisions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Number).HasMaxLength(32).IsRequired();
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Route).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.RouteRuleId).HasMaxLength(16);
        builder.Property(d => d.ContentHash).HasMaxLength(64);
        builder.Property(d => d.TitleKk).IsRequired();
        builder.Property(d => d.TitleRu).IsRequired();
        builder.Property(d => d.TextKk).IsRequired();
        builder.Property(d => d.TextRu).IsRequired();
        builder.Property(d => d.PresentAtVote).IsRequired();
        builder.Ignore(d => d.Wording);
        builder.Property(d => d.Version).IsRowVersion();
        builder.HasMany(d => d.Signatures).WithOne().HasForeignKey(s => s.DecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(d => d.Signatures).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(d => d.Awaited);
        builder.HasIndex(d => new { d.CommissionId, d.Number, d.VersionNumber }).IsUnique().HasDatabaseName(OneVersionPerNumber);
        builder.HasIndex(d => new { d.CommissionId, d.Number }).IsUnique().HasFilter("state <> 'Superseded'").HasDatabaseName(OneCurrentVersion);
        builder.HasIndex(d => d.BallotId);
        builder.HasIndex(d => d.SessionId);
        builder.HasOne<Commission>().WithMany().HasForeignKey(d => d.CommissionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Session>().WithMany().HasForeignKey(d => d.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(d => d.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Ballot>().WithMany().HasForeignKey(d => d.BallotId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Decision>().WithMany().HasForeignKey(d => d.PreviousVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DecisionSignatureConfiguration : IEntityTypeConfiguration<DecisionSignature>
{
    /// <summary>One slot per person and kind on a decision: signing twice changes nothing.</summary>
    public const string OneSlotPerSigner = "ux_decision_signatures_decision_member_kind";

    public void Configure(EntityTypeBuilder<DecisionSignature> builder)
    {
        builder.ToTable("decision_signatures");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever(); // slots reached through Decision.Signatures are inserts
        builder.Property(s => s.Role).HasConversion<string>().HasMaxLength(24);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.SignedHash).HasMaxLength(64);
        builder.Property(s => s.FromAddress).HasMaxLength(64);
        builder.Property(s => s.Provider).HasMaxLength(64);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.DecisionId, s.MembershipId, s.Kind }).IsUnique().HasDatabaseName(OneSlotPerSigner);
        builder.HasOne<Membership>().WithMany().HasForeignKey(s => s.MembershipId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class IssuedDecisionDocumentConfiguration : IEntityTypeConfiguration<IssuedDecisionDocument>
{
    public void Configure(EntityTypeBuilder<IssuedDecisionDocument> builder)
    {
        builder.ToTable("issued_decision_documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Sha256).HasMaxLength(64).IsRequired();
        builder.HasIndex(d => d.DecisionId).IsUnique();
        builder.HasIndex(d => d.Sha256);
        builder.HasOne<Decision>().WithMany().HasForeignKey(d => d.DecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(d => d.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DecisionDistributionConfiguration : IEntityTypeConfiguration<DecisionDistribution>
{
    public void Configure(EntityTypeBuilder<DecisionDistribution> builder)
    {
        builder.ToTable("decision_distributions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.How).HasMaxLength(1000).IsRequired();
        builder.HasIndex(d => d.DecisionId).IsUnique();
        builder.HasOne<Decision>().WithMany().HasForeignKey(d => d.DecisionId).OnDelete(DeleteBehavior.Restrict);
    }
}
