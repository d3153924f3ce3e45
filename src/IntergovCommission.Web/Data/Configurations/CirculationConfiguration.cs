using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Execution;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntergovCommission.Web.Data.Configurations;

public sealed class CirculationConfiguration : IEntityTypeConfiguration<Circulation>
{
    public const string NumberIndex = "ix_circulations_commission_id_number";

    public void Configure(EntityTypeBuilder<Circulation> builder)
    {
        builder.ToTable("circulations");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.TitleRu).HasMaxLength(1000).IsRequired();
        builder.Property(c => c.TitleKk).HasMaxLength(1000);
        builder.Property(c => c.Document).HasMaxLength(2000);
        builder.Property(c => c.YearsWithoutCalendar).IsRequired();
        builder.HasIndex(c => new { c.CommissionId, c.Number }).IsUnique().HasDatabaseName(NumberIndex);
        builder.HasMany(c => c.Bodies).WithOne().HasForeignKey(b => b.CirculationId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Bodies).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Commission>().WithMany().HasForeignKey(c => c.CommissionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Side>().WithMany().HasForeignKey(c => c.SideId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.CreatedByPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CirculationBodyConfiguration : IEntityTypeConfiguration<CirculationBody>
{
    public void Configure(EntityTypeBuilder<CirculationBody> builder)
    {
        builder.ToTable("circulation_bodies");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Organisation).HasMaxLength(500).IsRequired();
        builder.Property(b => b.Answer).HasConversion<string>().HasMaxLength(32);
        builder.Property(b => b.AnswerText).HasMaxLength(8000);
        builder.Property(b => b.Version).IsRowVersion();
        builder.HasOne<Person>().WithMany().HasForeignKey(b => b.RecordedByPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
