using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntergovCommission.Web.Data.Configurations;

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
