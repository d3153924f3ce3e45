using IntergovCommission.Domain.Calendars;

namespace IntergovCommission.Web.Data;

/// <summary>One exception to the Monday-Friday week in a country's calendar year, as stored.</summary>
public sealed class CalendarDayRecord
{
    private CalendarDayRecord() { Country = string.Empty; }

    public CalendarDayRecord(string country, CalendarDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        Country = WorkingDayCalendar.NormaliseCountry(country);
        Date = day.Date;
        Year = day.Date.Year;
        Kind = day.Kind;
        MovedFrom = day.MovedFrom;
        Note = day.Note;
    }

    public string Country { get; private set; }
    public DateOnly Date { get; private set; }
    public int Year { get; private set; }
    public CalendarDayKind Kind { get; private set; }
    public DateOnly? MovedFrom { get; private set; }
    public string? Note { get; private set; }

    /// <summary>Corrects what the day is (the date stays).</summary>
    public void Change(CalendarDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        Kind = day.Kind;
        MovedFrom = day.MovedFrom;
        Note = day.Note;
    }

    public CalendarDay ToDomain() => new(Date, Kind, MovedFrom, Note);
}
