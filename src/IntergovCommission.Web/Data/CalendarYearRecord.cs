using IntergovCommission.Domain.Calendars;

namespace IntergovCommission.Web.Data;

/// <summary>A country's working-day calendar for one year as stored (WF-06): the source and its exceptions (<see cref="CalendarDayRecord"/>).</summary>
public sealed class CalendarYearRecord
{
    private CalendarYearRecord() { Country = string.Empty; Source = string.Empty; }

    public CalendarYearRecord(string country, int year, string source, bool provisional, DateTimeOffset now)
    {
        Country = WorkingDayCalendar.NormaliseCountry(country);
        Year = year;
        Source = source;
        Provisional = provisional;
        UpdatedAt = now;
    }

    public string Country { get; private set; }
    public int Year { get; private set; }
    /// <summary>The decree (number and date) or the publications the year was entered from.</summary>
    public string Source { get; private set; }
    /// <summary>Known only in part (an estimated religious holiday): shown as such.</summary>
    public bool Provisional { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public void Describe(string source, bool provisional, DateTimeOffset now)
    {
        Source = source;
        Provisional = provisional;
        UpdatedAt = now;
    }

    /// <summary>Marks the year changed (a day added or removed), so a concurrent edit of the same year conflicts.</summary>
    public void Touch(DateTimeOffset now) => UpdatedAt = now;
}
