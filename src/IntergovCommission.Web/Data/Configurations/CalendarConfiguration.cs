using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntergovCommission.Web.Data.Configurations;

public sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYearRecord>
{
    public void Configure(EntityTypeBuilder<CalendarYearRecord> builder)
    {
        builder.ToTable("working_day_calendars");
        builder.HasKey(y => new { y.Country, y.Year });
        builder.Property(y => y.Country).HasMaxLength(2);
        builder.Property(y => y.Source).HasMaxLength(1000).IsRequired();
        builder.Property(y => y.Version).IsRowVersion();
    }
}

public sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDayRecord>
{
    public void Configure(EntityTypeBuilder<CalendarDayRecord> builder)
    {
        builder.ToTable("working_day_calendar_days");
        builder.HasKey(d => new { d.Country, d.Date });
        builder.Property(d => d.Country).HasMaxLength(2);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.Note).HasMaxLength(300);
        builder.HasOne<CalendarYearRecord>().WithMany().HasForeignKey(d => new { d.Country, d.Year }).OnDelete(DeleteBehavior.Cascade);
    }
}
