using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntergovCommission.Web.Data.Configurations;

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
