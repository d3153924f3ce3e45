using System.Globalization;
using IntergovCommission.Domain.Calendars;

namespace IntergovCommission.Domain.Execution;

/// <summary>
/// WF-06: a deadline given as a date, or as N working days after a start date counted on the calendar of the
/// responsible side's country. The computed date is kept with the rule that produced it, and with the years whose
/// calendar was missing when it was counted (the date is then provisional: weekends only).
/// </summary>
public sealed record Deadline(DateOnly Due, int? WorkingDays, DateOnly? CountedFrom, string? Country, IReadOnlyList<int> YearsWithoutCalendar)
{
    /// <summary>A deadline given as a date.</summary>
    public static Deadline OnDate(DateOnly due) => new(due, null, null, null, []);

    /// <summary>N working days after <paramref name="from"/> on the country's calendar; day 1 is the first working day after it.</summary>
    public static Deadline InWorkingDays(WorkingDayCalendar calendar, DateOnly from, int workingDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var result = calendar.AddWorkingDays(from, workingDays);
        return new Deadline(result.Date, workingDays, from, calendar.Country, result.YearsWithoutCalendar);
    }

    /// <summary>Counted in working days (and so moved by a calendar change).</summary>
    public bool IsCounted => WorkingDays is not null;

    /// <summary>The same rule counted again on a (changed) calendar; a date deadline stays as it is.</summary>
    public Deadline Recount(WorkingDayCalendar calendar) =>
        WorkingDays is int n && CountedFrom is DateOnly from ? InWorkingDays(calendar, from, n) : this;

    /// <summary>The rule in words, in English (logs, API): "5 working days from 11.12.2026, KZ calendar".</summary>
    public string RuleText => WorkingDays is int n && CountedFrom is DateOnly from
        ? string.Create(CultureInfo.InvariantCulture, $"{n} working days from {from:dd.MM.yyyy}, {Country} calendar")
            + (YearsWithoutCalendar.Count == 0 ? string.Empty : $" (calendar for {string.Join(", ", YearsWithoutCalendar)} not entered: weekends only)")
        : string.Create(CultureInfo.InvariantCulture, $"by {Due:dd.MM.yyyy}");

    /// <summary>Overdue on <paramref name="today"/>: the due date has passed (the due day itself is still in time).</summary>
    public bool HasPassed(DateOnly today) => today > Due;
}
