using IntergovCommission.Domain.Calendars;

namespace IntergovCommission.Domain.Execution;

/// <summary>WF-04 (seed 004 cl. 32): the term of a circulated draft and each body's outcome, as pure functions of the calendar and the day.</summary>
public static class CirculationRules
{
    /// <summary>"Within two working days of receiving it."</summary>
    public const int TermWorkingDays = 2;

    /// <summary>The term: day 1 is the first working day after the day the draft came in; the term ends with day 2.</summary>
    public static Deadline Term(WorkingDayCalendar calendar, DateOnly sentOn) => Deadline.InWorkingDays(calendar, sentOn, TermWorkingDays);

    /// <summary>
    /// A body's outcome on <paramref name="today"/>: its answer if one is on record; otherwise awaited up to and including the last day
    /// of the term, and deemed agreed without remarks from the next day.
    /// </summary>
    public static CirculationOutcome Outcome(CirculationAnswer? answer, DateOnly dueOn, DateOnly today) => answer switch
    {
        CirculationAnswer.Agreed => CirculationOutcome.Agreed,
        CirculationAnswer.AgreedWithRemarks => CirculationOutcome.AgreedWithRemarks,
        CirculationAnswer.Objections => CirculationOutcome.Objections,
        _ => today > dueOn ? CirculationOutcome.DeemedAgreed : CirculationOutcome.Awaiting,
    };
}
