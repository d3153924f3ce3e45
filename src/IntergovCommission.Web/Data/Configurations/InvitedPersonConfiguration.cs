using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntergovCommission.Web.Data.Configurations;

public sealed class InvitedPersonConfiguration : IEntityTypeConfiguration<InvitedPerson>
{
    public void Configure(EntityTypeBuilder<InvitedPerson> builder)
    {
        builder.ToTable("invited_persons");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.FullName).HasMaxLength(300).IsRequired();
        builder.Property(i => i.Organisation).HasMaxLength(500).IsRequired();
        builder.Property(i => i.OrganisationKk).HasMaxLength(500);
        builder.Property(i => i.Topics).HasMaxLength(2000);
        builder.Property(i => i.TopicsKk).HasMaxLength(2000);
        builder.PrimitiveCollection(i => i.ItemIds).IsRequired();
        builder.HasOne<Person>().WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.PersonId);
    }
}
