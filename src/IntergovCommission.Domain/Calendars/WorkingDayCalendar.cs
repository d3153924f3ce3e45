namespace IntergovCommission.Domain.Calendars;

/// <summary>A date reached by counting working days, and the years on the way that had no calendar entered.</summary>
/// <param name="Date">The resulting date.</param>
/// <param name="YearsWithoutCalendar">Years the count passed through for which no calendar is entered: counted on weekends only, and to be flagged.</param>
public sealed record WorkingDayResult(DateOnly Date, IReadOnlyList<int> YearsWithoutCalendar)
{
    /// <summary>True when every year the count passed through had its calendar entered.</summary>
    public bool IsExact => YearsWithoutCalendar.Count == 0;
}

/// <summary>
/// WF-06: working-day arithmetic on one country's calendar. Pure: the calendar years are given, no clock, no database.
/// A date in a year with no calendar entered is judged on the week alone (Saturday and Sunday off) and the year is
/// reported, never guessed silently. Shortened pre-holiday days are working days.
/// </summary>
public sealed class WorkingDayCalendar
{
    /// <summary>The longest count the arithmetic accepts (about eight years of working days).</summary>
    public const int MaxWorkingDays = 2000;

    private readonly Dictionary<int, CalendarYear> _years;
    private readonly Dictionary<DateOnly, CalendarDay> _days;

    public WorkingDayCalendar(string country, IEnumerable<CalendarYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        Country = NormaliseCountry(country);
        _years = [];
        _days = [];
        foreach (var year in years)
        {
            if (!string.Equals(year.Country, Country, StringComparison.Ordinal))
            {
                throw new ArgumentException($"A {year.Country} year given to the {Country} calendar.", nameof(years));
            }

            _years[year.Year] = year;
            foreach (var day in year.Days)
            {
                _days[day.Date] = day;
            }
        }
    }

    /// <summary>ISO 3166-1 alpha-2 code of the country (KZ, RU).</summary>
    public string Country { get; }

    /// <summary>Whether a calendar is entered for the year.</summary>
    public bool HasYear(int year) => _years.ContainsKey(year);

    /// <summary>The entered calendar of a year, or null.</summary>
    public CalendarYear? Year(int year) => _years.GetValueOrDefault(year);

    /// <summary>The calendar's entry for a date, or null when the date is an ordinary weekday or weekend day.</summary>
    public CalendarDay? Exception(DateOnly date) => _days.GetValueOrDefault(date);

    /// <summary>Whether people work on the date in this country.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        _days.TryGetValue(date, out var day) ? day.IsWorking : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>
    /// WF-06: the date <paramref name="workingDays"/> working days after <paramref name="start"/>: day 1 is the first
    /// working day after the start date (the start date itself never counts).
    /// </summary>
    public WorkingDayResult AddWorkingDays(DateOnly start, int workingDays)
    {
        if (workingDays is <= 0 or > MaxWorkingDays)
        {
            throw new ArgumentOutOfRangeException(nameof(workingDays), workingDays, $"A count of working days is between 1 and {MaxWorkingDays}.");
        }

        var missing = new SortedSet<int>();
        var date = start;
        var counted = 0;
        while (counted < workingDays)
        {
            date = date.AddDays(1);
            Note(date, missing);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return new WorkingDayResult(date, [.. missing]);
    }

    /// <summary>
    /// The number of working days after <paramref name="from"/> up to and including <paramref name="to"/> (0 when
    /// <paramref name="to"/> is not after <paramref name="from"/>): "due within N working days" is
    /// <c>WorkingDaysBetween(today, deadline) &lt;= N</c>.
    /// </summary>
    public WorkingDayCount WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var missing = new SortedSet<int>();
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            Note(date, missing);
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return new WorkingDayCount(count, [.. missing]);
    }

    /// <summary>The first working day on or after the date (a deadline given as a date that falls on a day off stays; this serves reminders).</summary>
    public DateOnly OnOrAfter(DateOnly date)
    {
        var day = date;
        for (var i = 0; i < 60 && !IsWorkingDay(day); i++)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>"KZ", "RU": two Latin letters, upper case; anything else is refused.</summary>
    public static string NormaliseCountry(string country)
    {
        var code = (country ?? string.Empty).Trim().ToUpperInvariant();
        if (!IsCountryCode(code))
        {
            throw new ArgumentException($"A country is given by its two-letter ISO code; '{country}' is not one.", nameof(country));
        }

        return code;
    }

    /// <summary>Two Latin letters A-Z.</summary>
    public static bool IsCountryCode(string? code) => code is { Length: 2 } && code.All(c => c is >= 'A' and <= 'Z');

    private void Note(DateOnly date, SortedSet<int> missing)
    {
        if (!_years.ContainsKey(date.Year))
        {
            missing.Add(date.Year);
        }
    }
}

/// <summary>A count of working days and the years on the way without an entered calendar.</summary>
public sealed record WorkingDayCount(int Days, IReadOnlyList<int> YearsWithoutCalendar);
