using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Domain.Voting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntergovCommission.Web.Data.Configurations;

public sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    /// <summary>A proposal enters the agenda at most once.</summary>
    public const string ProposalIndex = "ux_agenda_items_proposal";

    /// <summary>KZRU-11/KZRU-20: an item is carried onto a later agenda at most once (deferred, or returned from an expert group).</summary>
    public const string CarriedFromIndex = "ux_agenda_items_carried_from";

    /// <summary>KZRU-20: an expert group's proposal comes back onto one agenda item.</summary>
    public const string ReferralIndex = "ux_agenda_items_referral";

    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.ToTable("agenda_items");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.ComplexProperty(i => i.Title, LocalizedTextMapping.Configure(500));
        builder.ComplexProperty(i => i.DraftDecision, LocalizedTextMapping.Configure(20000));
        builder.Property(i => i.Rapporteurs).HasMaxLength(1000);
        builder.Property(i => i.RapporteursKk).HasMaxLength(1000);
        builder.Property(i => i.DecisionKind).HasConversion<string>().HasMaxLength(64);
        builder.HasIndex(i => i.ProposalId).IsUnique().HasFilter("proposal_id IS NOT NULL").HasDatabaseName(ProposalIndex);
        builder.Property(i => i.CarryReason).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(i => i.CarriedFromItemId).IsUnique().HasFilter("carried_from_item_id IS NOT NULL").HasDatabaseName(CarriedFromIndex);
        builder.HasIndex(i => i.ReferralId).IsUnique().HasFilter("referral_id IS NOT NULL").HasDatabaseName(ReferralIndex);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(i => i.CarriedFromItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ExpertGroupReferral>().WithMany().HasForeignKey(i => i.ReferralId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(i => i.IsDeferred);
        builder.Property(i => i.AffectedSideIds).HasDefaultValueSql("'{}'");
        builder.Ignore(i => i.Content);
        builder.HasMany(i => i.Acceptances).WithOne().HasForeignKey(a => a.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Acceptances).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
