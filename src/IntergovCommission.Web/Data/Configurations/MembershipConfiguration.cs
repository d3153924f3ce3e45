using IntergovCommission.Domain.Commissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntergovCommission.Web.Data.Configurations;

public sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    /// <summary>KZRU-01: one active membership per person and commission (the handler checks first; this is the backstop).</summary>
    public const string ActivePersonIndex = "ux_memberships_active_person";

    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.ToTable("memberships");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(32);
        builder.ComplexProperty(m => m.Position, LocalizedTextMapping.Configure(500));
        builder.ComplexProperty(m => m.Organisation, LocalizedTextMapping.Configure(500));
        builder.ComplexProperty(m => m.AppointingAuthority, LocalizedTextMapping.Configure(500));
        builder.Property(m => m.AppointingActNumber).HasMaxLength(64);
        builder.Property(m => m.EndReason).HasMaxLength(1000);
        builder.Property(m => m.Version).IsRowVersion();
        builder.HasOne<Commission>().WithMany().HasForeignKey(m => m.CommissionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Side>().WithMany().HasForeignKey(m => m.SideId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.CommissionId, m.PersonId })
            .IsUnique()
            .HasFilter("ended_on IS NULL")
            .HasDatabaseName(ActivePersonIndex);
        builder.HasIndex(m => new { m.CommissionId, m.SideId, m.Role });
    }
}
