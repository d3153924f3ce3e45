using IntergovCommission.Domain.Calendars;

namespace IntergovCommission.Domain.Tests.Execution;

/// <summary>WF-06: working days of the country concerned. Day 1 is the first working day after the start date.</summary>
public sealed class WorkingDayCalendarTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Theory]
    // Plain weeks: Friday + 1 is Monday; Thursday + 5 is the next Thursday.
    [InlineData("KZ", "2026-02-13", 1, "2026-02-16")]
    [InlineData("KZ", "2026-02-12", 5, "2026-02-19")]
    // The example: 5 working days from 11.12.2026 on the KZ calendar skip 16 December (Independence Day).
    [InlineData("KZ", "2026-12-11", 5, "2026-12-21")]
    [InlineData("RU", "2026-12-11", 5, "2026-12-18")]
    // Nauryz 2026: 23 March a holiday, 24-25 March days off moved from the weekend.
    [InlineData("KZ", "2026-03-20", 1, "2026-03-26")]
    // A weekday day off moved by decree in Russia (9 January 2026, from 3 January).
    [InlineData("RU", "2025-12-30", 1, "2026-01-12")]
    // Year boundary: 31 December 2026 is a day off in Russia, and the January holidays run to 8 January 2027.
    [InlineData("RU", "2026-12-30", 1, "2027-01-11")]
    [InlineData("KZ", "2025-12-30", 2, "2026-01-05")]
    // A Saturday made working: Russia 1 November 2025, Kazakhstan Sunday 5 January 2025.
    [InlineData("RU", "2025-10-31", 1, "2025-11-01")]
    [InlineData("KZ", "2025-01-03", 1, "2025-01-05")]
    // Shortened pre-holiday days are working days: 30 April 2026 counts in Russia.
    [InlineData("RU", "2026-04-29", 1, "2026-04-30")]
    [InlineData("RU", "2026-04-29", 2, "2026-05-04")]
    // A moved day off is not a working day though it is not a holiday (8 May 2025 in Russia, moved from 23 February).
    [InlineData("RU", "2025-05-07", 1, "2025-05-12")]
    public void Working_days_are_counted_on_the_country_calendar(string country, string start, int days, string expected)
    {
        var calendar = country == "KZ" ? Calendars.Kz : Calendars.Ru;

        var result = calendar.AddWorkingDays(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), days);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.Date);
        Assert.True(result.IsExact);
    }

    [Fact]
    public void The_same_count_differs_between_the_two_countries()
    {
        // 7 May is a holiday in Kazakhstan (Defender of the Fatherland Day), an ordinary day in Russia.
        Assert.Equal(D(2026, 5, 8), Calendars.Kz.AddWorkingDays(D(2026, 5, 5), 2).Date);
        Assert.Equal(D(2026, 5, 7), Calendars.Ru.AddWorkingDays(D(2026, 5, 5), 2).Date);
    }

    [Theory]
    [InlineData("KZ", 2026, 247)]
    [InlineData("RU", 2025, 247)]
    [InlineData("RU", 2026, 247)]
    [InlineData("RU", 2027, 247)]
    public void A_shipped_year_has_the_number_of_working_days_its_source_gives(string country, int year, int expected)
    {
        var calendar = country == "KZ" ? Calendars.Kz : Calendars.Ru;

        var count = calendar.WorkingDaysBetween(D(year - 1, 12, 31), D(year, 12, 31));

        Assert.Equal(expected, count.Days);
    }

    [Fact]
    public void A_year_without_a_calendar_is_counted_on_weekends_only_and_flagged()
    {
        // 1 January 2028 is a Saturday; with no 2028 calendar nothing but the weekend is off: Monday 3 January is day 1.
        var result = Calendars.Ru.AddWorkingDays(D(2027, 12, 30), 1);

        Assert.Equal(D(2028, 1, 3), result.Date); // 31 Dec 2027 is a day off in Russia (moved from 3 January)
        Assert.Equal([2028], result.YearsWithoutCalendar);
        Assert.False(result.IsExact);
    }

    [Fact]
    public void A_count_inside_entered_years_is_not_flagged()
    {
        Assert.Empty(Calendars.Kz.AddWorkingDays(D(2026, 1, 5), 20).YearsWithoutCalendar);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(WorkingDayCalendar.MaxWorkingDays + 1)]
    public void A_count_of_no_working_days_or_too_many_is_refused(int days)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendars.Kz.AddWorkingDays(D(2026, 1, 5), days));
    }

    [Theory]
    [InlineData("kz", "KZ")]
    [InlineData(" RU ", "RU")]
    public void A_country_code_is_two_letters_in_upper_case(string given, string expected) =>
        Assert.Equal(expected, WorkingDayCalendar.NormaliseCountry(given));

    [Theory]
    [InlineData("")]
    [InlineData("KAZ")]
    [InlineData("K1")]
    public void Anything_else_is_not_a_country(string given) =>
        Assert.Throws<ArgumentException>(() => WorkingDayCalendar.NormaliseCountry(given));

    [Fact]
    public void A_calendar_year_refuses_a_day_of_another_year_and_a_date_twice()
    {
        Assert.Throws<ArgumentException>(() => CalendarYear.Create("KZ", 2026, "s", false, [new CalendarDay(D(2027, 1, 1), CalendarDayKind.Holiday)]));
        Assert.Throws<ArgumentException>(() => CalendarYear.Create("KZ", 2026, "s", false,
            [new CalendarDay(D(2026, 1, 1), CalendarDayKind.Holiday), new CalendarDay(D(2026, 1, 1), CalendarDayKind.DayOff)]));
    }

    [Fact]
    public void A_moved_day_off_keeps_the_date_it_was_moved_from()
    {
        var day = Calendars.Ru.Exception(D(2026, 12, 31));

        Assert.NotNull(day);
        Assert.Equal(CalendarDayKind.DayOff, day.Kind);
        Assert.Equal(D(2026, 1, 4), day.MovedFrom);
        Assert.False(day.IsWorking);
    }
}
