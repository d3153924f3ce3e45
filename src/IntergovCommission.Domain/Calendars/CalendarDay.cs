namespace IntergovCommission.Domain.Calendars;

/// <summary>What a date is in a country's working-day calendar, where it differs from "Monday to Friday work".</summary>
public enum CalendarDayKind
{
    /// <summary>A public holiday: not a working day.</summary>
    Holiday = 1,

    /// <summary>A day off that is not itself a holiday: moved by law or by a government decree (see <see cref="CalendarDay.MovedFrom"/>).</summary>
    DayOff = 2,

    /// <summary>A Saturday or Sunday that the government made a working day.</summary>
    WorkingWeekend = 3,

    /// <summary>A working day one hour shorter before a holiday: it still counts as a working day.</summary>
    Shortened = 4,
}

/// <summary>
/// One exception to the week in a country's calendar (the xmlcalendar shape): a holiday, a moved day off with
/// the date it was moved from, a working weekend day, or a shortened pre-holiday day.
/// </summary>
public sealed record CalendarDay(DateOnly Date, CalendarDayKind Kind, DateOnly? MovedFrom = null, string? Note = null)
{
    /// <summary>Whether people work on this date.</summary>
    public bool IsWorking => Kind is CalendarDayKind.WorkingWeekend or CalendarDayKind.Shortened;
}
