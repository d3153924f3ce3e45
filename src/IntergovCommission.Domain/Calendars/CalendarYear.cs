namespace IntergovCommission.Domain.Calendars;

/// <summary>
/// A country's working-day calendar for one year, as entered (WF-06): the exceptions to the Monday-Friday week and the
/// source (decree number and date, or the publications relied on). <see cref="Provisional"/> marks a year known only
/// in part (a moving religious holiday whose date is an estimate).
/// </summary>
public sealed record CalendarYear(string Country, int Year, string Source, bool Provisional, IReadOnlyList<CalendarDay> Days)
{
    /// <summary>The year's days that are exceptions, each date once; a date outside the year is refused.</summary>
    public static CalendarYear Create(string country, int year, string source, bool provisional, IEnumerable<CalendarDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var list = days.OrderBy(d => d.Date).ToList();
        if (list.Any(d => d.Date.Year != year))
        {
            throw new ArgumentException($"Every day of the {year} calendar falls in {year}.", nameof(days));
        }

        if (list.Select(d => d.Date).Distinct().Count() != list.Count)
        {
            throw new ArgumentException("A date appears once in a calendar year.", nameof(days));
        }

        return new CalendarYear(WorkingDayCalendar.NormaliseCountry(country), year, source, provisional, list);
    }
}
